import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import {
  ConsumerNetworkOption,
  internalApiLookupsApiRef,
} from '../api/InternalApiLookups';
import { useLookup } from './useLookup';

export const consumerLabel = (consumer: ConsumerNetworkOption) =>
  `${consumer.name} · ${consumer.cidr ?? 'CIDR unknown'} · account ${
    consumer.accountId
  }`;

/** Adds or removes a name, keeping the configured order. */
export function toggleConsumer(
  selected: string[],
  name: string,
  options: ConsumerNetworkOption[],
): string[] {
  const next = selected.includes(name)
    ? selected.filter(n => n !== name)
    : [...selected, name];
  return options.map(o => o.name).filter(n => next.includes(n));
}

/** The configured consumer networks by name, with the CIDR routes will carry. */
export function ConsumerPicker(props: FieldExtensionComponentProps<string[]>) {
  const { formData = [], onChange, schema } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const consumers = useLookup('consumers', () => lookups.listConsumers());
  const options = consumers.value ?? [];

  return (
    <FormControl component="fieldset" margin="normal" fullWidth>
      <FormLabel component="legend">{schema.title ?? 'Consumers'}</FormLabel>
      <FormHelperText>{schema.description}</FormHelperText>
      {consumers.loading && (
        <FormHelperText>Loading consumer networks…</FormHelperText>
      )}
      {consumers.error && (
        <FormHelperText error role="alert">
          Could not load the consumer networks: {consumers.error.message}
        </FormHelperText>
      )}
      <FormGroup>
        {options.map(consumer => (
          <FormControlLabel
            key={consumer.name}
            label={
              consumer.problem
                ? `${consumerLabel(consumer)}: ${consumer.problem}`
                : consumerLabel(consumer)
            }
            control={
              <Checkbox
                checked={formData.includes(consumer.name)}
                disabled={Boolean(consumer.problem)}
                onChange={() =>
                  onChange(toggleConsumer(formData, consumer.name, options))
                }
                name={consumer.name}
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
