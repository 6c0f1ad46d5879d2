import { usePlacementPreview } from '../../lookups/placementPreview';
import { SummaryText } from '../SummaryText';
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
  return (
    <SummaryText
      id={idSchema?.$id}
      label={schema.title ?? 'Resolved subnets'}
      description={schema.description}
      placeholder="One subnet per zone, once the filters above resolve"
      summary={placementSummary(preview.value)}
      ready={!preview.loading}
      value={formData}
      onChange={onChange}
    />
  );
}
