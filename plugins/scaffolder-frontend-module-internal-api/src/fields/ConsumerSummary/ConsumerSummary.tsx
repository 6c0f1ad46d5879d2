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
  const consumers = useLookup('consumers', () => lookups.listConsumers());
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
