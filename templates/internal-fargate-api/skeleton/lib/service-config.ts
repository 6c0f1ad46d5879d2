import * as fs from 'node:fs';
import * as path from 'node:path';

/** One subnet per Availability Zone, as internal-api:placement:resolve found them. */
export interface PlacedSubnet {
  subnetId: string;
  availabilityZone: string;
  cidr: string;
  routeTableId: string;
}

/**
 * Everything the stack needs, resolved when the repository was created and
 * kept as data (config/service.json): synth needs no AWS credentials and no lookups.
 */
export interface ServiceConfig {
  name: string;
  description: string;
  accountId: string;
  region: string;
  network: {
    vpcId: string;
    vpcCidr: string;
    subnets: PlacedSubnet[];
    /** Create ECR, S3 and Logs endpoints; turn off when the VPC routes to a NAT gateway or has them already. */
    createVpcEndpoints: boolean;
  };
  dns: {
    /** The API's name, also the apex of its own hosted zone. */
    domainName: string;
    hostedZoneId: string;
  };
  container: {
    image: string;
    port: number;
    cpu: number;
    memoryMiB: number;
    desiredCount: number;
    healthCheckPath: string;
  };
  /** Networks allowed to call the API through the transit gateway. */
  consumers: { name: string; cidr: string }[];
}

export function loadServiceConfig(file = path.join(__dirname, '..', 'config', 'service.json')): ServiceConfig {
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as ServiceConfig;
  const zones = new Set(config.network.subnets.map(subnet => subnet.availabilityZone));
  if (zones.size !== config.network.subnets.length || zones.size < 2) {
    throw new Error(`${file}: network.subnets must hold exactly one subnet in each of at least two Availability Zones`);
  }
  return config;
}
