import { imagePullProblem, imageSource } from './containerImage';

describe('imageSource', () => {
  it.each([
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
      { kind: 'ecr', accountId: '123456789012', region: 'eu-west-1' },
    ],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/orders@sha256:ab',
      { kind: 'ecr', accountId: '123456789012', region: 'us-gov-west-1' },
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/orders:1',
      { kind: 'ecr', accountId: '123456789012', region: 'cn-north-1' },
    ],
    ['nginx:1.27', { kind: 'other', registry: 'docker.io' }],
    ['library/nginx', { kind: 'other', registry: 'docker.io' }],
    ['ghcr.io/acme/orders:1', { kind: 'other', registry: 'ghcr.io' }],
    [
      'public.ecr.aws/nginx/nginx:1',
      { kind: 'other', registry: 'public.ecr.aws' },
    ],
    ['localhost:5000/orders:1', { kind: 'other', registry: 'localhost:5000' }],
    // The dual-stack name is not one the ecr.dkr endpoint's private DNS answers.
    [
      '123456789012.dkr-ecr.eu-west-1.on.aws/orders:1',
      { kind: 'other', registry: '123456789012.dkr-ecr.eu-west-1.on.aws' },
    ],
  ])('%s', (image, expected) => {
    expect(imageSource(image)).toMatchObject(expected);
  });
});

describe('imagePullProblem', () => {
  const placed = { region: 'eu-west-1', egressRoute: false };

  it('accepts ECR in the same region, of any account, without a NAT route', () => {
    for (const account of ['444455556666', '999988887777']) {
      expect(
        imagePullProblem({
          ...placed,
          image: `${account}.dkr.ecr.eu-west-1.amazonaws.com/orders:1`,
        }),
      ).toBeUndefined();
    }
  });

  it('accepts any registry when the subnets route out', () => {
    for (const image of [
      'nginx:1.27',
      'ghcr.io/acme/orders:1',
      '444455556666.dkr.ecr.us-east-1.amazonaws.com/orders:1',
    ]) {
      expect(
        imagePullProblem({ ...placed, egressRoute: true, image }),
      ).toBeUndefined();
    }
  });

  it('refuses another registry without a NAT route, naming the registry and both ways out', () => {
    expect(
      imagePullProblem({ ...placed, image: 'ghcr.io/acme/orders:1' }),
    ).toBe(
      "image 'ghcr.io/acme/orders:1' comes from ghcr.io, but the API's subnets have no default route (no NAT " +
        "gateway), so its tasks reach only ECR in eu-west-1, through the VPC's endpoints. Push the image to ECR in " +
        'eu-west-1, or add an ECR pull-through cache rule for ghcr.io in eu-west-1 (for registries ECR supports as ' +
        'upstream, e.g. ECR Public, Docker Hub, Quay, GitHub Container Registry) and use the URI it gives, or choose ' +
        'subnets whose route tables send 0.0.0.0/0 to a NAT gateway.',
    );
    expect(imagePullProblem({ ...placed, image: 'nginx' })).toMatch(
      /^image 'nginx' comes from docker\.io, but/,
    );
  });

  it("refuses another region's ECR without a NAT route, suggesting replication", () => {
    expect(
      imagePullProblem({
        ...placed,
        image: '444455556666.dkr.ecr.us-east-1.amazonaws.com/orders:1',
      }),
    ).toMatch(
      /^image '.*' is in ECR in us-east-1, but .* Replicate the repository to eu-west-1 \(ECR replication\)/,
    );
  });
});
