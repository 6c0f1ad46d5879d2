/**
 * The names of the other parameters a field reads, from its `ui:options`
 * (e.g. `accountField: workloadAccount`), else the defaults: a template may
 * name its parameters as it likes.
 */
export function parameterNames<K extends string>(
  defaults: Record<K, string>,
  uiOptions: Partial<Record<K, unknown>> | undefined,
): Record<K, string> {
  const names = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const name = uiOptions?.[key];
    if (typeof name === 'string' && name) {
      names[key] = name;
    }
  }
  return names;
}
