import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { parameterNames } from '../parameterNames';
import { lowerCaseTrimmed, TextInput } from '../TextInput';
import { suggestedDomains } from './logic';
import { domainNameDefaults, type DomainNameProps } from './schema';

/**
 * The API's name, with `<name>.<parent>` suggested for each allowed parent;
 * lower-cased and trimmed as it is typed (DNS names ignore case).
 */
export function DomainName(props: DomainNameProps) {
  const {
    formData,
    onChange,
    schema,
    uiSchema,
    required,
    rawErrors,
    formContext,
    idSchema,
  } = props;
  const { nameField } = parameterNames(
    domainNameDefaults,
    uiSchema?.['ui:options'],
  );
  const lookups = useApi(internalApiLookupsApiRef);
  const parents = useLookup('parents', () => lookups.listParentDomains());
  const suggestions = suggestedDomains(
    formContext?.formData?.[nameField],
    parents.value ?? [],
  ).filter(domain => domain !== formData);

  return (
    <Box>
      <TextInput
        id={idSchema?.$id}
        label={schema.title ?? 'Domain name'}
        value={formData}
        required={required}
        hasErrors={Boolean(rawErrors?.length)}
        description={schema.description}
        normalize={lowerCaseTrimmed}
        onChange={onChange}
      />
      {suggestions.map(domain => (
        <Chip
          key={domain}
          label={`Use ${domain}`}
          onClick={() => onChange(domain)}
          size="small"
          style={{ marginRight: 8 }}
        />
      ))}
    </Box>
  );
}
