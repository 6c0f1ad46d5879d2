import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** config/service.json and catalog-info.yaml as the skeleton renders them (abridged, same layout). */
export const SERVICE_CONFIG = {
  name: 'orders-api',
  description: 'Orders for the customer API',
  accountId: '111111111111',
  region: 'eu-west-1',
  network: {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidr: '10.10.0.0/16',
    subnets: [
      {
        subnetId: 'subnet-0aaaaaaaaaaaaaaa1',
        availabilityZone: 'eu-west-1a',
        cidr: '10.10.1.0/24',
        routeTableId: 'rtb-0aaaaaaaaaaaaaaa1',
      },
      {
        subnetId: 'subnet-0aaaaaaaaaaaaaaa2',
        availabilityZone: 'eu-west-1b',
        cidr: '10.10.2.0/24',
        routeTableId: 'rtb-0aaaaaaaaaaaaaaa2',
      },
    ],
  },
  dns: {
    domainName: 'orders.api.acme.com',
    hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  },
  consumers: [{ name: 'customer-api', cidr: '10.20.0.0/16' }],
};
export const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: "orders-api"
  tags: [internal-api, fargate, aws]
  annotations:
    aws.amazon.com/account-id: "111111111111"
    internal-api.platform/domain: "orders.api.acme.com"
    # Day 2 reads these (internal-api-common annotations.ts): which routes other APIs still need.
    internal-api.platform/vpc-id: "vpc-0123456789abcdef0"
    internal-api.platform/consumers: "customer-api"
  links:
    - url: "https://orders.api.acme.com"
      title: API endpoint (private)
spec:
  type: service
  owner: "group:default/orders-team"
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: "orders-api"
  annotations:
    aws.amazon.com/account-id: "111111111111"
spec:
  type: openapi
  definition:
    $text: ./api/openapi.yaml
`;

/** A temporary folder holding the two files, as fetch:plain checks the repository out. */
export function serviceRepositoryFiles(
  files = {
    'config/service.json': `${JSON.stringify(SERVICE_CONFIG, null, 2)}\n`,
    'catalog-info.yaml': CATALOG_INFO,
  } as Record<string, string>,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-repo-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  Object.entries(files).forEach(([file, text]) => write(file, text));
  return {
    dir,
    write,
    read: (file: string) => fs.readFileSync(path.join(dir, file), 'utf8'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A task workspace holding the repository in ./repository, as the examples' fetch:plain puts it. */
export function workspaceWithRepository() {
  const files = serviceRepositoryFiles();
  const workspacePath = `${files.dir}-workspace`;
  fs.mkdirSync(workspacePath);
  fs.renameSync(files.dir, path.join(workspacePath, 'repository'));
  return {
    workspacePath,
    consumersInConfig: () =>
      JSON.parse(
        fs.readFileSync(
          path.join(workspacePath, 'repository', 'config', 'service.json'),
          'utf8',
        ),
      ).consumers.map((consumer: { name: string }) => consumer.name),
    remove: () => fs.rmSync(workspacePath, { recursive: true, force: true }),
  };
}
