import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { parameterNames } from '../parameterNames';
import { pickedAccount } from './logic';
import { accountRegionDefaults, type AccountRegionProps } from './schema';

/**
 * The region of the account picked on the same page: set from the account's
 * config and shown read-only. Editable when the account is not a configured one.
 */
export function AccountRegion(props: AccountRegionProps) {
  const { formData, onChange, schema, uiSchema, formContext, idSchema } = props;
  const { accountField } = parameterNames(
    accountRegionDefaults,
    uiSchema?.['ui:options'],
  );
  const lookups = useApi(internalApiLookupsApiRef);
  const accounts = useLookup('accounts', () => lookups.listAccounts());
  const account = pickedAccount(
    accounts.value?.items,
    formContext?.formData?.[accountField],
  );

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
