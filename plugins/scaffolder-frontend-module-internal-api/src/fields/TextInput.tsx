import TextField from '@material-ui/core/TextField';

/**
 * The text input of a custom string field, drawn as the scaffolder draws a
 * plain one: its title, the required mark, red when it has errors, its
 * description below; an emptied input is `undefined`, not `''`.
 */
export function TextInput(props: {
  id?: string;
  label: string;
  value?: string;
  required?: boolean;
  hasErrors: boolean;
  description?: string;
  onChange(value: string | undefined): void;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.value ?? ''}
      required={props.required}
      error={props.hasErrors}
      helperText={props.description}
      onChange={event => props.onChange(event.target.value || undefined)}
      fullWidth
      margin="normal"
    />
  );
}
