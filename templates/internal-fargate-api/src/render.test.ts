import {
  addDefaultRoute,
  addWorkloadVpc,
  Sandbox,
  SandboxLandscape,
  startSandbox,
} from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { cloudFormationFacts } from './__testUtils__/cloudFormationFacts';
import { formDefaults, requiredOnly } from './__testUtils__/formDefaults';
import {
  CommandResult,
  expectSucceeded,
  generatedRepo,
  synthesizedTemplate,
  writeRender,
} from './generatedRepo';
import { startScaffolder } from './__testUtils__/scaffolder';
import { ORDERS_API } from './ordersApi';
import { templateDir } from './templateFiles';

const TEMPLATE = yaml.parse(
  fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
);

/** Workload accounts this suite adds to the seeded landscape. */
const ACCOUNTS = {
  /** Its VPC already has every endpoint the tasks need (another API, or the platform, made them). */
  shared: '666677778888',
  /** Its private subnets route 0.0.0.0/0 to a NAT gateway. */
  egress: '999900001111',
  /** Owns an ECR repository other accounts pull from. */
  images: '121212121212',
};

const ALL_ENDPOINTS = [
  'Gateway:s3',
  'Interface:ecr.api',
  'Interface:ecr.dkr',
  'Interface:logs',
];

/** A dry-run's files as path → text, in path order. */
const filesOf = (files: { path: string; base64Content: string }[]) =>
  Object.fromEntries(
    files
      .map(f => [f.path, Buffer.from(f.base64Content, 'base64').toString()])
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** The JSON blocks of a markdown file, parsed. */
const jsonBlocks = (markdown: string) =>
  [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map(([, json]) =>
    JSON.parse(json),
  );

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
    landscape = await addWorkloadVpc(sandbox.moto, sandbox.landscape, {
      name: 'shared',
      title: 'Shared services (sandbox)',
      accountId: ACCOUNTS.shared,
      cidr: '10.60.0.0/16',
      endpoints: ['ecr.api', 'ecr.dkr', 'logs', 's3'],
    });
    landscape = await addWorkloadVpc(sandbox.moto, landscape, {
      name: 'egress',
      title: 'Egress (sandbox)',
      accountId: ACCOUNTS.egress,
      cidr: '10.70.0.0/16',
    });
    ({ landscape } = await addDefaultRoute(sandbox.moto, landscape, {
      vpc: 'egress',
      via: 'nat',
    }));
    scaffolder = await startScaffolder(landscape.config);
  }, 120_000);

  afterAll(async () => {
    await scaffolder?.stop();
    await sandbox?.stop();
  });

  const defaults = formDefaults(TEMPLATE);

  // Each case is the sandbox's Orders API with what makes it different.
  const base = ORDERS_API;
  const cases = [
    {
      case: 'a VPC without the endpoints or a NAT route: all four; ECR image, three zones, one consumer',
      values: ORDERS_API,
      vpc: 'orders',
      zones: ['a', 'b', 'c'],
      consumerCidrs: ['10.40.0.0/16'],
      endpoints: ALL_ENDPOINTS,
      repository: 'arn:aws:ecr:eu-west-1:444455556666:repository/orders',
    },
    {
      case: 'a VPC with every endpoint: none; ECR image by digest, smallest size, two consumers',
      values: {
        ...base,
        name: 'search-api',
        accountId: ACCOUNTS.shared,
        domainName: 'search.internal.acme.com',
        image: `${
          ACCOUNTS.shared
        }.dkr.ecr.eu-west-1.amazonaws.com/search@sha256:${'ab12'.repeat(16)}`,
        consumers: ['customer-api', 'partner-api'],
        cpu: 256,
        memoryMiB: 512,
        desiredCount: 1,
        repoUrl: 'github.com?owner=acme&repo=search-api',
      },
      vpc: 'shared',
      zones: ['a', 'b'],
      consumerCidrs: ['10.40.0.0/16', '10.50.0.0/16'],
      endpoints: [],
      repository: `arn:aws:ecr:eu-west-1:${ACCOUNTS.shared}:repository/search`,
    },
    {
      case: 'a VPC with a NAT route: none; an image from another registry, one consumer, bigger tasks',
      values: {
        ...base,
        name: 'ledger',
        accountId: ACCOUNTS.egress,
        domainName: 'ledger.acme.com',
        image: 'ghcr.io/acme/ledger:2.0.0',
        consumers: ['partner-api'],
        containerPort: 3000,
        cpu: 1024,
        memoryMiB: 4096,
        desiredCount: 3,
        healthCheckPath: '/ready',
        repoUrl: 'github.com?owner=acme&repo=ledger',
      },
      vpc: 'egress',
      zones: ['a', 'b'],
      consumerCidrs: ['10.50.0.0/16'],
      endpoints: [],
      repository: null,
    },
    {
      case: 'an ECR image in another account: pull rights here, the repository policy in the README',
      values: {
        ...base,
        name: 'billing-api',
        domainName: 'billing.api.acme.com',
        image: `${ACCOUNTS.images}.dkr.ecr.eu-west-1.amazonaws.com/shared/billing:3.1.0`,
        repoUrl: 'github.com?owner=acme&repo=billing-api',
      },
      vpc: 'orders',
      zones: ['a', 'b', 'c'],
      consumerCidrs: ['10.40.0.0/16'],
      endpoints: ALL_ENDPOINTS,
      repository: `arn:aws:ecr:eu-west-1:${ACCOUNTS.images}:repository/shared/billing`,
    },
    {
      case: "every optional value left out: the form's defaults",
      values: {
        ...defaults,
        ...requiredOnly(TEMPLATE, {
          ...base,
          name: 'defaults-api',
          domainName: 'defaults.api.acme.com',
          repoUrl: 'github.com?owner=acme&repo=defaults-api',
        }),
      } as typeof base,
      omitDefaults: true,
      vpc: 'orders',
      zones: ['a', 'b', 'c'],
      consumerCidrs: ['10.40.0.0/16'],
      endpoints: ALL_ENDPOINTS,
      repository: 'arn:aws:ecr:eu-west-1:444455556666:repository/orders',
    },
  ];

  it("applies exactly the form's defaults to the values an API caller leaves out", async () => {
    // Only meaningful if every value with a default is optional: these, all left out.
    const sent = requiredOnly(TEMPLATE, ORDERS_API);
    expect(Object.keys(defaults).sort()).toEqual([
      'containerPort',
      'cpu',
      'desiredCount',
      'healthCheckPath',
      'memoryMiB',
      'region',
      'subnetFilters',
    ]);
    for (const name of Object.keys(defaults)) {
      expect(sent).not.toHaveProperty(name);
    }
    const omitted = await scaffolder.dryRun(sent);
    const filled = await scaffolder.dryRun({ ...defaults, ...sent });
    expect([omitted.status, filled.status]).toEqual([200, 200]);
    expect(filesOf(omitted.body.directoryContents!)).toEqual(
      filesOf(filled.body.directoryContents!),
    );
  });

  it.each(cases)(
    '$case',
    async ({
      values,
      omitDefaults,
      vpc,
      zones,
      consumerCidrs,
      endpoints,
      repository,
    }) => {
      const { status, body } = await scaffolder.dryRun(
        omitDefaults ? requiredOnly(TEMPLATE, values) : values,
      );
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

      const landscapeVpc = landscape.vpcs[vpc];
      const placed = landscapeVpc.subnets
        .filter(
          s =>
            // Private subnets are the ones with a route table of their own.
            s.routeTableId !== undefined &&
            zones.some(z => s.availabilityZone === `eu-west-1${z}`),
        )
        .map(s => s.subnetId);
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
          healthCheckInterval: 10,
          healthyThreshold: 2,
        },
        loadBalancerIngress: [landscapeVpc.cidr, ...consumerCidrs]
          .map(cidr => `${cidr}:443-443`)
          .sort(),
        taskIngress: [`nlb:${values.containerPort}-${values.containerPort}`],
        endpoints,
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
          gracePeriod: 60,
        },
        imagePull: { role: `${values.name}-task-execution`, repository },
        // Deleting the stack keeps the logs, and the endpoints other APIs in the VPC pull through.
        retained: [
          ...(endpoints.length > 0
            ? ['AWS::EC2::SecurityGroup', 'AWS::EC2::VPCEndpoint']
            : []),
          'AWS::Logs::LogGroup',
          'AWS::S3::Bucket',
        ],
      });

      // The repository policy the image's account must add, only when that is another account.
      const statements = jsonBlocks(
        fs.readFileSync(path.join(dir, 'README.md'), 'utf8'),
      ).filter(block => block.Sid);
      const role = `arn:aws:iam::${values.accountId}:role/${values.name}-task-execution`;
      const crossAccount = values.image.startsWith(`${ACCOUNTS.images}.`);
      expect(statements).toEqual(
        crossAccount
          ? [
              {
                Sid: 'PullBybillingapiTasks',
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${values.accountId}:root` },
                Action: [
                  'ecr:BatchCheckLayerAvailability',
                  'ecr:BatchGetImage',
                  'ecr:GetDownloadUrlForLayer',
                ],
                Condition: { ArnEquals: { 'aws:PrincipalArn': role } },
              },
              {
                Sid: 'DecryptImageForbillingapi',
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${values.accountId}:root` },
                Action: 'kms:Decrypt',
                Resource: '*',
                Condition: { ArnEquals: { 'aws:PrincipalArn': role } },
              },
            ]
          : [],
      );

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
        'aws.amazon.com/account-id': values.accountId,
        'aws.amazon.com/region': 'eu-west-1',
      });
      // What day 2 reads (internal-api-common annotations.ts): the VPC whose routes the API shares,
      // its zone, its consumers as a sorted set.
      const serviceConfig = JSON.parse(
        fs.readFileSync(path.join(dir, 'config', 'service.json'), 'utf8'),
      );
      expect(catalog[0].metadata.annotations).toMatchObject({
        'internal-api.platform/vpc-id': serviceConfig.network.vpcId,
        'internal-api.platform/hosted-zone-id': 'Z00000000000DRYRUN',
        'internal-api.platform/consumers': [...values.consumers]
          .sort()
          .join(','),
        'github.com/project-slug': `${new URLSearchParams(
          values.repoUrl.split('?')[1],
        ).get('owner')}/${new URLSearchParams(values.repoUrl.split('?')[1]).get(
          'repo',
        )}`,
      });
      // A dry-run writes no NS record, so there is no change for the card to follow.
      expect(catalog[0].metadata.annotations).not.toHaveProperty(
        'internal-api.platform/delegation-change',
      );
      // Both entities say who asked (the task's user) and which template made them (this one).
      for (const entity of catalog) {
        expect(entity.metadata.annotations).toMatchObject({
          'backstage.io/source-template': `template:default/${TEMPLATE.metadata.name}`,
          'internal-api.platform/created-by': 'user:default/mock',
        });
      }
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
