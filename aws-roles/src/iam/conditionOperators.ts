import type { PolicyStatement } from './policyDocument';
import { arnLike, refusePolicyVariables, stringLike } from './policyPatterns';

/**
 * The Condition element, as the IAM User Guide defines it ("IAM JSON policy
 * elements: Condition operators", "Conditions with multiple context keys or
 * values", "Single-valued vs. multivalued context keys"):
 * - operators AND, keys under one operator AND, a key's policy values OR;
 *   for a negated operator (StringNotEquals, ArnNotLike…) the values NOR;
 * - a key missing from the request: the condition is false, except for a
 *   negated operator (true), `…IfExists` (true) and `Null`;
 * - `ForAllValues:` every request value must match (true when the key is
 *   missing or empty: the trap that makes it permissive under an Allow),
 *   `ForAnyValue:` at least one must (false when missing or empty);
 * - an operator without a set qualifier on a key with several request
 *   values is not documented: we refuse it rather than guess.
 * Condition key names are case-insensitive; the context passed in must have
 * lower-case keys (`lowerCaseKeys`). Anything else throws: an operator this
 * evaluator does not know must never read as "allowed".
 */

export type ContextValue = string | string[];
/** Condition keys of one request, e.g. { 'ec2:vpc': 'arn:aws:ec2:…:vpc/vpc-1' }. */
export type ConditionContext = Record<string, ContextValue>;

export function lowerCaseKeys(context: ConditionContext): ConditionContext {
  return Object.fromEntries(
    Object.entries(context).map(([key, value]) => [key.toLowerCase(), value]),
  );
}

type Compare = (requestValue: string, policyValue: string) => boolean;

const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
const numeric =
  (test: (a: number, b: number) => boolean): Compare =>
  (requestValue, policyValue) =>
    test(number(requestValue), number(policyValue));

/** Each base operator: how one request value compares to one policy value, and whether it is negated. */
const OPERATORS: Record<string, { compare: Compare; negated: boolean }> = {
  StringEquals: { compare: (a, b) => a === b, negated: false },
  StringNotEquals: { compare: (a, b) => a === b, negated: true },
  StringEqualsIgnoreCase: {
    compare: (a, b) => a.toLowerCase() === b.toLowerCase(),
    negated: false,
  },
  StringNotEqualsIgnoreCase: {
    compare: (a, b) => a.toLowerCase() === b.toLowerCase(),
    negated: true,
  },
  StringLike: { compare: stringLike, negated: false },
  StringNotLike: { compare: stringLike, negated: true },
  ArnEquals: { compare: arnLike, negated: false },
  ArnLike: { compare: arnLike, negated: false },
  ArnNotEquals: { compare: arnLike, negated: true },
  ArnNotLike: { compare: arnLike, negated: true },
  Bool: {
    compare: (a, b) => a.toLowerCase() === b.toLowerCase(),
    negated: false,
  },
  NumericEquals: { compare: numeric((a, b) => a === b), negated: false },
  NumericNotEquals: { compare: numeric((a, b) => a === b), negated: true },
  NumericLessThan: { compare: numeric((a, b) => a < b), negated: false },
  NumericLessThanEquals: {
    compare: numeric((a, b) => a <= b),
    negated: false,
  },
  NumericGreaterThan: { compare: numeric((a, b) => a > b), negated: false },
  NumericGreaterThanEquals: {
    compare: numeric((a, b) => a >= b),
    negated: false,
  },
};

interface ParsedOperator {
  qualifier?: 'ForAllValues' | 'ForAnyValue';
  base: string;
  ifExists: boolean;
}

function parseOperator(operator: string): ParsedOperator {
  const match = /^(?:(ForAllValues|ForAnyValue):)?(.+?)(IfExists)?$/.exec(
    operator,
  );
  const base = match?.[2] ?? '';
  if (!match || (base !== 'Null' && !OPERATORS[base])) {
    throw new Error(
      `Condition operator "${operator}" is not supported by this evaluator`,
    );
  }
  if (base === 'Null' && (match[1] || match[3])) {
    throw new Error(`Condition operator "${operator}" is not valid in IAM`);
  }
  return {
    qualifier: match[1] as ParsedOperator['qualifier'],
    base,
    ifExists: Boolean(match[3]),
  };
}

/** The request's values of a key; an empty list counts as missing. */
function requestValues(context: ConditionContext, key: string) {
  const value = context[key.toLowerCase()];
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.length > 0 ? values : undefined;
}

function keyHolds(
  operator: string,
  key: string,
  policyValues: string[],
  context: ConditionContext,
): boolean {
  const { qualifier, base, ifExists } = parseOperator(operator);
  const values = requestValues(context, key);
  if (base === 'Null') {
    // `true`: the key must be absent; `false`: present.
    return policyValues.some(
      expected => (expected.toLowerCase() === 'true') === !values,
    );
  }
  const { compare, negated } = OPERATORS[base];
  // One request value against the policy's values: OR, or NOR when negated.
  const valueHolds = (value: string) => {
    const matched = policyValues.some(expected => compare(value, expected));
    return negated ? !matched : matched;
  };
  if (!values) {
    if (ifExists) return true;
    if (qualifier === 'ForAllValues') return true;
    if (qualifier === 'ForAnyValue') return false;
    return negated;
  }
  if (qualifier === 'ForAllValues') return values.every(valueHolds);
  if (qualifier === 'ForAnyValue') return values.some(valueHolds);
  if (values.length > 1) {
    throw new Error(
      `Condition "${operator}" on "${key}": the request has several values (${values.join(
        ', ',
      )}); ` +
        'IAM documents no meaning for an operator without ForAllValues/ForAnyValue on a multivalued key',
    );
  }
  return valueHolds(values[0]);
}

/** Whether a statement's Condition holds for a request context (lower-case keys). */
export function conditionsHold(
  condition: PolicyStatement['Condition'],
  context: ConditionContext,
): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const policyValues = (
        Array.isArray(expected) ? expected : [expected]
      ).map(String);
      policyValues.forEach(value =>
        refusePolicyVariables(value, `Condition ${operator} ${key}`),
      );
      return keyHolds(operator, key, policyValues, context);
    }),
  );
}

/** The condition keys a statement reads, as written (for failure messages). */
export function conditionKeysOf(condition: PolicyStatement['Condition']) {
  return Object.values(condition ?? {}).flatMap(keys => Object.keys(keys));
}
