import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import { internalApiLookupsApiRef } from '../api/InternalApiLookups';
import { useLookup } from './useLookup';

/** The account field this region follows; `ui:options.accountField`, default `accountId`. */
export const accountFieldOf = (uiSchema: any): string =>
  uiSchema?.['ui:options']?.accountField ?? 'accountId';

/**
 * The region of the account picked on the same page: set from the account's
 * config and shown read-only. Editable when the account is not a configured one.
 */
export function AccountRegion(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, schema, uiSchema, formContext, idSchema } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const accounts = useLookup('accounts', () => lookups.listAccounts());
  const accountId = formContext?.formData?.[accountFieldOf(uiSchema)];
  const account = accounts.value?.find(a => a.accountId === accountId);

  useEffect(() => {
    if (account && account.region !== formData) {
      onChange(account.region);
    }
  }, [account, formData, onChange]);

  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Region'}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value || undefined)}
      InputProps={{ readOnly: Boolean(account) }}
      helperText={
        account
          ? `The region configured for ${account.title}.`
          : schema.description
      }
      fullWidth
      margin="normal"
    />
  );
}
