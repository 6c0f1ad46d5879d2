import { useApi } from '@backstage/core-plugin-api';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { parameterNames } from '../parameterNames';
import { SummaryText } from '../SummaryText';
import { consumerSummary } from './logic';
import { consumerSummaryDefaults, type ConsumerSummaryProps } from './schema';

/** The picked consumers with their CIDRs, so the Review page shows what will be routed. */
export function ConsumerSummary(props: ConsumerSummaryProps) {
  const { formData, onChange, schema, uiSchema, formContext, idSchema } = props;
  const { consumersField } = parameterNames(
    consumerSummaryDefaults,
    uiSchema?.['ui:options'],
  );
  const lookups = useApi(internalApiLookupsApiRef);
  // The picker's own question (the client shares one request between them): with
  // currentConsumersOf, the API's current consumers come with their CIDRs even when the user
  // could not add them today.
  const currentOf = uiSchema?.['ui:options']?.currentConsumersOf;
  const pickedApi = currentOf ? formContext?.formData?.[currentOf] : undefined;
  const entityRef =
    typeof pickedApi === 'string' && pickedApi ? pickedApi : undefined;
  const consumers = useLookup(`consumers ${entityRef ?? ''}`, () =>
    lookups.listConsumers({ currentOf: entityRef }),
  );
  return (
    <SummaryText
      id={idSchema?.$id}
      label={schema.title ?? 'Consumers'}
      description={schema.description}
      summary={consumerSummary(
        consumers.value,
        formContext?.formData?.[consumersField],
      )}
      ready={!consumers.loading}
      value={formData}
      onChange={onChange}
    />
  );
}
