import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { AccountNeeds } from '../accountNeeds';
import { apiZoneGrants, parentZoneGrants } from './dnsGrants';
import { Grant, GrantPolicy } from './grantPolicy';
import { transitGatewayGrants } from './transitGatewayGrants';
import {
  readPlacementFacts,
  readPrefixListEntries,
  readVpcNetworks,
  routeVpcViaTransitGateway,
} from './vpcGrants';

export interface BackstageRoleProps {
  roleName: string;
  /** The only principal that may assume the role. */
  principalArn: string;
  externalId: string;
  account: AccountNeeds;
  routeTableTag: { key: string; value: string };
}

/**
 * The session names Backstage uses: `backstage` (the
 * @backstage/integration-aws-node manager, for calls without an initiator and
 * as the fallback) and `backstage-<namespace>.<name>-<hash>` (credentials.ts,
 * naming who asked).
 */
export const BACKSTAGE_SESSION_NAMES = ['backstage', 'backstage-*'];

/**
 * The role Backstage assumes in one account, with one managed policy per
 * kind of work the account hosts: exactly the calls the actions and lookups
 * make with this account's credentials.
 */
export class BackstageRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: BackstageRoleProps) {
    super(scope, id);
    const { account, roleName } = props;
    this.role = new iam.Role(this, 'Resource', {
      roleName,
      description:
        'Assumed by Backstage to place internal APIs, delegate their subdomains and route to them (aws-roles)',
      assumedBy: new iam.ArnPrincipal(props.principalArn).withConditions({
        StringEquals: { 'sts:ExternalId': props.externalId },
        StringLike: { 'sts:RoleSessionName': BACKSTAGE_SESSION_NAMES },
      }),
    });

    const arnScope = {
      partition: Stack.of(this).partition,
      accountId: account.accountId,
    };
    const vpcs = [...account.workloadVpcs, ...account.consumerVpcs].filter(
      (vpc, index, all) =>
        all.findIndex(
          other => other.vpcId === vpc.vpcId && other.region === vpc.region,
        ) === index,
    );
    const policies: Array<[string, string, Grant[]]> = [];
    if (vpcs.length > 0) {
      policies.push(
        [
          'read-networks',
          'Reads the VPCs, subnets, route tables and prefix lists Backstage plans with',
          [
            readVpcNetworks(),
            readPrefixListEntries(arnScope, [
              ...new Set(vpcs.map(vpc => vpc.region)),
            ]),
            ...(account.workloadVpcs.length > 0
              ? readPlacementFacts(arnScope, account.workloadVpcs)
              : []),
          ],
        ],
        [
          'route-vpcs',
          'Adds and removes transit gateway routes in the tagged route tables of the configured VPCs',
          vpcs.map(vpc =>
            routeVpcViaTransitGateway(arnScope, vpc, props.routeTableTag),
          ),
        ],
      );
    }
    if (account.workloadVpcs.length > 0) {
      policies.push([
        'api-zones',
        "Creates, reads and deletes the internal APIs' own hosted zones",
        apiZoneGrants(arnScope.partition),
      ]);
    }
    if (account.transitGateway) {
      policies.push([
        'transit-gateway',
        'Reads the transit gateway attachments and routes the provider CIDRs in the configured route table',
        transitGatewayGrants(arnScope, account.transitGateway),
      ]);
    }
    if (account.parentZones.length > 0) {
      policies.push([
        'delegate-subdomains',
        'Creates and deletes NS records below the configured parent domains',
        parentZoneGrants(arnScope.partition, account.parentZones),
      ]);
    }
    for (const [name, description, grants] of policies) {
      const { policy } = new GrantPolicy(this, name, {
        managedPolicyName: `${roleName}-${name}`,
        description,
        grants,
      });
      this.role.addManagedPolicy(policy);
    }
  }
}
