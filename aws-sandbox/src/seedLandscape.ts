import {
  emptyLandscape,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
  SandboxLandscape,
} from './landscape';
import {
  addConsumerVpc,
  addParentZone,
  addWorkloadVpc,
  withChanges,
} from './landscapeExtensions';
import { privateSubnet, publicSubnet } from './landscapeVpcs';
import type { MotoServer } from './motoServer';

/**
 * A realistic multi-account landscape in the emulator:
 * - network account: the transit gateway, every VPC below attached to it;
 * - DNS account: the public parent zone acme.com;
 * - Orders (workload): private subnets in three zones, public ones in two;
 * - Payments (workload): two private subnets in one zone, the layout an NLB refuses;
 * - customer-api (a private route table and the main one) and partner-api
 *   (the main route table only): consumer VPCs in their own accounts.
 * Who may use what (the people and teams of org/sandbox.yaml): Orders is the
 * Orders team's, Payments the Payments team's; customer-api is the Orders
 * team's (others are refused), partner-api the Payments team's, who approve
 * other teams' requests for it; platform admins may use everything.
 * Returns the Backstage config (`aws` and `internalApi`) that describes it.
 * Idempotent: it resets the emulator first, so seeding twice leaves one
 * landscape (with new ids), never two. Tests that need more build on it with
 * the extensions in landscapeExtensions.ts.
 */
export async function seedLandscape(
  moto: MotoServer,
): Promise<SandboxLandscape> {
  let landscape = withChanges(
    await emptyLandscape(moto),
    {},
    {
      admins: [SANDBOX_GROUPS.platformAdmins],
    },
  );
  landscape = await addParentZone(moto, landscape, 'acme.com');
  landscape = await addWorkloadVpc(moto, landscape, {
    name: 'orders',
    title: 'Orders (sandbox)',
    accountId: SANDBOX_ACCOUNTS.orders,
    owners: [SANDBOX_GROUPS.orders],
    cidr: '10.10.0.0/16',
    subnets: [
      privateSubnet('a', '10.10.1.0/24'),
      privateSubnet('b', '10.10.2.0/24'),
      privateSubnet('c', '10.10.3.0/24'),
      publicSubnet('a', '10.10.101.0/24'),
      publicSubnet('b', '10.10.102.0/24'),
    ],
  });
  landscape = await addWorkloadVpc(moto, landscape, {
    name: 'payments',
    title: 'Payments (sandbox)',
    accountId: SANDBOX_ACCOUNTS.payments,
    owners: [SANDBOX_GROUPS.payments],
    cidr: '10.20.0.0/16',
    subnets: [
      privateSubnet('a', '10.20.1.0/24'),
      privateSubnet('a', '10.20.2.0/24'),
      privateSubnet('b', '10.20.3.0/24'),
    ],
  });
  landscape = await addConsumerVpc(moto, landscape, {
    name: 'customer-api',
    vpcName: 'customer',
    accountId: SANDBOX_ACCOUNTS.customer,
    cidr: '10.40.0.0/16',
    routeTables: 2,
    owners: [SANDBOX_GROUPS.orders],
  });
  landscape = await addConsumerVpc(moto, landscape, {
    name: 'partner-api',
    vpcName: 'partner',
    accountId: SANDBOX_ACCOUNTS.partner,
    cidr: '10.50.0.0/16',
    owners: [SANDBOX_GROUPS.payments],
    approval: 'required',
  });
  return landscape as SandboxLandscape;
}
