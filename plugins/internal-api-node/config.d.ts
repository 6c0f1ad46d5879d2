export interface Config {
  /**
   * The AWS landscape that internal APIs live in: where product teams may place
   * them, who may call them, and the shared network and DNS they go through.
   * AWS credentials per account come from the standard `aws` block
   * (`@backstage/integration-aws-node`), not from here.
   */
  internalApi?: {
    /**
     * Accounts where product teams may put an internal API.
     * @visibility frontend
     */
    workloadAccounts: Array<{
      /**
       * 12-digit AWS account id.
       * @visibility frontend
       * @pattern ^[0-9]{12}$
       */
      accountId: string;
      /**
       * What people call the account, shown in pickers, e.g. "Orders (prod)".
       * @visibility frontend
       */
      title: string;
      /**
       * The account's region for internal APIs, e.g. eu-west-1.
       * @visibility frontend
       * @pattern ^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$
       */
      region: string;
      /**
       * The account's VPC that is attached to the transit gateway.
       * @visibility frontend
       * @pattern ^vpc-[0-9a-f]{8,17}$
       */
      vpcId: string;
      /**
       * Groups whose members (directly or through a child team in the
       * catalog) may create internal APIs in this account, as entity refs,
       * e.g. group:default/orders-team. Missing or empty: admins only.
       * @visibility frontend
       */
      owners?: string[];
    }>;

    /**
     * VPCs that call internal APIs through the transit gateway.
     * @visibility frontend
     */
    consumers?: Array<{
      /**
       * A short name product teams pick from, e.g. customer-api.
       * @visibility frontend
       * @pattern ^[a-z0-9][a-z0-9-]*$
       */
      name: string;
      /**
       * @visibility frontend
       * @pattern ^[0-9]{12}$
       */
      accountId: string;
      /**
       * @visibility frontend
       * @pattern ^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$
       */
      region: string;
      /**
       * @visibility frontend
       * @pattern ^vpc-[0-9a-f]{8,17}$
       */
      vpcId: string;
      /**
       * Groups whose members (directly or through a child team) may give an
       * internal API this consumer, and who approve it for others when
       * `approval` is required, e.g. group:default/payments-team.
       * Missing or empty: admins only.
       * @visibility frontend
       */
      owners?: string[];
      /**
       * `required`: a non-owner's request to add this consumer stops before
       * any change until an owner approves it. `none`: non-owners are refused.
       * @visibility frontend
       * @default none
       */
      approval?: 'required' | 'none';
    }>;

    /**
     * Groups whose members may use every account and consumer, change or
     * decommission any internal API and clean up half-created ones, e.g.
     * group:default/platform-admins. Missing: nobody is an admin.
     * @visibility frontend
     */
    admins?: string[];

    /** The shared transit gateway, owned by the network account. */
    transitGateway?: {
      /** @pattern ^[0-9]{12}$ */
      accountId: string;
      /** @pattern ^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$ */
      region: string;
      /** @pattern ^tgw-[0-9a-f]{8,17}$ */
      id: string;
      /**
       * When set, the provider VPC attachment gets a static route in this table.
       * @pattern ^tgw-rtb-[0-9a-f]{8,17}$
       */
      routeTableId?: string;
    };

    /**
     * Public zones that internal API subdomains are delegated from.
     * @visibility frontend
     */
    parentZones?: Array<{
      /**
       * The zone's domain, e.g. acme.com.
       * @visibility frontend
       */
      domain: string;
      /**
       * Route 53 zone id, e.g. Z0123456789ABCDEFGHIJ.
       * @pattern ^[A-Z0-9]{1,32}$
       */
      hostedZoneId: string;
      /**
       * The DNS account that owns the zone.
       * @pattern ^[0-9]{12}$
       */
      accountId: string;
    }>;

    /** The entity card's status (internal-api-backend). */
    status?: {
      /**
       * How long a status read from AWS is answered from memory, per entity,
       * so reloads of a page do not repeat the AWS calls.
       * @default 30
       */
      cacheSeconds?: number;
    };
  };
}
