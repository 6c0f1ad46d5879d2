import {
  CreateRouteCommand,
  CreateTransitGatewayRouteCommand,
} from '@aws-sdk/client-ec2';
import { mockedRouteLandscape } from '../__testUtils__/mockedRouteLandscape';
import { applyRoutes } from './apply';

/**
 * Routes that appear between plan and write (RouteAlreadyExists), with EC2
 * mocked: moto accepts a second transit gateway route for a CIDR, and its
 * route reads never name a cross-account target.
 */
describe('applying routes with EC2 mocked', () => {
  const network = mockedRouteLandscape();
  const run = async () =>
    applyRoutes(await network.plan(), network.clients, async (_key, fn) =>
      fn(),
    );
  const exists = (message: string) =>
    Object.assign(new Error(message), { name: 'RouteAlreadyExists' });
  beforeEach(() => network.reset());

  it('keeps a VPC route that appeared after planning only if it leads to the transit gateway, and says what it created', async () => {
    const planned = await network.plan();
    network.ec2.on(CreateRouteCommand, { RouteTableId: 'rtb-c' }).resolves({});
    network.ec2
      .on(CreateRouteCommand, { RouteTableId: 'rtb-a' })
      .rejects(exists('The route identified by 10.40.0.0/16 already exists.'));
    network.routeTables({
      'vpc-a': [
        {
          RouteTableId: 'rtb-a',
          Routes: [
            {
              DestinationCidrBlock: '10.40.0.0/16',
              VpcPeeringConnectionId: 'pcx-9',
            },
          ],
        },
      ],
    });
    await expect(
      applyRoutes(planned, network.clients, async (_key, fn) => fn()),
    ).rejects.toThrow(
      'rtb-a (provider vpc-a) now routes 10.40.0.0/16 to pcx-9; it changed while the task ran. Nothing was replaced: ' +
        "ask the table's owner, then run the task again.\n" +
        'Routes created before this failure (a run with the same values keeps them):\n' +
        '- rtb-c 10.10.0.0/16 -> tgw-1\n' +
        // Sent with the others, after the failed one in plan order: created all the same, and named.
        '- tgw-rtb-1 10.10.0.0/16 -> tgw-attach-ours',
    );
  });

  it('counts a transit gateway route that appeared after planning as present when it leads to the provider', async () => {
    const planned = await network.plan();
    network.ec2.on(CreateRouteCommand).resolves({});
    network.ec2
      .on(CreateTransitGatewayRouteCommand)
      .rejects(
        exists(
          'Route 10.10.0.0/16 already exists in Transit Gateway Route Table tgw-rtb-1.',
        ),
      );
    network.tgwRoutes([
      {
        DestinationCidrBlock: '10.10.0.0/16',
        Type: 'static',
        State: 'active',
        TransitGatewayAttachments: [
          { TransitGatewayAttachmentId: 'tgw-attach-ours' },
        ],
      },
    ]);
    const routes = await applyRoutes(planned, network.clients, async (_k, fn) =>
      fn(),
    );
    expect(routes.map(route => route.status)).toEqual([
      'created',
      'created',
      'already-present',
    ]);
  });

  it('refuses a transit gateway route that appeared after planning to another attachment', async () => {
    network.ec2.on(CreateRouteCommand).resolves({});
    network.ec2
      .on(CreateTransitGatewayRouteCommand)
      .rejects(exists('Route 10.10.0.0/16 already exists'));
    const planned = network.plan();
    await planned;
    network.tgwRoutes([
      {
        DestinationCidrBlock: '10.10.0.0/16',
        Type: 'static',
        State: 'active',
        TransitGatewayAttachments: [
          { TransitGatewayAttachmentId: 'tgw-attach-theirs' },
        ],
      },
    ]);
    await expect(
      applyRoutes(await planned, network.clients, async (_k, fn) => fn()),
    ).rejects.toThrow(
      'tgw-rtb-1 (transit gateway route table) now routes 10.10.0.0/16 to tgw-attach-theirs',
    );
  });

  it('says when nothing was created before a failure, in the stack the log shows too', async () => {
    const denied = Object.assign(new Error('You are not authorized'), {
      name: 'UnauthorizedOperation',
    });
    // The SDK has read the stack before the action sees the error: its first line is fixed then.
    expect(denied.stack).toMatch(
      /^UnauthorizedOperation: You are not authorized\n/,
    );
    // The writes go out at once: nothing is created only when every one is refused.
    network.ec2.on(CreateRouteCommand).rejects(denied);
    network.ec2.on(CreateTransitGatewayRouteCommand).rejects(denied);
    const error = await run().catch(e => e);
    expect(error.message).toBe(
      'You are not authorized.\nNo route was created before this failure.',
    );
    expect(error.stack).toMatch(
      /^UnauthorizedOperation: You are not authorized\.\nNo route was created before this failure\.\n {4}at /,
    );
  });
});
