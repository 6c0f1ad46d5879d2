import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/**
 * Each example's first step, with every input that is exactly one template
 * expression (`${{ parameters.x }}`, `${{ steps.s.output.y }}`) replaced by
 * `values['parameters.x']` / `values['steps.s.output.y']`, as the scaffolder would.
 */
export function exampleSteps(
  examples: TemplateExample[],
  values: Record<string, unknown>,
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
            ? /^\$\{\{ ([\w.[\]'/-]+) \}\}$/.exec(value)
            : null;
        if (match && !(match[1] in values)) {
          throw new Error(
            `No test value for ${match[1]} in example "${description}"`,
          );
        }
        return [key, match ? values[match[1]] : value];
      }),
    );
    return { description, action: step.action, input };
  });
}
