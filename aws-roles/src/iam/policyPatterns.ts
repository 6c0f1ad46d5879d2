/**
 * How IAM matches the names in a policy (actions, resource ARNs, ARN
 * condition values) against the names in a request, each with the wildcard
 * rule the IAM User Guide gives for that element.
 */

/** Policy variables (`${aws:username}`) would need the request's identity to expand; our policies use none. */
export function refusePolicyVariables(policyValue: string, where: string) {
  if (policyValue.includes('${')) {
    throw new Error(
      `${where}: policy variable in "${policyValue}" is not supported by this evaluator (our policies use none)`,
    );
  }
}

const escapeRegExp = (text: string) =>
  text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** `*` any run of characters, `?` any one character, nothing else special. */
function globRegExp(pattern: string, flags: string): RegExp {
  const body = pattern
    .split('')
    .map(char => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return escapeRegExp(char);
    })
    .join('');
  return new RegExp(`^${body}$`, flags);
}

/** StringLike: `*` and `?` wildcards, case-sensitive. */
export function stringLike(value: string, pattern: string): boolean {
  return globRegExp(pattern, '').test(value);
}

/** Action / NotAction: `service:Operation` with wildcards, case-insensitive. */
export function actionMatches(action: string, pattern: string): boolean {
  refusePolicyVariables(pattern, 'Action');
  return globRegExp(pattern, 'i').test(action);
}

/**
 * Resource / NotResource: wildcards stay within one colon-separated segment,
 * except a `*` that ends a segment, which "can expand to match beyond the
 * colon boundaries" (IAM User Guide, "IAM JSON policy elements: Resource").
 * Case-sensitive. A request for an action without resource-level
 * permissions names `*`, which only the pattern `*` (or one ending a
 * segment with `*` at its start) matches.
 */
export function resourceMatches(resource: string, pattern: string): boolean {
  refusePolicyVariables(pattern, 'Resource');
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const next = pattern[i + 1];
    if (char === '*') {
      body += next === undefined || next === ':' ? '.*' : '[^:]*';
    } else if (char === '?') {
      body += '[^:]';
    } else {
      body += escapeRegExp(char);
    }
  }
  return new RegExp(`^${body}$`).test(resource);
}

/** An ARN's six components: arn, partition, service, region, account, resource (which may hold colons). */
function arnComponents(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) {
    return undefined;
  }
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/**
 * ArnEquals / ArnLike: "each of the six colon-delimited components of the
 * ARN is checked separately and each can include multi-character match
 * wildcards (*) or single-character match wildcards (?)" (IAM User Guide,
 * condition operators); both operators match the same way. Case-sensitive.
 * A value that is not an ARN matches nothing.
 */
export function arnLike(value: string, pattern: string): boolean {
  const valueParts = arnComponents(value);
  const patternParts = arnComponents(pattern);
  if (!valueParts || !patternParts) {
    return false;
  }
  return patternParts.every((part, index) =>
    stringLike(valueParts[index], part),
  );
}
