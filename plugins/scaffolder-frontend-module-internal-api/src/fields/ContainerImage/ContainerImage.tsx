import { TextInput, trimmed } from '../TextInput';
import type { ContainerImageProps } from './schema';

/**
 * A text field trimmed as it is typed (a pasted reference often ends in a
 * space), never lower-cased: a tag may hold capitals. What it checks is in
 * validation.ts, run on Next.
 */
export function ContainerImage(props: ContainerImageProps) {
  const { formData, onChange, schema, required, rawErrors, idSchema } = props;
  return (
    <TextInput
      id={idSchema?.$id}
      label={schema.title ?? 'Container image'}
      value={formData}
      required={required}
      hasErrors={Boolean(rawErrors?.length)}
      description={schema.description}
      normalize={trimmed}
      onChange={onChange}
    />
  );
}
