/**
 * A realistic landscape for the roles' tests: the sandbox's accounts and
 * external id, ids shaped as AWS issues them (CDK's default validation
 * rejects placeholders), and two accounts of several kinds.
 */
import {
  SANDBOX_ACCOUNTS,
  SANDBOX_EXTERNAL_ID,
  SANDBOX_REGION,
} from '@internal/aws-sandbox';
import type { AwsRolesConfig } from '../config';

// Widened to string: the landscape's tests put other values in the same fields.
export const {
  network,
  dns,
  orders,
  payments,
  customer,
  partner,
}: Record<keyof typeof SANDBOX_ACCOUNTS, string> = SANDBOX_ACCOUNTS;
export const REGION = SANDBOX_REGION;
export const BACKSTAGE_PRINCIPAL =
  'arn:aws:iam::123456789012:role/backstage-backend';

export const VPCS: Record<
  'orders' | 'payments' | 'ordersBatch' | 'customer' | 'partner',
  string
> = {
  orders: 'vpc-0a1b2c3d4e5f60718',
  payments: 'vpc-0b2c3d4e5f6071829',
  /** A second VPC of the orders account, consumer of other teams' APIs. */
  ordersBatch: 'vpc-0e5f60718293a4b52',
  customer: 'vpc-0c3d4e5f607182930',
  partner: 'vpc-0d4e5f60718293a41',
};

export const TGW = {
  id: 'tgw-0123456789abcdef0',
  routeTableId: 'tgw-rtb-0123456789abcdef0',
};

export const ZONES = {
  acme: { domain: 'acme.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' },
  /** Owned by the payments account: a workload account that is also a DNS account. */
  pay: { domain: 'pay.acme.io', hostedZoneId: 'Z09876543210ZYXWVUTSR' },
};

/** Backstage's `internalApi` block, as the sandbox writes it (owners and admins are ignored by the roles). */
export const internalApi = () => ({
  workloadAccounts: [
    {
      accountId: orders,
      title: 'Orders (prod)',
      region: REGION,
      vpcId: VPCS.orders,
      owners: ['group:default/orders-team'],
    },
    {
      accountId: payments,
      title: 'Payments (prod)',
      region: REGION,
      vpcId: VPCS.payments,
    },
  ],
  consumers: [
    {
      name: 'customer-api',
      accountId: customer,
      region: REGION,
      vpcId: VPCS.customer,
      approval: 'required' as const,
    },
    {
      name: 'partner-api',
      accountId: partner,
      region: REGION,
      vpcId: VPCS.partner,
    },
    // Two consumers in one VPC: one route statement.
    {
      name: 'partner-batch',
      accountId: partner,
      region: REGION,
      vpcId: VPCS.partner,
    },
    {
      name: 'orders-batch',
      accountId: orders,
      region: REGION,
      vpcId: VPCS.ordersBatch,
    },
  ],
  transitGateway: { accountId: network, region: REGION, ...TGW },
  parentZones: [
    { ...ZONES.acme, accountId: dns },
    { ...ZONES.pay, accountId: payments },
  ],
  admins: ['group:default/platform-admins'],
});

export const rolesConfig = (
  overrides: Partial<AwsRolesConfig> = {},
): AwsRolesConfig => ({
  backstagePrincipalArn: BACKSTAGE_PRINCIPAL,
  externalId: SANDBOX_EXTERNAL_ID,
  github: { owner: 'acme', repositories: ['orders-api', 'payments-api'] },
  internalApi: internalApi(),
  ...overrides,
});
