import { InputError } from '@backstage/errors';

/** The consumers an API has, those it should have, and the difference: plain data for the template's steps. */
export interface ConsumerChange {
  current: string[];
  wanted: string[];
  /** Get routes (and the security group opens to them once the pull request is merged). */
  added: string[];
  /** Lose their routes where no other API in the VPC still lists them. */
  removed: string[];
  kept: string[];
}

/**
 * Compares the repository's consumers with the wanted set. Refuses a set
 * with no consumer or a repeated one, and a change that changes nothing (a
 * pull request without a diff, and a task that says it did something).
 */
export function planConsumerChange(
  current: readonly string[],
  wanted: readonly string[],
): ConsumerChange {
  const repeated = wanted.filter((name, i) => wanted.indexOf(name) !== i);
  if (repeated.length > 0) {
    throw new InputError(
      `consumers lists ${repeated
        .map(n => `'${n}'`)
        .join(', ')} more than once: name each consumer once.`,
    );
  }
  if (wanted.length === 0) {
    throw new InputError(
      'consumers is empty: an internal API keeps at least one consumer. To remove the API, run the Decommission an internal API template.',
    );
  }
  const added = wanted.filter(name => !current.includes(name));
  const removed = current.filter(name => !wanted.includes(name));
  if (added.length === 0 && removed.length === 0) {
    throw new InputError(
      `consumers (${wanted.join(
        ', ',
      )}) are the ones the API already has: nothing to change. Tick a consumer to add or untick one to remove.`,
    );
  }
  return {
    current: [...current],
    wanted: [...wanted],
    added,
    removed,
    kept: wanted.filter(name => current.includes(name)),
  };
}
