/** The IAM evaluator and the mapping from recorded AWS calls to IAM requests (see evaluatePolicies.ts). */
export type {
  DeployedRole,
  OneOrMany,
  PolicyDocument,
  PolicyStatement,
} from './policyDocument';
export {
  PERMISSIONS_BOUNDARY,
  TRUST_POLICY,
  evaluatePolicies,
  evaluateTrust,
} from './evaluatePolicies';
export type {
  Decision,
  Evaluation,
  IamRequest,
  StatementRef,
} from './evaluatePolicies';
export type { ConditionContext, ContextValue } from './conditionOperators';
export { iamRequestsOf } from './iamRequests';
export type { ResourceFacts, RouteTableFacts } from './iamRequests';
export { normalizedRecordName } from './route53Requests';
export {
  checkPolicyCoverage,
  describeCoverageFailures,
  unusedInEveryAccount,
} from './policyCoverage';
export type {
  CoverageInput,
  DeniedCall,
  PolicyCoverage,
  UnusedStatement,
} from './policyCoverage';
export { hijackAttempts, hijackFacts, judgeAttempt } from './hijackAttempts';
export type { HijackCase, HijackLandscape } from './hijackAttempts';
export {
  assumeRoleRequest,
  changeBatchXml,
  ec2Request,
  route53Request,
} from './recordedRequests';
export type { Signer } from './recordedRequests';
