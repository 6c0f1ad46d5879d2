import type { DelegationChange } from '@internal/plugin-internal-api-common';
import type { RouteChange } from '@internal/plugin-internal-api-node';
import { runAction } from '../__testUtils__/runAction';
import { linesTooLong } from '../__testUtils__/taskLog';
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
  target: 'tgw-0a1b2c3d4e5f60718',
  status,
});

const NOTE_FAILED_STEP =
  "The failed step's own writes, if any, are named in its error above.";

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
      NOTE_FAILED_STEP,
      'Next:',
      '- Fix the cause in the error above, then retry this task or run the template again.',
      '- The DNS and route steps find the changes above and adopt them: nothing is made twice.',
      '- If publishing failed after creating the repository, retry this task instead.',
      '- A new task is refused at the repository check until that repository is deleted.',
      '- To give up instead, ask the platform team to remove the changes above.',
      '- Platform admins can remove them with Decommission an internal API (failed half-way).',
    ]);
  });

  it('says none, and to run again, when no step that writes completed', async () => {
    const log: string[] = [];
    const { changes, summary } = await runAction(
      createReportChangesAction(),
      {},
      { log },
    );
    expect(changes).toEqual([]);
    expect(summary.split('\n')).toEqual([
      'AWS changes made before the failure: none.',
      NOTE_FAILED_STEP,
      'Next:',
      '- Fix the cause in the error above and run the template again.',
    ]);
    // The log has the same lines, one message each.
    expect(log).toEqual(summary.split('\n'));
  });

  it('counts what was already in place apart, and after a publish says to retry the task or remove the stack', async () => {
    const log: string[] = [];
    const { changes } = await runAction(
      createReportChangesAction(),
      {
        dnsChanges: DNS_CREATED.map(change => ({
          ...change,
          status: 'unchanged',
        })),
        hostedZoneId: 'Z0CHILD',
        routes: [
          route('rtb-0a1b2c3d4e5f60718', 'created'),
          route('rtb-0a1b2c3d4e5f60719', 'already-present'),
        ],
        repository: 'https://github.com/acme/orders-api.git',
      },
      { log },
    );

    expect(changes).toEqual([
      'route rtb-0a1b2c3d4e5f60718 10.10.0.0/16 -> tgw-0a1b2c3d4e5f60718 (account 555566667777)',
    ]);
    expect(log).toEqual([
      'AWS changes made before the failure (1):',
      '- route rtb-0a1b2c3d4e5f60718 10.10.0.0/16 -> tgw-0a1b2c3d4e5f60718 (account 555566667777)',
      '3 more were in place before this run and left as they were.',
      NOTE_FAILED_STEP,
      'Repository published before the failure:',
      '  https://github.com/acme/orders-api.git',
      'Next:',
      '- Fix the cause in the error above, then retry this task.',
      '- A retry runs every step again; each finds what it did before and repeats no write.',
      '- A new task with the same values is refused at the repository check until it is deleted.',
      '- To give up instead, follow "Removing the stack" in the repository\'s README.',
      '- Platform admins can remove them with Decommission an internal API (failed half-way).',
    ]);
    // Real ids: short enough for the task page (a URL or domain name is as long as it is).
    expect(linesTooLong(log)).toEqual([]);
  });
});
