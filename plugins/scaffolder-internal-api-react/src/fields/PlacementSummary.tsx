import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import { internalApiLookupsApiRef } from '../api/InternalApiLookups';
import { placementSummary, previewRequest } from './subnetFilters';
import { useLookup } from './useLookup';

/**
 * The subnets the placement resolves to, one per zone, as this field's value,
 * so the Review page shows them. Read-only: it follows the account and the
 * subnet filters on the same page. Not passed to any step; the task resolves
 * the placement again itself.
 */
export function PlacementSummary(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, schema, formContext, idSchema } = props;
  const lookups = useApi(internalApiLookupsApiRef);
  const request = previewRequest(
    formContext?.formData,
    formContext?.formData?.subnetFilters,
  );
  const preview = useLookup(
    request && JSON.stringify(request),
    () => lookups.previewPlacement(request!),
    400,
  );
  const summary = placementSummary(preview.value);

  useEffect(() => {
    if (!preview.loading && summary !== formData) {
      onChange(summary);
    }
  }, [preview.loading, summary, formData, onChange]);

  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Resolved subnets'}
      value={summary ?? ''}
      placeholder="One subnet per zone, once the filters above resolve"
      InputProps={{ readOnly: true }}
      InputLabelProps={{ shrink: true }}
      helperText={schema.description}
      fullWidth
      multiline
      margin="normal"
    />
  );
}
