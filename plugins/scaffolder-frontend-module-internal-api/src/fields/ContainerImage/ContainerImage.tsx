import TextField from '@material-ui/core/TextField';
import type { ContainerImageProps } from './schema';

/** A plain text field: what it checks is in validation.ts, run on Next. */
export function ContainerImage(props: ContainerImageProps) {
  const { formData, onChange, schema, required, rawErrors, idSchema } = props;
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Container image'}
      value={formData ?? ''}
      required={required}
      error={Boolean(rawErrors?.length)}
      helperText={schema.description}
      onChange={event => onChange(event.target.value || undefined)}
      fullWidth
      margin="normal"
    />
  );
}
