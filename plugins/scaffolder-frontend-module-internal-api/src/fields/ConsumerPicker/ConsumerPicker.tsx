import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { useEffect } from 'react';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { consumerLabel, pickedNames, toggleConsumer } from './logic';
import type { ConsumerPickerProps } from './schema';

/** The configured consumer networks by name, with the CIDR routes will carry. */
export function ConsumerPicker(props: ConsumerPickerProps) {
  const { formData, onChange, schema, required, rawErrors = [] } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const consumers = useLookup('consumers', () => lookups.listConsumers());
  const options = consumers.value ?? [];
  const picked = pickedNames(formData);

  // A schema with minItems makes the form start the list as [null]: nothing is picked yet.
  useEffect(() => {
    if (formData && picked.length !== formData.length) {
      onChange(picked);
    }
  }, [formData, picked, onChange]);

  return (
    <FormControl
      component="fieldset"
      margin="normal"
      fullWidth
      required={required}
      error={rawErrors.length > 0}
    >
      <FormLabel component="legend">{schema.title ?? 'Consumers'}</FormLabel>
      <FormHelperText error={false}>{schema.description}</FormHelperText>
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
                checked={picked.includes(consumer.name)}
                disabled={Boolean(consumer.problem)}
                onChange={() =>
                  onChange(toggleConsumer(picked, consumer.name, options))
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
