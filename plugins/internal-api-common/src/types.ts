// Types, not interfaces, so that each is assignable to JsonValue: a
// checkpoint can store it and an action can output it as it is.

/** An AWS account and region, the unit every AWS call is made in. */
export type AwsLocation = {
  accountId: string;
  region: string;
};

/** A configured workload account: where internal APIs run (`GET /accounts`). */
export type WorkloadAccount = AwsLocation & {
  title: string;
  vpcId: string;
};

/** A configured consumer network: a VPC that may call internal APIs. */
export type ConsumerNetwork = AwsLocation & {
  name: string;
  vpcId: string;
};

/** A consumer network with its CIDR read from its own account (`GET /consumers`). */
export type ConsumerNetworkFacts = ConsumerNetwork &
  (
    | { cidr: string; problem?: undefined }
    /** Why the consumer cannot be routed to, e.g. its VPC is gone. */
    | { cidr?: undefined; problem: string }
  );

/**
 * `GET /accounts`: the workload accounts the signed-in user may create
 * internal APIs in (admins: all). When there are none, `noAccountReason`
 * says why and who to ask, for the form to show.
 */
export type WorkloadAccountList = LookupList<WorkloadAccount> & {
  noAccountReason?: string;
};

/**
 * Whether the signed-in user may add a consumer to an API, with the rule's
 * sentence: `needs-approval` names the groups whose members approve (the
 * task stops before any write until one of them does). `refused` appears
 * only on an API's current consumers (see ConsumerOption.current).
 */
export type ConsumerAccess =
  | { decision: 'allowed'; reason: string }
  | { decision: 'needs-approval'; reason: string; approvers: string[] }
  | { decision: 'refused'; reason: string };

/**
 * One item of `GET /consumers[?currentOf=<entityRef>]`: a consumer the user
 * may add, or one that needs approval; refused ones are left out, except the
 * current consumers of the `currentOf` API (`current: true`), which it keeps
 * whoever changes it.
 */
export type ConsumerOption = ConsumerNetworkFacts & {
  access: ConsumerAccess;
  current?: boolean;
};

/** An EC2 filter exactly as DescribeSubnets takes it. */
export type SubnetFilter = {
  name: string;
  values: string[];
};

export type SubnetFacts = {
  subnetId: string;
  availabilityZone: string;
  cidr: string;
  /** The explicitly associated route table, else the VPC's main one. */
  routeTableId: string;
};

/** Subnets in one Availability Zone. */
export type ZoneSubnets = {
  availabilityZone: string;
  subnets: SubnetFacts[];
};

/** `POST /placement/preview` */
export type PlacementPreviewRequest = {
  accountId: string;
  region: string;
  subnetFilters: SubnetFilter[];
};

/** Where the filters place an API, and every reason a Network Load Balancer could not take it. */
export type PlacementPreview = {
  accountId: string;
  region: string;
  vpcId: string;
  vpcCidr: string;
  /** The subnets the filters match, by zone, zones sorted. */
  zones: ZoneSubnets[];
  /**
   * Whether every matched subnet's route table sends 0.0.0.0/0 somewhere the
   * API's tasks (which get no public IP) can leave by: a NAT gateway, the
   * transit gateway (central egress), an appliance. Not an internet gateway.
   * Without it the tasks reach only what the VPC's endpoints serve.
   */
  egressRoute: boolean;
  /** The placement action's own refusals; empty when it would accept the placement. */
  problems: string[];
};

/**
 * What the generated stack needs to know about the VPC beyond the subnets
 * (internal-api:placement:resolve outputs it; the form's preview does not
 * read it).
 */
export type PlacementFacts = {
  /** The VPC endpoints the API's tasks use that the VPC already has: of ecr.api, ecr.dkr, logs, s3. */
  vpcEndpoints: string[];
};

/** One write a delegation needs, and what became of it. */
export type DelegationChange = {
  change: 'create-zone' | 'delegate';
  /** What is written, e.g. "zone orders.api.acme.com in 444455556666". */
  target: string;
  status: 'unchanged' | 'planned' | 'created';
};

/**
 * A Route 53 change as Route 53 answered it: PENDING until every Route 53
 * name server serves it (AWS: "generally within 60 seconds"), then INSYNC.
 * The delegate action outputs the parent's NS change (`delegationChange`);
 * the status reads it again by its id.
 */
