/**
 * What crosses the wire between the internal-api backend, the scaffolder
 * actions and the form fields: the lookups' request and response types, the
 * input patterns and limits, and the zod fragments the actions and the
 * lookups router validate with. Browser-safe: no Node APIs, zod only as types.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './inputPatterns';
export * as inputProperties from './inputProperties';
export { crowdedZones } from './rules';
export { imagePullProblem, imageSource } from './containerImage';
export type { ImageSource } from './containerImage';
export {
  FAILURE_REPORT_ACTION_ID,
  failureReportLines,
  parseFailureReport,
} from './failureReport';
export type { FailureReport } from './failureReport';
export {
  INTERNAL_API_ANNOTATIONS,
  MANAGED_ROUTE_TABLE_TAG,
  consumersAnnotation,
  parseChangeIdAnnotation,
  parseConsumersAnnotation,
} from './annotations';
export {
  DELEGATE_SUBDOMAIN_ACTION_ID,
  REGISTER_ROUTES_ACTION_ID,
  RESOLVE_PLACEMENT_ACTION_ID,
} from './actionIds';
export { APPROVAL_COMMENT_MAX_LENGTH, approvalPagePath } from './approvals';
export type {
  ConsumerApprovalAsk,
  ConsumerApprovalDecision,
  ConsumerApprovalRequest,
  ConsumerApprovalState,
  ConsumerApprovalsResponse,
} from './approvals';
