import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import {
  type AccessConfig,
  accessOf,
} from '@internal/plugin-internal-api-node';
import { consumersDecidedBy, mayDecide, maySee } from './rules';

const PAYMENTS = 'group:default/payments-team';
const RISK = 'group:default/risk-team';
const ADMINS = 'group:default/platform-admins';

/** partner-api now belongs to risk-team; the request was recorded when payments-team owned it. */
const config: AccessConfig = {
  admins: [ADMINS],
  workloadAccounts: [],
  consumers: [{ name: 'partner-api', owners: [RISK], approval: 'required' }],
};
const request: ConsumerApprovalRequest = {
  id: 'r1',
  taskId: 't1',
  consumer: 'partner-api',
  accountId: '444455556666',
  api: 'orders.internal.example.com',
  requestedBy: 'user:default/sam',
  requestedAt: '2026-11-26T10:00:00.000Z',
  approvers: [PAYMENTS],
  state: 'pending',
};
const as = (user: string, groups: string[], cfg = config) =>
  accessOf(
    { userEntityRef: user, ownershipEntityRefs: [user, ...groups] },
    new Map(),
    cfg,
  );

describe('who decides a consumer approval', () => {
  it('goes by the owners config has now, not the approvers stored with the request', () => {
    expect(mayDecide(as('user:default/rita', [RISK]), request).decision).toBe(
      'allowed',
    );
    const formerOwner = as('user:default/pat', [PAYMENTS]);
    expect(mayDecide(formerOwner, request)).toEqual({
      decision: 'refused',
      reason: expect.stringContaining(
        `only members of its owners (${RISK}) and admins (${ADMINS}) may`,
      ),
    });
    // The recorded approvers may still read what they were asked.
    expect(maySee(formerOwner, request)).toBe(true);
    expect(consumersDecidedBy(formerOwner)).toEqual([]);
  });

  it('leaves a consumer gone from config to admins, and never lets the requester decide, admin or not', () => {
    const gone = { ...config, consumers: [] };
    expect(mayDecide(as('user:default/rita', [RISK], gone), request)).toEqual(
      expect.objectContaining({ decision: 'refused' }),
    );
    expect(
      mayDecide(as('user:default/ada', [ADMINS], gone), request).decision,
    ).toBe('allowed');
    expect(consumersDecidedBy(as('user:default/ada', [ADMINS]))).toBe('all');
    expect(
      mayDecide(as('user:default/sam', [ADMINS, RISK]), request).decision,
    ).toBe('refused');
  });
});
