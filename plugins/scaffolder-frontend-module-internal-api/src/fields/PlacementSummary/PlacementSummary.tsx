import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import { usePlacementPreview } from '../../lookups/placementPreview';
import { placementSummary, summaryPreviewRequest } from './logic';
import type { PlacementSummaryProps } from './schema';

/**
 * The subnets the placement resolves to, one per zone, as this field's value,
 * so the Review page shows them. Read-only: it follows the account and the
 * subnet filters on the same page. Not passed to any step; the task resolves
 * the placement again itself.
 */
export function PlacementSummary(props: PlacementSummaryProps) {
  const { formData, onChange, schema, uiSchema, formContext, idSchema } = props;
  const preview = usePlacementPreview(
    summaryPreviewRequest(formContext?.formData, uiSchema?.['ui:options']),
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
