import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { usePlacementPreview } from '../../lookups/placementPreview';
import {
  FilterRow,
  filtersOf,
  filtersPreviewRequest,
  placementMessages,
  previewZones,
  rowsOf,
} from './logic';
import type { SubnetFiltersProps } from './schema';

/** A row's errors from the form's schema check (e.g. a filter name's pattern). */
type RowErrors = {
  name?: { __errors?: string[] };
  values?: { __errors?: string[] };
};

/**
 * EC2 subnet filters with a live preview of what they match in the picked
 * account's VPC, grouped by zone with CIDRs. Two subnets in one zone, or
 * fewer than two zones, show the placement action's own message, and the
 * message follows the preview as the filters change (see placementMessages).
 */
export function SubnetFilters(props: SubnetFiltersProps) {
  const {
    formData,
    onChange,
    schema,
    uiSchema,
    formContext,
    rawErrors = [],
    errorSchema,
    hideError,
    idSchema,
  } = props;
  const id = idSchema?.$id ?? 'subnetFilters';
  const [rows, setRows] = useState<FilterRow[]>(() => rowsOf(formData));
  const request = filtersPreviewRequest(
    formContext?.formData,
    formData,
    uiSchema?.['ui:options'],
  );
  const preview = usePlacementPreview(request);

  const update = (next: FilterRow[]) => {
    setRows(next);
    onChange(filtersOf(next));
  };
  const edit = (index: number, change: Partial<FilterRow>) =>
    update(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const zones = previewZones(preview.value);
  const messages = placementMessages({
    request,
    preview,
    rawErrors,
    // Without ui:hideError the form draws the last Next's errors under the field too.
    shownByForm: hideError ? [] : rawErrors,
  });
  const rowErrors = (index: number) =>
    (errorSchema as Record<number, RowErrors> | undefined)?.[index];
  return (
    <Box mt={2} mb={1}>
      <Typography variant="subtitle1">
        {schema.title ?? 'Subnet filters'}
      </Typography>
      <FormHelperText error={false}>{schema.description}</FormHelperText>
      {rows.map((row, index) => {
        const nameErrors = rowErrors(index)?.name?.__errors ?? [];
        const valuesErrors = rowErrors(index)?.values?.__errors ?? [];
        return (
          <Box
            key={index}
            display="flex"
            alignItems="flex-start"
            style={{ gap: 16 }}
          >
            <TextField
              id={`${id}-${index}-name`}
              label={`Filter ${index + 1}`}
              placeholder="tag:Tier"
              value={row.name}
              onChange={event => edit(index, { name: event.target.value })}
              error={nameErrors.length > 0}
              helperText={nameErrors.join(' ') || undefined}
              margin="dense"
            />
            <TextField
              id={`${id}-${index}-values`}
              label={`Values ${index + 1}`}
              placeholder="private (comma-separated)"
              value={row.values}
              onChange={event => edit(index, { values: event.target.value })}
              error={valuesErrors.length > 0}
              helperText={valuesErrors.join(' ') || undefined}
              margin="dense"
              style={{ flexGrow: 1 }}
            />
            <Button onClick={() => update(rows.filter((_, i) => i !== index))}>
              Remove
            </Button>
          </Box>
        );
      })}
      <Button onClick={() => update([...rows, { name: '', values: '' }])}>
        Add filter
      </Button>

      <Box mt={2} aria-label="Matching subnets" role="region">
        {zones.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Availability Zone</TableCell>
                <TableCell>Subnet</TableCell>
                <TableCell>CIDR</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {zones.flatMap(zone =>
                zone.subnets.map(subnet => (
                  <TableRow key={subnet.subnetId} selected={zone.crowded}>
                    <TableCell>
                      {zone.availabilityZone}
                      {zone.crowded ? ' (more than one subnet)' : ''}
                    </TableCell>
                    <TableCell>{subnet.subnetId}</TableCell>
                    <TableCell>{subnet.cidr}</TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        )}
        {messages.map(message => (
          <FormHelperText
            key={message.text}
            error={message.error}
            role={message.error ? 'alert' : undefined}
          >
            {message.text}
          </FormHelperText>
        ))}
      </Box>
    </Box>
  );
}
