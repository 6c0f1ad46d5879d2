import { InputError } from '@backstage/errors';
import { Minimatch } from 'minimatch';

/** Longest glob `search` accepts. */
export const MAX_PATTERN_LENGTH = 256;
/** Most `*` runs in one path segment: each one multiplies the backtracking over a file name. */
export const MAX_STARS_PER_SEGMENT = 2;
/** Most wildcards (`*` runs and `**` segments) in a whole pattern. */
export const MAX_WILDCARDS = 4;

/**
 * A matcher for a glob taken from a URL. The pattern is bounded because
 * minimatch turns `*a*a*…*b` into a regular expression whose backtracking is
 * exponential in the number of `*` (9 of them took 13 s on one 40-character
 * name), and the catalog repeats each search on every refresh. Brace and
 * extglob syntax (`{a,b}`, `+(…)`) is matched literally for the same reason:
 * braces multiply patterns and extglobs nest. `**`, `*`, `?` and `[…]`, as in
 * `**\/catalog-info.yaml` or `docs/*.md`, work as usual.
 */
export function searchMatcher(pattern: string): (file: string) => boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new InputError(
      `Search pattern '${pattern.slice(0, 40)}…' is ${
        pattern.length
      } characters long; ` + `at most ${MAX_PATTERN_LENGTH} are allowed`,
    );
  }
  let wildcards = 0;
  for (const segment of pattern.split('/')) {
    if (segment === '**') {
      wildcards += 1;
      continue;
    }
    const stars = segment.match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT) {
      throw new InputError(
        `Search pattern '${pattern}' has ${stars} '*' in the segment '${segment}'; at most ` +
          `${MAX_STARS_PER_SEGMENT} are allowed in one segment, as each one multiplies matching time. ` +
          "Use a simpler pattern such as '**/catalog-info.yaml' or '*.yaml'",
      );
    }
    wildcards += stars;
  }
  if (wildcards > MAX_WILDCARDS) {
    throw new InputError(
      `Search pattern '${pattern}' has ${wildcards} wildcards ('*' or '**'); at most ` +
        `${MAX_WILDCARDS} are allowed, as each one multiplies matching time. ` +
        "Use a simpler pattern such as '**/catalog-info.yaml'",
    );
  }
  const matcher = new Minimatch(pattern, { nobrace: true, noext: true });
  return file => matcher.match(file);
}
