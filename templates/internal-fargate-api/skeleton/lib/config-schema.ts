/**
 * A small JSON validator for config/service.json. Every rule reports the
 * field's path, the value it found and what is allowed, so a bad edit fails
 * synth with a message that says which field to fix. Hand-written on purpose:
 * the repository depends only on aws-cdk-lib, cdk-nag and constructs.
 */
export type Rule = (value: unknown, path: string, problems: string[]) => void;

const shown = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

function refuse(problems: string[], path: string, value: unknown, allowed: string) {
  problems.push(`${path} is ${shown(value)}; allowed: ${allowed}`);
}

/** A string matching `pattern`, at most `maxLength` characters; `allowed` says what that means to a person. */
export const text =
  (pattern: RegExp, allowed: string, maxLength = 256): Rule =>
  (value, path, problems) => {
    if (typeof value !== 'string' || value.length > maxLength || !pattern.test(value)) {
      refuse(problems, path, value, `${allowed} (at most ${maxLength} characters)`);
    }
  };

export const integer =
  (minimum: number, maximum: number): Rule =>
  (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
      refuse(problems, path, value, `an integer from ${minimum} to ${maximum}`);
    }
  };

export const oneOf =
  (values: readonly (string | number)[]): Rule =>
  (value, path, problems) => {
    if (!values.includes(value as string | number)) {
      refuse(problems, path, value, `one of ${values.map(v => JSON.stringify(v)).join(', ')}`);
    }
  };

export const boolean: Rule = (value, path, problems) => {
  if (typeof value !== 'boolean') {
    refuse(problems, path, value, 'true or false');
  }
};

/** An array of items that each pass `item`; `unique` refuses repeated items. */
export const list =
  (item: Rule, limits: { minItems?: number; maxItems: number; unique?: boolean }): Rule =>
  (value, path, problems) => {
    const { minItems = 0, maxItems, unique = false } = limits;
    if (!Array.isArray(value) || value.length < minItems || value.length > maxItems) {
      refuse(problems, path, value, `a list of ${minItems} to ${maxItems} items`);
      return;
    }
    value.forEach((element, i) => item(element, `${path}[${i}]`, problems));
    const seen = value.map(element => JSON.stringify(element));
    seen.forEach((element, i) => {
      if (unique && seen.indexOf(element) !== i) {
        refuse(problems, `${path}[${i}]`, value[i], `an item not already in ${path}`);
      }
    });
  };

/** Lets the field be left out; when present it must pass `rule`. */
export const optional =
  (rule: Rule): Rule =>
  (value, path, problems) => {
    if (value !== undefined) {
      rule(value, path, problems);
    }
  };

/** An object with exactly these fields: a field it does not know is refused too (a typo must not pass unseen). */
export const object =
  (fields: Record<string, Rule>): Rule =>
  (value, path, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      refuse(problems, path || 'the config', value, `an object with ${Object.keys(fields).join(', ')}`);
      return;
    }
    const record = value as Record<string, unknown>;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(record).filter(k => !(k in fields))) {
      problems.push(`${at(key)} is not a field here; allowed: ${Object.keys(fields).join(', ')}`);
    }
    for (const [key, rule] of Object.entries(fields)) {
      rule(record[key], at(key), problems);
    }
  };
