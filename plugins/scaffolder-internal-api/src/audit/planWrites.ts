import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type {
  Checkpoint,
  DelegationPlan,
  DnsWrite,
  Plan,
  PlannedWrite,
  RouteChange,
  RouteRemoval,
  RouteRemovalWrite,
  RouteWrite,
  UndelegationPlan,
  UndelegationWrite,
} from '@internal/plugin-internal-api-node';
import { AUDIT_EVENT_IDS, AuditMeta, auditWrite, TaskAudit } from './taskAudit';

/** One planned write's audit event: what is written where, and how to read its result. */
export type WriteEvent = {
  eventId: string;
  /** accountId, region, resource, change (create or delete), operation (the AWS API call). */
  meta: AuditMeta;
  outcome: (result: any) => AuditMeta;
};

/**
 * The checkpoint an apply function writes under, with each write audited.
 * The event lives inside the checkpoint's function, so a retried task whose
 * checkpoint already holds a write's result (the scaffolder then skips the
 * function) emits nothing for it: it wrote nothing. A write whose earlier try
 * failed runs again, and is audited again.
 */
export function auditedCheckpoint<TChange, TWrite extends PlannedWrite>(
  audit: TaskAudit,
  ctx: Pick<ActionContext<any, any>, 'checkpoint'>,
  plan: Plan<TChange, TWrite>,
  describe: (write: TWrite, change: TChange) => WriteEvent,
): Checkpoint {
  return (key, fn) =>
    ctx.checkpoint({
      key,
      fn: () => {
        const write = plan.writes.find(w => w.checkpointKey === key);
        if (!write) {
          // Every write an apply makes is one of its plan's: anything else would go unaudited.
          throw new Error(
            `Checkpoint ${key} is not a write of the plan, so it cannot be audited; nothing was written.`,
          );
        }
        return auditWrite(
          audit,
          describe(write, plan.changes[write.change]),
          fn,
        );
      },
    }) as Promise<any>;
}

const routeOperations = {
  'create-vpc-route': 'CreateRoute',
  'create-tgw-route': 'CreateTransitGatewayRoute',
  'delete-vpc-route': 'DeleteRoute',
  'delete-tgw-route': 'DeleteTransitGatewayRoute',
} as const;

/** A route written by register-routes or removed by deregister-routes: its result is the change's new status. */
export function routeWriteEvent(
  write: RouteWrite | RouteRemovalWrite,
  change: RouteChange | RouteRemoval,
): WriteEvent {
  const { accountId, region, routeTableId, destinationCidrBlock, target } =
    change;
  return {
    eventId: AUDIT_EVENT_IDS.routeWrite,
    meta: {
      accountId,
      region,
      resource: {
        kind: change.kind,
        routeTableId,
        destinationCidrBlock,
        target,
        ...('vpcId' in write && { vpcId: write.vpcId }),
      },
      change: write.op.startsWith('create') ? 'create' : 'delete',
      operation: routeOperations[write.op],
    },
    outcome: (status: string) => ({ result: status }),
  };
}

/** The parent zone's NS record for the API's domain. */
const nsRecord = (plan: DelegationPlan | UndelegationPlan) => ({
  hostedZoneId: plan.parent.hostedZoneId,
  zone: plan.parent.domain,
  record: plan.domain,
  type: 'NS',
});

/** A write of dns:delegate: the API's zone (workload account), then its NS record (parent's account). */
export const delegationWriteEvent =
  (plan: DelegationPlan) =>
  (write: DnsWrite): WriteEvent => {
    const common = { region: plan.region, change: 'create' };
    if (write.op === 'create-zone') {
      return {
        eventId: AUDIT_EVENT_IDS.dnsWrite,
        meta: {
          ...common,
          accountId: plan.accountId,
          resource: { zone: plan.domain },
          operation: 'CreateHostedZone',
        },
        // The zone an earlier try of this task made is adopted by its mark: created by this task all the same.
        outcome: (zone: { hostedZoneId: string }) => ({
          result: 'created',
          hostedZoneId: zone.hostedZoneId,
        }),
      };
    }
    return {
      eventId: AUDIT_EVENT_IDS.dnsWrite,
      meta: {
        ...common,
        accountId: plan.parent.accountId,
        resource: nsRecord(plan),
        operation: 'ChangeResourceRecordSets',
      },
      // No change: the record already held exactly these name servers.
      outcome: ({ nsChange }: { nsChange: { id: string } | null }) => ({
        result: nsChange ? 'created' : 'already-present',
        ...(nsChange && { changeId: nsChange.id }),
      }),
    };
  };

/** A removal of dns:undelegate: the parent's NS record, then the API's zone. */
export const undelegationWriteEvent =
  (plan: UndelegationPlan) =>
  (write: UndelegationWrite): WriteEvent => {
    const common = { region: plan.region, change: 'delete' };
    if (write.op === 'delete-ns') {
      return {
        eventId: AUDIT_EVENT_IDS.dnsWrite,
        meta: {
          ...common,
          accountId: plan.parent.accountId,
          resource: nsRecord(plan),
          operation: 'ChangeResourceRecordSets',
        },
        outcome: ({ changeId }: { changeId: string | null }) => ({
          result: changeId ? 'removed' : 'absent',
        }),
      };
    }
    return {
      eventId: AUDIT_EVENT_IDS.dnsWrite,
      meta: {
        ...common,
        accountId: plan.accountId,
        resource: { zone: plan.domain, hostedZoneId: plan.zone!.hostedZoneId },
        operation: 'DeleteHostedZone',
      },
      outcome: (result: 'removed' | 'absent') => ({ result }),
    };
  };
