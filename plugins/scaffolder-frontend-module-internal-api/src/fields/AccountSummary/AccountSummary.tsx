import { useApi } from '@backstage/core-plugin-api';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { parameterNames } from '../parameterNames';
import { SummaryText } from '../SummaryText';
import { accountSummary } from './logic';
import { accountSummaryDefaults, type AccountSummaryProps } from './schema';

/** The picked account by title and id, so the Review page shows more than the id. */
export function AccountSummary(props: AccountSummaryProps) {
  const { formData, onChange, schema, uiSchema, formContext, idSchema } = props;
  const { accountField } = parameterNames(
    accountSummaryDefaults,
    uiSchema?.['ui:options'],
  );
  const lookups = useApi(internalApiLookupsApiRef);
  const accounts = useLookup('accounts', () => lookups.listAccounts());
  return (
    <SummaryText
      id={idSchema?.$id}
      label={schema.title ?? 'AWS account'}
      description={schema.description}
      summary={accountSummary(
        accounts.value?.items,
        formContext?.formData?.[accountField],
      )}
      ready={!accounts.loading}
      value={formData}
      onChange={onChange}
    />
  );
}
