import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';

/** Form values for an API in the sandbox's Orders account that the customer network calls. */
export const ORDERS_API = {
  name: 'orders-api',
  description: 'Orders for the customer API',
  owner: 'group:default/platform-engineering',
  accountId: SANDBOX_ACCOUNTS.orders,
  region: 'eu-west-1',
  subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
  domainName: 'orders.api.acme.com',
  consumers: ['customer-api'],
  image: '444455556666.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
  containerPort: 8080,
  cpu: 512,
  memoryMiB: 1024,
  desiredCount: 2,
  healthCheckPath: '/health',
  repoUrl: 'github.com?owner=acme&repo=orders-api',
};

/**
 * The Orders API's form values under another name: its own subdomain
 * (`<name>.api.acme.com`) and repository.
 */
export const ordersApiNamed = (name: string) => ({
  ...ORDERS_API,
  name,
  domainName: `${name}.api.acme.com`,
  repoUrl: `github.com?owner=acme&repo=${name}`,
});
