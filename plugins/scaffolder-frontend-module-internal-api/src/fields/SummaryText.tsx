import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';

/**
 * A display-only value, for the Review page: it shows each parameter's value,
 * and some values are not what the person picked (an account id, a repoUrl,
 * filters rather than the subnets they resolve to). The field keeps its value
 * equal to `summary` once `ready`, and draws it read-only; templates hide it
 * on its page (`ui:widget: hidden`) and no step reads it.
 */
export function SummaryText(props: {
  id?: string;
  label: string;
  description?: string;
  placeholder?: string;
  /** What Review should show; undefined clears the value (nothing to show). */
  summary: string | undefined;
  /** False while the lookups it is made from are loading. */
  ready: boolean;
  value: string | undefined;
  onChange(value: string | undefined): void;
}) {
  const { summary, ready, value, onChange } = props;
  useEffect(() => {
    if (ready && summary !== value) {
      onChange(summary);
    }
  }, [ready, summary, value, onChange]);

  return (
    <TextField
      id={props.id}
      label={props.label}
      value={summary ?? ''}
      placeholder={props.placeholder}
      InputProps={{ readOnly: true }}
      InputLabelProps={{ shrink: true }}
      helperText={props.description}
      fullWidth
      multiline
      margin="normal"
    />
  );
}
