import { changeBatchXml } from './recordedRequests';
import {
  changeBatchContext,
  normalizedRecordName,
  recordChangesOf,
} from './route53Requests';

describe('normalizedRecordName', () => {
  it('lower-cases, drops the trailing dot and escapes other characters in octal', () => {
    expect(normalizedRecordName('Orders.ACME.com.')).toBe('orders.acme.com');
    expect(normalizedRecordName('_acme-challenge.x.acme.com')).toBe(
      '_acme-challenge.x.acme.com',
    );
    expect(normalizedRecordName('*.acme.com')).toBe('\\052.acme.com');
    expect(normalizedRecordName('\\052.acme.com.')).toBe('\\052.acme.com');
    expect(normalizedRecordName('a b.acme.com')).toBe('a\\040b.acme.com');
  });
});

describe('recordChangesOf', () => {
  it('reads each change, not the alias target or values', () => {
    const body = changeBatchXml([['CREATE', 'a.acme.com.', 'NS']]).replace(
      '<TTL>3600</TTL>',
      '<AliasTarget><HostedZoneId>Z1</HostedZoneId><DNSName>evil.com.</DNSName></AliasTarget>',
    );
    expect(recordChangesOf(body)).toEqual([
      { action: 'CREATE', name: 'a.acme.com.', type: 'NS' },
    ]);
  });

  it('decodes XML entities in names', () => {
    const body = changeBatchXml([['CREATE', 'a&amp;b.acme.com.', 'TXT']]);
    expect(
      changeBatchContext(body)[
        'route53:ChangeResourceRecordSetsNormalizedRecordNames'
      ],
    ).toEqual(['a\\046b.acme.com']);
  });

  it('refuses a body it cannot read rather than authorize nothing', () => {
    expect(() =>
      recordChangesOf('<ChangeBatch><Changes></Changes></ChangeBatch>'),
    ).toThrow(/no <Change>/);
    expect(() =>
      recordChangesOf(
        '<Change><Action>CREATE</Action><ResourceRecordSet><Type>NS</Type></ResourceRecordSet></Change>',
      ),
    ).toThrow(/without Action, Name or Type/);
  });
});
