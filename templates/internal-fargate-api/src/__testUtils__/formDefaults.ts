/** A page of a template's `spec.parameters`, as far as defaults go. */
type ParameterPage = {
  required?: string[];
  properties?: Record<string, { default?: unknown }>;
  dependencies?: Record<
    string,
    | string[]
    | {
        oneOf?: {
          properties: Record<string, { enum?: unknown[]; default?: unknown }>;
        }[];
      }
  >;
};

const pagesOf = (template: any): ParameterPage[] =>
  [template.spec.parameters ?? []].flat();

/**
 * What the form fills in before anyone types: every property's `default`,
 * and the defaults of the `dependencies` branch that the field it depends
 * on selects with its own default (memory by CPU), as the form computes them.
 */
export function formDefaults(template: any): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const page of pagesOf(template)) {
    for (const [name, property] of Object.entries(page.properties ?? {})) {
      if (property.default !== undefined) {
        values[name] = property.default;
      }
    }
    for (const [field, dependency] of Object.entries(page.dependencies ?? {})) {
      const branch = Array.isArray(dependency)
        ? undefined
        : dependency.oneOf?.find(b =>
            b.properties[field]?.enum?.includes(values[field]),
          );
      for (const [name, property] of Object.entries(branch?.properties ?? {})) {
        if (name !== field && property.default !== undefined) {
          values[name] = property.default;
        }
      }
    }
  }
  return values;
}

/** Only the values the form requires: what an API caller must send, nothing optional. */
export function requiredOnly(
  template: any,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const required = new Set(
    pagesOf(template).flatMap(page => page.required ?? []),
  );
  return Object.fromEntries(
    Object.entries(values).filter(([name]) => required.has(name)),
  );
}
