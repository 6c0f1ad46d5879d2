import { InputError } from '@backstage/errors';
import {
  DNS_LABEL,
  DOMAIN_NAME_MAX_LENGTH,
} from '@internal/plugin-internal-api-common';
import type { ParentZone } from '../config';

/** Lower-cased, without a trailing dot; refuses anything that is not a plain host name. */
export function normalizeDomainName(field: string, value: string): string {
  const name = value.trim().toLowerCase().replace(/\.$/, '');
  if (name.includes('*')) {
    throw new InputError(
      `${field} '${value}' is a wildcard; delegate a plain name such as orders.api.acme.com.`,
    );
  }
  const bad = name.split('.').find(label => !DNS_LABEL.test(label));
  if (
    bad !== undefined ||
    name.length > DOMAIN_NAME_MAX_LENGTH ||
    !name.includes('.')
  ) {
    throw new InputError(
      `${field} '${value}' is not a valid domain name${
        bad === undefined ? '' : ` (label '${bad}')`
      }: ` +
        'use labels of a-z, 0-9 and inner hyphens, 1-63 characters each, e.g. orders.api.acme.com.',
    );
  }
  return name;
}

export interface ParentMatch {
  zone: ParentZone;
  /** The names from the domain itself up to, not including, the parent apex: where a delegation could already sit. */
  namesToParent: string[];
}

/** The closest configured parent zone of which `domain` is a strict subdomain. */
export function findParentZone(
  parentZones: ParentZone[],
  domain: string,
  field = 'domainName',
): ParentMatch {
  const apex = parentZones.find(zone => zone.domain === domain);
  if (apex) {
    throw new InputError(
      `${field} '${domain}' is the apex of the parent zone itself; choose a subdomain such as orders.${domain}.`,
    );
  }
  const zone = parentZones
    .filter(candidate => domain.endsWith(`.${candidate.domain}`))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
  if (!zone) {
    const allowed =
      parentZones.map(p => p.domain).join(', ') ||
      'none configured (internalApi.parentZones)';
    throw new InputError(
      `${field} '${domain}' is not under an allowed parent domain: ${allowed}.`,
    );
  }
  const labels = domain.slice(0, -(zone.domain.length + 1)).split('.');
  return {
    zone,
    namesToParent: labels.map(
      (_, index) => `${labels.slice(index).join('.')}.${zone.domain}`,
    ),
  };
}