export type Route53Change = {
  /** The bare id, e.g. `C2682N5HXP0BZ4` (Route 53 answers `/change/C…`). */
  id: string;
  status: 'PENDING' | 'INSYNC';
  /** When Route 53 accepted the change (ISO 8601); unknown for a change Route 53 no longer keeps. */
  submittedAt?: string;
};

/** `POST /domain/check` */
export type DomainCheckRequest = {
  domainName: string;
  accountId: string;
  /**
   * The API the name is for (its catalog name). With it, a zone another API
   * created is refused; without it (a form with no name yet) the check cannot
   * tell the API's own zone from another's, and leaves that to the task.
   */
  apiName?: string;
};

/** What delegating the name would write; `problems` is always empty here. */
export type DomainCheck = {
  domainName: string;
  parentDomain: string;
  changes: DelegationChange[];
  /** The API whose zone of that name exists already (its caller reference names it). */
  zoneOwner?: string;
  problems: [];
};

/**
 * A lookup's answer when the action would refuse the values: its own
 * messages, for the form to show as field errors (HTTP 200, not an error).
 */
export type LookupRefusal = { problems: string[] };

export type PlacementPreviewResponse = PlacementPreview | LookupRefusal;
export type DomainCheckResponse = DomainCheck | LookupRefusal;

/** `GET /accounts`, `/parent-domains`, `/consumers` answer `{ items }`. */
export type LookupList<T> = { items: T[] };

/**
 * One route the status looked at: `present` (ours: to the expected target
 * alone), `missing`, `taken` (a route for the CIDR, or one that overlaps it,
 * leads elsewhere: `foundTarget` says where) or `covered` (a broader route to
 * the transit gateway carries it, as register accepts).
 */
export type RouteState = 'present' | 'missing' | 'taken' | 'covered';

export type RouteStatus = {
  accountId: string;
  /** A VPC route table, or the transit gateway route table. */
  routeTableId: string;
  destinationCidrBlock: string;
  /** Where the route should lead: tgw-… in a VPC table, the provider's tgw-attach-… in the gateway's. */
  target: string;
  state: RouteState;
  /** taken: where it leads instead; covered: the broader route. */
  foundTarget?: string;
  /** What to do about it; set whenever the state is drift (missing, taken). */
  todo?: string;
};

/** The parent zone's NS record for the API's domain against the zone's delegation set. */
export type DelegationStatus = {
  parentDomain?: string;
  state: 'present' | 'missing' | 'different' | 'unknown';
  parentNameServers: string[];
  zoneNameServers: string[];
  /**
   * The NS change the delegate action made (the entity's delegation-change
   * annotation), as GetChange answers now: PENDING while Route 53 still
   * propagates it. Only with state `present` and the annotation.
   */
  change?: Route53Change;
  todo?: string;
};

/** The API's hosted zone in the workload account. */
export type ZoneStatus = {
  hostedZoneId: string;
  exists: boolean;
  /** The API the zone's mark (caller reference) names, when it names one. */
  markedFor?: string;
  /** Whether the stack is deployed: the zone holds records besides its apex SOA and NS. */
  deployed: boolean;
  recordCount: number;
  /** A few of those records, e.g. `A orders.api.acme.com`. */
  records: string[];
  todo?: string;
};

/** The routes between the provider VPC and one consumer network, both ways. */
export type ConsumerRouteStatus = {
  name: string;
  cidr?: string;
  /** Routes to the consumer's CIDR in the provider VPC's tables. */
  providerSide: RouteStatus[];
  /** Routes to the provider's CIDR in the consumer VPC's tables. */
  consumerSide: RouteStatus[];
  /** Why the routes could not be read (not configured, VPC gone). */
  problem?: string;
};

/** `GET /status/:kind/:namespace/:name`: what the entity card shows. */
export type InternalApiStatus = {
  entityRef: string;
  accountId: string;
  region: string;
  vpcId: string;
  vpcCidr?: string;
  domain: string;
  delegation: DelegationStatus;
  zone: ZoneStatus;
  /** The transit gateway's static route to the provider VPC; absent when no gateway route table is configured. */
  transitGatewayRoute?: RouteStatus;
  consumers: ConsumerRouteStatus[];
  /** Every `todo` above, in order: empty when nothing drifted. */
  drift: string[];
  /** When AWS was read (ISO 8601); answers are cached for `cacheSeconds`. */
  checkedAt: string;
  cacheSeconds: number;
};
