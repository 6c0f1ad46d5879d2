import { parameterNames } from '../parameterNames';
import { SummaryText } from '../SummaryText';
import { repositorySummary } from './logic';
import {
  repositorySummaryDefaults,
  type RepositorySummaryProps,
} from './schema';

/** RepoUrlPicker's value as `owner/repo`, so the Review page shows the repository as people write it. */
export function RepositorySummary(props: RepositorySummaryProps) {
  const { formData, onChange, schema, uiSchema, formContext, idSchema } = props;
  const { repoUrlField } = parameterNames(
    repositorySummaryDefaults,
    uiSchema?.['ui:options'],
  );
  return (
    <SummaryText
      id={idSchema?.$id}
      label={schema.title ?? 'Repository'}
      description={schema.description}
      summary={repositorySummary(formContext?.formData?.[repoUrlField])}
      ready
      value={formData}
      onChange={onChange}
    />
  );
}
