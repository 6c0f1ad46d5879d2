import { TextInput } from '../TextInput';
import type { ContainerImageProps } from './schema';

/** A plain text field: what it checks is in validation.ts, run on Next. */
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
      onChange={onChange}
    />
  );
}
