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
import {
  apiName,
  useCurrentConsumers,
  useTickCurrentConsumers,
} from './currentConsumers';
import {
  currentlyText,
  optionLabel,
  pickedNames,
  removalNote,
  toggleConsumer,
  unconfiguredNote,
} from './logic';
import type { ConsumerPickerProps } from './schema';

/**
 * The consumer networks the user may add by name, with the CIDR routes will
 * carry, marking those an owner must approve. With `currentConsumersOf`, also
 * the current consumers of the API that parameter names, ticked and marked,
 * including those the user could not add today.
 */
export function ConsumerPicker(props: ConsumerPickerProps) {
  const { formData, onChange, schema, uiSchema, formContext } = props;
  const { required, rawErrors = [] } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const picked = pickedNames(formData);

  const currentOf = uiSchema?.['ui:options']?.currentConsumersOf;
  const pickedApi = currentOf ? formContext?.formData?.[currentOf] : undefined;
  const entityRef =
    typeof pickedApi === 'string' && pickedApi ? pickedApi : undefined;
  // The backend offers the API's current consumers too, also those the user could not add.
  const consumers = useLookup(`consumers ${entityRef ?? ''}`, () =>
    lookups.listConsumers({ currentOf: entityRef }),
  );
  const options = consumers.value ?? [];
  const currentLookup = useCurrentConsumers(entityRef);
  // While the next API loads, the lookup still holds the previous one's answer.
  const current =
    currentLookup.value?.entityRef === entityRef
      ? currentLookup.value?.names
      : undefined;

  // A schema with minItems makes the form start the list as [null]: nothing is picked yet.
  useEffect(() => {
    if (formData && picked.length !== formData.length) {
      onChange(picked);
    }
  }, [formData, picked, onChange]);

  useTickCurrentConsumers({
    entityRef,
    current: currentLookup.value,
    // While the next API's list loads, the previous one's may lack its current consumers.
    options: consumers.loading ? undefined : consumers.value,
    picked,
    onChange,
  });

  const removal = current && removalNote(current, picked);
  const unconfigured = current && unconfiguredNote(current, options);

  return (
    <FormControl
      component="fieldset"
      margin="normal"
      fullWidth
      required={required}
      error={rawErrors.length > 0}
    >
      <FormLabel component="legend">{schema.title ?? 'Consumers'}</FormLabel>
      {current && (
        <FormHelperText error={false}>{currentlyText(current)}</FormHelperText>
      )}
      <FormHelperText error={false}>{schema.description}</FormHelperText>
      {entityRef && currentLookup.loading && (
        <FormHelperText error={false}>
          Reading the current consumers of {apiName(entityRef)}…
        </FormHelperText>
      )}
      {entityRef && currentLookup.error && !currentLookup.loading && (
        <FormHelperText error role="alert">
          Could not read the current consumers of {apiName(entityRef)}:{' '}
          {currentLookup.error.message}
        </FormHelperText>
      )}
      {consumers.loading && (
        <FormHelperText>Loading consumer networks…</FormHelperText>
      )}
      {consumers.error && (
        <FormHelperText error role="alert">
          Could not load the consumer networks: {consumers.error.message}
        </FormHelperText>
      )}
      <FormGroup>
        {options.map(consumer => {
          const checked = picked.includes(consumer.name);
          const label = optionLabel(
            consumer,
            Boolean(current?.includes(consumer.name)),
          );
          return (
            <FormControlLabel
              key={consumer.name}
              label={consumer.problem ? `${label}: ${consumer.problem}` : label}
              control={
                <Checkbox
                  checked={checked}
                  // A network whose VPC is gone cannot be added, but a ticked one can be removed.
                  disabled={Boolean(consumer.problem) && !checked}
                  onChange={() =>
                    onChange(toggleConsumer(picked, consumer.name, options))
                  }
                  name={consumer.name}
                />
              }
            />
          );
        })}
      </FormGroup>
      {unconfigured && (
        <FormHelperText error={false}>{unconfigured}</FormHelperText>
      )}
      {removal && <FormHelperText error={false}>{removal}</FormHelperText>}
    </FormControl>
  );
}
