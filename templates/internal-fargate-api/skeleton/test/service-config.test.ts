import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { missingEndpoints } from '../lib/private-endpoints';
import { loadServiceConfig, serviceConfigProblems, ServiceConfig } from '../lib/service-config';

// This repository's own config, as the template rendered it: valid, and the base every case edits.
const config = loadServiceConfig();

/** The config with `edit` applied to a copy. */
function edited(edit: (copy: any) => void): unknown {
  const copy = JSON.parse(JSON.stringify(config));
  edit(copy);
  return copy;
}

describe('config/service.json', () => {
  it('is valid as rendered', () => {
    expect(serviceConfigProblems(config)).toEqual([]);
  });

  it.each([
    ['a CPU value Fargate does not offer', (c: any) => (c.container.cpu = 300), 'container.cpu is 300; allowed: one of 256, 512, 1024, 2048, 4096'],
    ['memory the CPU does not allow', (c: any) => Object.assign(c.container, { cpu: 256, memoryMiB: 4096 }), 'container.memoryMiB is 4096; allowed with container.cpu 256: one of 512, 1024, 2048'],
    ['a number given as text', (c: any) => (c.container.port = '8080'), 'container.port is "8080"; allowed: an integer from 1 to 65535'],
    ['no tasks', (c: any) => (c.container.desiredCount = 0), 'container.desiredCount is 0; allowed: an integer from 1 to 20'],
    ['a health check path without /', (c: any) => (c.container.healthCheckPath = 'health'), 'container.healthCheckPath is "health"; allowed: a path starting with /'],
    ['a missing placement fact', (c: any) => delete c.network.egressRoute, 'network.egressRoute is missing; allowed: true or false'],
    ['an endpoint the tasks do not use', (c: any) => (c.network.existingVpcEndpoints = ['sqs']), 'network.existingVpcEndpoints[0] is "sqs"; allowed: one of "ecr.api", "ecr.dkr", "logs", "s3"'],
    ['the retired endpoint switch', (c: any) => (c.network.createVpcEndpoints = true), 'network.createVpcEndpoints is not a field here'],
    ['a misspelt field', (c: any) => (c.container.desiredcount = 3), 'container.desiredcount is not a field here'],
    ['a consumer CIDR that is not one', (c: any) => (c.consumers = [{ name: 'x', cidr: '10.0.0.0/33' }]), 'consumers[0].cidr is "10.0.0.0/33"; allowed: an IPv4 CIDR'],
    ['a key that is not a KMS key ARN', (c: any) => (c.container.imageKmsKeyArn = 'alias/ecr'), 'container.imageKmsKeyArn is "alias/ecr"; allowed: a KMS key ARN'],
    ['two subnets in one zone', (c: any) => (c.network.subnets[1].availabilityZone = c.network.subnets[0].availabilityZone), 'network.subnets[1].availabilityZone is'],
    ['one subnet', (c: any) => (c.network.subnets = c.network.subnets.slice(0, 1)), 'network.subnets is ['],
  ])('refuses %s, naming the field, its value and what is allowed', (_, edit, message) => {
    const problems = serviceConfigProblems(edited(edit));
    expect(problems).toEqual([expect.stringContaining(message)]);
  });

  it('fails loading (and so synth) with every problem listed', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'config-')), 'service.json');
    fs.writeFileSync(file, JSON.stringify(edited(c => Object.assign(c.container, { cpu: 3, port: 0 }))));
    expect(() => loadServiceConfig(file)).toThrow(
      /does not describe a deployable service:\n {2}- container\.port is 0; .*\n {2}- container\.cpu is 3; /,
    );
  });
});

describe('the endpoints the stack creates', () => {
  const network = (facts: Pick<ServiceConfig['network'], 'existingVpcEndpoints' | 'egressRoute'>) => facts;

  it('are all four in a VPC without endpoints or a default route', () => {
    expect(missingEndpoints(network({ existingVpcEndpoints: [], egressRoute: false }))).toEqual(['ecr.api', 'ecr.dkr', 'logs', 's3']);
  });

  it('are only those the VPC lacks', () => {
    expect(missingEndpoints(network({ existingVpcEndpoints: ['ecr.api', 's3'], egressRoute: false }))).toEqual(['ecr.dkr', 'logs']);
    expect(missingEndpoints(network({ existingVpcEndpoints: ['s3', 'logs', 'ecr.dkr', 'ecr.api'], egressRoute: false }))).toEqual([]);
  });

  it('are none when the subnets route to a NAT gateway', () => {
    expect(missingEndpoints(network({ existingVpcEndpoints: [], egressRoute: true }))).toEqual([]);
  });
});
