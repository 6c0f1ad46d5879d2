import { Sandbox, SandboxLandscape, startSandbox } from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { cloudFormationFacts } from './__testUtils__/cloudFormationFacts';
import {
  CommandResult,
  expectSucceeded,
  generatedRepo,
  synthesizedTemplate,
  writeRender,
} from './generatedRepo';
import { startScaffolder } from './__testUtils__/scaffolder';
import { ORDERS_API } from './ordersApi';

/**
 * The template rendered through the real scaffolder (dry-run, placement and
 * plans against the emulator), then the generated repository built as its own
 * CI would: typecheck, its tests, cdk synth (cdk-nag on), cfn-lint.
 */
describe('the Internal Fargate API template renders a repository that builds', () => {
  let sandbox: Sandbox;
  let landscape: SandboxLandscape;
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    // Seeded, behind the proxy that answers as AWS where moto does not (dry runs).
    sandbox = await startSandbox();
    landscape = sandbox.landscape;
    scaffolder = await startScaffolder(landscape.config);
  }, 120_000);

  afterAll(async () => {
    await scaffolder?.stop();
    await sandbox?.stop();
  });

  // Each case is the sandbox's Orders API with what makes it different.
  const base = ORDERS_API;

  const cases = [
    {
      case: 'three zones, ECR image, one consumer',
      values: ORDERS_API,
      zones: ['a', 'b', 'c'],
      consumerCidrs: ['10.40.0.0/16'],
    },
    {
      case: 'two zones, public registry, two consumers, no endpoints, bigger tasks',
      values: {
        ...base,
        name: 'ledger',
        domainName: 'ledger.acme.com',
        subnetFilters: [
          ...base.subnetFilters,
          { name: 'availability-zone', values: ['eu-west-1a', 'eu-west-1b'] },
        ],
        image: 'ghcr.io/acme/ledger:2.0.0',
        consumers: ['customer-api', 'partner-api'],
        createVpcEndpoints: false,
        containerPort: 3000,
        cpu: 1024,
        memoryMiB: 4096,
        desiredCount: 3,
        healthCheckPath: '/ready',
      },
      zones: ['a', 'b'],
      consumerCidrs: ['10.40.0.0/16', '10.50.0.0/16'],
    },
    {
      case: 'image by digest, smallest size, no consumers',
      values: {
        ...base,
        name: 'search-api',
        domainName: 'search.internal.acme.com',
        image: `docker.io/library/nginx@sha256:${'ab12'.repeat(16)}`,
        consumers: [],
        cpu: 256,
        memoryMiB: 512,
        desiredCount: 1,
      },
      zones: ['a', 'b', 'c'],
      consumerCidrs: [],
    },
  ];

  it.each(cases)(
    '$case',
    async ({ values, zones, consumerCidrs }) => {
      const { status, body } = await scaffolder.dryRun(values);
      expect({ status, error: body.error ?? body.errors }).toEqual({
        status: 200,
        error: undefined,
      });

      const dir = writeRender(values.name, body.directoryContents!);
      const checks: CommandResult[] = [
        generatedRepo.typecheck(dir),
        generatedRepo.test(dir),
        generatedRepo.synth(dir),
        generatedRepo.cfnLint(dir, values.name),
      ];
      for (const check of checks) {
        expectSucceeded(check);
      }
      fs.writeFileSync(
        path.join(dir, '..', `${values.name}.timings.json`),
        JSON.stringify(
          checks.map(({ command, seconds }) => ({ command, seconds })),
        ),
      );

      const subnets = landscape.vpcs.orders.subnets.filter(
        s =>
          // Private subnets are the ones with a route table of their own.
          s.routeTableId !== undefined &&
          zones.some(z => s.availabilityZone === `eu-west-1${z}`),
      );
      const placed = subnets.map(s => s.subnetId);
      const facts = cloudFormationFacts(synthesizedTemplate(dir, values.name));
      expect(facts).toEqual({
        loadBalancer: {
          scheme: 'internal',
          subnets: placed,
          crossZone: 'true',
          deletionProtection: 'true',
          accessLogs: 'true',
        },
        listeners: [
          {
            port: 443,
            protocol: 'TLS',
            sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
            loadBalancer: expect.any(String),
          },
        ],
        targetGroup: {
          protocol: 'TCP',
          port: values.containerPort,
          healthCheck: `HTTP ${values.healthCheckPath}`,
        },
        loadBalancerIngress: ['10.10.0.0/16', ...consumerCidrs]
          .map(cidr => `${cidr}:443-443`)
          .sort(),
        taskIngress: [`nlb:${values.containerPort}-${values.containerPort}`],
        endpoints: values.createVpcEndpoints
          ? [
              'Gateway:s3',
              'Interface:ecr.api',
              'Interface:ecr.dkr',
              'Interface:logs',
            ]
          : [],
        record: {
          name: `${values.domainName}.`,
          type: 'A',
          zone: 'Z00000000000DRYRUN',
          aliasToNlb: true,
        },
        certificate: {
          domain: values.domainName,
          validation: 'DNS',
          zone: 'Z00000000000DRYRUN',
        },
        task: {
          cpu: String(values.cpu),
          memory: String(values.memoryMiB),
          image: expect.stringContaining(
            values.image.split(/[:@]/)[0].split('/').pop()!,
          ),
          containerPort: values.containerPort,
        },
        service: {
          desiredCount: values.desiredCount,
          subnets: placed,
          publicIp: 'DISABLED',
          circuitBreaker: { Enable: true, Rollback: true },
          minHealthyPercent: 100,
        },
      });

      const catalog = yaml
        .parseAllDocuments(
          fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
        )
        .map(d => d.toJS());
      expect(catalog.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
        `Component:${values.name}`,
        `API:${values.name}`,
      ]);
      expect(catalog[0].spec).toMatchObject({
        type: 'service',
        owner: values.owner,
        providesApis: [values.name],
      });
      expect(catalog[0].metadata.annotations).toMatchObject({
        'aws.amazon.com/account-id': '444455556666',
        'aws.amazon.com/region': 'eu-west-1',
      });
      expect(catalog[1].metadata.links).toEqual([
        {
          url: `https://${values.domainName}`,
          title: 'API endpoint (private)',
        },
      ]);
    },
    300_000,
  );
});
