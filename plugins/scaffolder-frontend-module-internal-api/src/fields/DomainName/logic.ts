import { DNS_LABEL } from '@internal/plugin-internal-api-common';

/** `<name>.<parent>` for every allowed parent, once the name is a DNS label. */
export const suggestedDomains = (name: unknown, parents: string[]) =>
  typeof name === 'string' && DNS_LABEL.test(name)
    ? parents.map(parent => `${name}.${parent}`)
    : [];
