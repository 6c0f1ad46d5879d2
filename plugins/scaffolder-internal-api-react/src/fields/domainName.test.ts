import type { ApiHolder } from '@backstage/core-plugin-api';
import { internalApiLookupsApiRef } from '../api/InternalApiLookups';
import { suggestedDomains, validateDomainName } from './domainName';

const holder = (api: object | undefined): ApiHolder => ({
  get: ref =>
    ref.id === internalApiLookupsApiRef.id ? (api as any) : undefined,
});

describe('domain name field', () => {
  it('suggests <name>.<parent> for every parent once the name is valid', () => {
    expect(
      suggestedDomains('orders-api', ['acme.com', 'internal.acme.net']),
    ).toEqual(['orders-api.acme.com', 'orders-api.internal.acme.net']);
    expect(suggestedDomains('Orders API', ['acme.com'])).toEqual([]);
    expect(suggestedDomains(undefined, ['acme.com'])).toEqual([]);
  });

  it('blocks Next with the backend’s refusal, for the account on the form', async () => {
    const checkDomain = jest.fn().mockResolvedValue({
      problems: [
        "domainName 'orders.example.org' is not under an allowed parent domain: acme.com.",
      ],
    });
    const errors: string[] = [];
    await validateDomainName(
      'orders.example.org',
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: holder({ checkDomain }),
        formData: { accountId: '444455556666' },
      },
    );
    expect(checkDomain).toHaveBeenCalledWith({
      domainName: 'orders.example.org',
      accountId: '444455556666',
    });
    expect(errors).toEqual([
      "domainName 'orders.example.org' is not under an allowed parent domain: acme.com.",
    ]);
  });

  it('leaves the check to the task when the lookups are not installed', async () => {
    const errors: string[] = [];
    await validateDomainName(
      'orders.acme.com',
      { addError: (e: string) => errors.push(e) } as any,
      { apiHolder: holder(undefined), formData: { accountId: '444455556666' } },
    );
    expect(errors).toEqual([]);
  });
});
