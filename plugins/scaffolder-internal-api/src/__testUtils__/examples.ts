import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/**
 * Each example's first step, with every input that is exactly
 * `${{ parameters.x }}` replaced by `parameters.x`, as a template would pass it.
 */
export function exampleSteps(
  examples: TemplateExample[],
  parameters: Record<string, unknown>,
) {
  return examples.map(({ description, example }) => {
    const [step] = yaml.parse(example).steps as {
      action: string;
      input: Record<string, unknown>;
    }[];
    const input = Object.fromEntries(
      Object.entries(step.input).map(([key, value]) => {
        const match =
          typeof value === 'string'
            ? /^\$\{\{ parameters\.(\w+) \}\}$/.exec(value)
            : null;
        return [key, match ? parameters[match[1]] : value];
      }),
    );
    return { description, action: step.action, input };
  });
}
