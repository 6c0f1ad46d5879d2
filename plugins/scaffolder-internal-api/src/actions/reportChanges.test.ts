import type { DelegationChange } from '@internal/plugin-internal-api-common';
import type { RouteChange } from '@internal/plugin-internal-api-node';
import { runAction } from '../__testUtils__/runAction';
import { createReportChangesAction } from './reportChanges';

// Outputs as internal-api:dns:delegate and internal-api:tgw:register-routes give them (typed: they stay in step).
const DNS_CREATED: DelegationChange[] = [
  {
    change: 'create-zone',
    target: 'zone orders.api.acme.com in account 444455556666',
    status: 'created',
  },
  {
    change: 'delegate',
    target: 'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
    status: 'created',
  },
];
const route = (
  routeTableId: string,
  status: RouteChange['status'],
): RouteChange => ({
  kind: 'vpc',
  accountId: '555566667777',
  region: 'eu-west-1',
  routeTableId,
  destinationCidrBlock: '10.10.0.0/16',
  target: 'tgw-0abc',
  status,
});

describe('internal-api:report:changes', () => {
  it('lists the DNS writes, with the zone id, when the task failed before the routes', async () => {
    const { changes, summary } = await runAction(createReportChangesAction(), {
      dnsChanges: DNS_CREATED,
      hostedZoneId: 'Z0CHILD',
    });

    expect(changes).toEqual([
      'zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
      'NS orders.api.acme.com in acme.com (zone Z0PARENT)',
    ]);
    expect(summary.split('\n')).toEqual([
      'AWS changes made before the failure (2):',
      '- zone orders.api.acme.com in account 444455556666 (Z0CHILD)',
      '- NS orders.api.acme.com in acme.com (zone Z0PARENT)',
      expect.stringMatching(
        /^Fix the cause above, then retry this task or run the template again with the same values: the DNS and route steps find these changes and adopt them/,
      ),
    ]);
  });

  it('says none, and to run again, when no step that writes completed', async () => {
    const { changes, summary } = await runAction(
      createReportChangesAction(),
      {},
    );
    expect(changes).toEqual([]);
    expect(summary).toMatch(
      /^AWS changes made before the failure: none\.\nFix the cause above and run the template again\./,
    );
  });

  it('counts what was already in place apart, and after a publish says to retry the task', async () => {
    const { changes, summary } = await runAction(createReportChangesAction(), {
      dnsChanges: DNS_CREATED.map(change => ({
        ...change,
        status: 'unchanged',
      })),
      hostedZoneId: 'Z0CHILD',
      routes: [route('rtb-1', 'created'), route('rtb-2', 'already-present')],
      repository: 'https://github.com/acme/orders-api.git',
    });

    expect(changes).toEqual([
      'route 10.10.0.0/16 -> tgw-0abc in rtb-1 (account 555566667777)',
    ]);
    expect(summary.split('\n').slice(2)).toEqual([
      '3 more were in place before this run and were left as they were.',
      expect.stringMatching(
        /^The repository https:\/\/github\.com\/acme\/orders-api\.git was published\. .*retry this task.*A new task with the same values is refused at the repository check until that repository is deleted/,
      ),
    ]);
  });
});
