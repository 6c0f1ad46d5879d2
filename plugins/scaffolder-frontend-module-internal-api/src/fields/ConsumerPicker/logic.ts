import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ConsumerNetworkFacts,
  ConsumerOption,
} from '@internal/plugin-internal-api-common';

export const consumerLabel = (consumer: ConsumerNetworkFacts) =>
  `${consumer.name} · ${consumer.cidr ?? 'CIDR unknown'} · account ${
    consumer.accountId
  }`;

/** `payments-team` for group:default/payments-team; the namespace stays when it is not the default. */
const groupName = (ref: string) => {
  const { namespace, name } = parseEntityRef(ref, { defaultKind: 'group' });
  return namespace === 'default' ? name : `${namespace}/${name}`;
};

/**
 * A box's label: the consumer, whether the API has it now, and what ticking
 * it means when an owner must approve (keeping a current one needs nobody's).
 */
export function optionLabel(
  consumer: ConsumerOption,
  isCurrent: boolean,
): string {
  const label = consumerLabel(consumer);
  if (isCurrent) {
    return `${label} (current)`;
  }
  if (consumer.access.decision === 'needs-approval') {
    return `${label} (needs approval by ${consumer.access.approvers
      .map(groupName)
      .join(' or ')}: the task stops until one of them approves)`;
  }
  return label;
}

/** The names that are configured consumer networks, in the configured order. */
export const inConfiguredOrder = (
  names: readonly string[],
  options: ConsumerNetworkFacts[],
): string[] => options.map(o => o.name).filter(n => names.includes(n));

/** Adds or removes a name, keeping the configured order. */
export function toggleConsumer(
  selected: string[],
  name: string,
  options: ConsumerNetworkFacts[],
): string[] {
  const next = selected.includes(name)
    ? selected.filter(n => n !== name)
    : [...selected, name];
  return inConfiguredOrder(next, options);
}

/** The picked names: the form may hold placeholders (`[null]`) for a list that must not be empty. */
export const pickedNames = (formData: unknown): string[] =>
  Array.isArray(formData)
    ? formData.filter((name): name is string => typeof name === 'string')
    : [];

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every(name => b.includes(name));

/**
 * What to tick once an API's current consumers are known, or undefined to
 * leave the boxes alone. Only a list nobody has chosen yet is replaced: an
 * empty one, or the current set of the API picked before (the person switched
 * API without touching the boxes). A set the person changed, or one prefilled
 * from the URL, is theirs.
 */
export function consumersToTick(args: {
  picked: string[];
  /** The API's current consumers that have a box, in configured order. */
  current: string[];
  /** What `current` was for the API picked before, if another was. */
  previousCurrent?: string[];
}): string[] | undefined {
  const { picked, current, previousCurrent } = args;
  const untouched =
    picked.length === 0 ||
    (previousCurrent !== undefined && sameNames(picked, previousCurrent));
  return untouched && !sameNames(picked, current) ? current : undefined;
}

const listed = (names: readonly string[]) =>
  names.length === 1
    ? names[0]
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The line under the label: the API's consumers as its annotation lists them. */
export const currentlyText = (current: readonly string[]) =>
  current.length === 0
    ? 'Currently: no consumer networks.'
    : `Currently: ${current.join(', ')}.`;

/** What unticking a current consumer does; undefined while every current one is ticked. */
export function removalNote(
  current: readonly string[],
  picked: readonly string[],
): string | undefined {
  const removed = current.filter(name => !picked.includes(name));
  if (removed.length === 0) {
    return undefined;
  }
  return removed.length === 1
    ? `${removed[0]} is unticked: its routes go unless another API in the VPC still lists it.`
    : `${listed(
        removed,
      )} are unticked: their routes go unless another API in the VPC still lists them.`;
}

/** Current consumers that have no box: the annotation names a network the platform no longer configures. */
export function unconfiguredNote(
  current: readonly string[],
  options: ConsumerNetworkFacts[],
): string | undefined {
  const missing = current.filter(name => !options.some(o => o.name === name));
  if (missing.length === 0) {
    return undefined;
  }
  return missing.length === 1
    ? `${missing[0]} is listed on the API but is not a configured consumer network, so it has no box here.`
    : `${listed(
        missing,
      )} are listed on the API but are not configured consumer networks, so they have no box here.`;
}
