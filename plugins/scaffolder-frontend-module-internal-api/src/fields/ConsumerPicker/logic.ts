import type { ConsumerNetworkFacts } from '@internal/plugin-internal-api-common';

export const consumerLabel = (consumer: ConsumerNetworkFacts) =>
  `${consumer.name} · ${consumer.cidr ?? 'CIDR unknown'} · account ${
    consumer.accountId
  }`;

/** Adds or removes a name, keeping the configured order. */
export function toggleConsumer(
  selected: string[],
  name: string,
  options: ConsumerNetworkFacts[],
): string[] {
  const next = selected.includes(name)
    ? selected.filter(n => n !== name)
    : [...selected, name];
  return options.map(o => o.name).filter(n => next.includes(n));
}

/** The picked names: the form may hold placeholders (`[null]`) for a list that must not be empty. */
export const pickedNames = (formData: unknown): string[] =>
  Array.isArray(formData)
    ? formData.filter((name): name is string => typeof name === 'string')
    : [];
