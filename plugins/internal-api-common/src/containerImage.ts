/** Where a container image reference is pulled from. */
export type ImageSource =
  | {
      kind: 'ecr';
      registry: string;
      /** The account that owns the repository. */
      accountId: string;
      region: string;
    }
  | { kind: 'other'; registry: string };

// <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]: the names the ecr.dkr interface endpoint
// answers with private DNS. (The dual-stack name <account>.dkr-ecr.<region>.on.aws is not among them.)
const ECR_REGISTRY =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)\.amazonaws\.com(?:\.cn)?$/;

/**
 * The registry an image reference names, by Docker's rule: the first path
 * part is a registry host when it holds a `.` or a `:` or is `localhost`;
 * otherwise the image is on Docker Hub (`nginx`, `library/nginx`).
 */
export function imageSource(image: string): ImageSource {
  const [first, ...rest] = image.split('/');
  const registry =
    rest.length > 0 && (/[.:]/.test(first) || first === 'localhost')
      ? first
      : 'docker.io';
  const ecr = ECR_REGISTRY.exec(registry);
  return ecr
    ? { kind: 'ecr', registry, accountId: ecr[1], region: ecr[2] }
    : { kind: 'other', registry };
}

/**
 * Why the API's Fargate tasks could not pull the image where they are
 * placed, or undefined when they can. With a default route (NAT gateway,
 * or central egress through the transit gateway) any registry is reachable.
 * Without one, the tasks reach only what the VPC's endpoints serve: ECR in
 * the API's own region (any account: cross-account access is the
 * repository policy's business) and S3 for its layers.
 */
export function imagePullProblem(options: {
  image: string;
  /** The workload account's region, where the tasks run. */
  region: string;
  /** Whether the API's subnets have a default route out (see PlacementPreview.egressRoute). */
  egressRoute: boolean;
}): string | undefined {
  const { image, region, egressRoute } = options;
  if (egressRoute) {
    return undefined;
  }
  const source = imageSource(image);
  const noEgress =
    "the API's subnets have no default route (no NAT gateway), so its tasks reach only ECR in " +
    `${region}, through the VPC's endpoints`;
  const orNat =
    'or choose subnets whose route tables send 0.0.0.0/0 to a NAT gateway';
  if (source.kind === 'ecr') {
    return source.region === region
      ? undefined
      : `image '${image}' is in ECR in ${source.region}, but ${noEgress}. Replicate the repository to ${region} ` +
          `(ECR replication) and use its ${region} URI, ${orNat}.`;
  }
  return (
    `image '${image}' comes from ${source.registry}, but ${noEgress}. Push the image to ECR in ${region}, ` +
    `or add an ECR pull-through cache rule for ${source.registry} in ${region} (for registries ECR supports ` +
    'as upstream, e.g. ECR Public, Docker Hub, Quay, GitHub Container Registry) and use the URI it gives, ' +
    `${orNat}.`
  );
}
