import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { accountLabel } from './logic';
import type { AccountPickerProps } from './schema';

/**
 * The configured workload accounts by title and id. When the list cannot be
 * loaded it says why and takes a typed 12-digit id, as without this package.
 */
export function AccountPicker(props: AccountPickerProps) {
  const { formData, onChange, schema, required, rawErrors, idSchema } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const accounts = useLookup('accounts', () => lookups.listAccounts());
  const failed = accounts.error
    ? `Could not load the accounts (${accounts.error.message}); type the 12-digit id.`
    : undefined;

  return (
    <TextField
      id={idSchema?.$id}
      select={!failed}
      label={schema.title ?? 'AWS account'}
      value={formData ?? ''}
      required={required}
      error={Boolean(rawErrors?.length) || Boolean(failed)}
      helperText={failed ?? schema.description}
      onChange={event => onChange(event.target.value || undefined)}
      fullWidth
      margin="normal"
      disabled={accounts.loading}
    >
      {(accounts.value ?? []).map(account => (
        <MenuItem key={account.accountId} value={account.accountId}>
          {accountLabel(account)}
        </MenuItem>
      ))}
    </TextField>
  );
}
