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
