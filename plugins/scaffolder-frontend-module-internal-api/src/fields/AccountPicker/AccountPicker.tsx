import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { accountLabel } from './logic';
import type { AccountPickerProps } from './schema';

/**
 * The workload accounts the user may create in, by title and id. When there
 * are none it shows the backend's sentence on who owns which and how to get
 * access. When the list cannot be loaded it says why and takes a typed
 * 12-digit id, as without this package (the backend still refuses an account
 * the user may not use).
 */
export function AccountPicker(props: AccountPickerProps) {
  const { formData, onChange, schema, required, rawErrors, idSchema } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const accounts = useLookup('accounts', () => lookups.listAccounts());
  const failed = accounts.error
    ? `Could not load the accounts (${accounts.error.message}); type the 12-digit id.`
    : undefined;
  const noAccount = accounts.value?.noAccountReason;

  return (
    <TextField
      id={idSchema?.$id}
      select={!failed}
      label={schema.title ?? 'AWS account'}
      value={formData ?? ''}
      required={required}
      error={Boolean(rawErrors?.length || failed || noAccount)}
      helperText={failed ?? noAccount ?? schema.description}
      onChange={event => onChange(event.target.value || undefined)}
      fullWidth
      margin="normal"
      disabled={accounts.loading}
    >
      {(accounts.value?.items ?? []).map(account => (
        <MenuItem key={account.accountId} value={account.accountId}>
          {accountLabel(account)}
        </MenuItem>
      ))}
    </TextField>
  );
}
