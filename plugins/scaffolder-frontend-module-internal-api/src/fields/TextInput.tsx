import TextField from '@material-ui/core/TextField';
import type { ChangeEvent } from 'react';

/**
 * The text input of a custom string field, drawn as the scaffolder draws a
 * plain one: its title, the required mark, red when it has errors, its
 * description below (grey, as a plain field's); an emptied input is
 * `undefined`, not `''`.
 *
 * `normalize` rewrites what is typed as it is typed (e.g. trims it), keeping
 * the caret where the person was typing rather than at the end.
 */
export function TextInput(props: {
  id?: string;
  label: string;
  value?: string;
  required?: boolean;
  hasErrors: boolean;
  description?: string;
  normalize?(typed: string): string;
  onChange(value: string | undefined): void;
}) {
  const { normalize } = props;
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const typed = input.value;
    const value = normalize ? normalize(typed) : typed;
    if (value !== typed) {
      // Written to the input before React renders it, so React leaves the caret alone.
      const caret = input.selectionStart ?? typed.length;
      const kept = Math.min(
        value.length,
        typed.slice(0, caret).trimStart().length,
      );
      input.value = value;
      input.setSelectionRange(kept, kept);
    }
    props.onChange(value || undefined);
  };
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.value ?? ''}
      required={props.required}
      error={props.hasErrors}
      helperText={props.description}
      // The description stays grey; the form lists what is wrong below it, in red.
      FormHelperTextProps={{ error: false }}
      onChange={change}
      fullWidth
      margin="normal"
    />
  );
}

/** Surrounding whitespace is never part of an image reference or a host name. */
export const trimmed = (typed: string) => typed.trim();

/** DNS names are case-insensitive; the form and the zone use lower case. */
export const lowerCaseTrimmed = (typed: string) => typed.trim().toLowerCase();
