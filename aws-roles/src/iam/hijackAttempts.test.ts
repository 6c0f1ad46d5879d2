import { FIXTURE_ROLES, LANDSCAPE } from './__testUtils__/fixtureRoles';
import { hijackAttempts, hijackFacts, judgeAttempt } from './hijackAttempts';
import {
  checkPolicyCoverage,
  describeCoverageFailures,
} from './policyCoverage';

describe('hijack attempts against the documented statements', () => {
  const facts = hijackFacts(LANDSCAPE);

  it.each(hijackAttempts(LANDSCAPE).map(attempt => [attempt.name, attempt]))(
    '%s',
    (_name, attempt) => {
      expect(judgeAttempt(attempt, FIXTURE_ROLES, facts)).toMatchObject({
        decision: attempt.expected,
      });
    },
  );

  it('uses every documented statement for the legitimate calls', () => {
    const legitimate = hijackAttempts(LANDSCAPE).filter(
      attempt => attempt.expected === 'allow',
    );
    const coverage = checkPolicyCoverage({
      requests: legitimate.map(a => a.request),
      roles: FIXTURE_ROLES,
      facts,
    });
    expect(coverage.denied).toEqual([]);
    // The reads, GetChange, and assuming the DNS and network roles are not among the cases: only they stay unused.
    expect(describeCoverageFailures(coverage)).toEqual([
      'unused: 444455556666 backstage-internal-api-dns trustPolicy statement 0',
      'unused: 444455556666 backstage-internal-api-dns delegate-subdomains statement 0 (ReadParent)',
      'unused: 444455556666 backstage-internal-api-dns delegate-subdomains statement 3 (WaitForChanges)',
      'unused: 777788889999 backstage-internal-api read-network statement 0 (Describe)',
      'unused: 111122223333 backstage-internal-api-network trustPolicy statement 0',
      'unused: 111122223333 backstage-internal-api-network transit-gateway-routes statement 0 (Describe)',
      'unused: 111122223333 backstage-internal-api-network transit-gateway-routes statement 1 (SearchConfiguredTable)',
    ]);
  });
});
