import type { ConsumerNetworkFacts } from '@internal/plugin-internal-api-common';

/**
 * `customer-api (10.40.0.0/16), partner-api (10.50.0.0/16)`: each picked
 * consumer with the CIDR its routes carry (the name alone when the CIDR is
 * unknown); nothing while none is picked.
 */
export function consumerSummary(
  consumers: ConsumerNetworkFacts[] | undefined,
  picked: unknown,
): string | undefined {
  const names = Array.isArray(picked)
    ? picked.filter((name): name is string => typeof name === 'string')
    : [];
  if (names.length === 0) {
    return undefined;
  }
  return names
    .map(name => {
      const cidr = consumers?.find(consumer => consumer.name === name)?.cidr;
      return cidr ? `${name} (${cidr})` : name;
    })
    .join(', ');
}
