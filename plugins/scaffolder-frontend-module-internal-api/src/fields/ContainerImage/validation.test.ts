import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import type { InternalApiLookups } from '../../api/InternalApiLookups';
import { apiHolderWith } from '../../__testUtils__/renderField';
import { placementPreview, zone } from '../../__testUtils__/wireFixtures';
import { validateContainerImage } from './validation';

const placed = {
  accountId: '555566667777',
  region: 'eu-west-1',
  subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
};
const oneZone = [zone('eu-west-1a', ['subnet-a', '10.20.1.0/24'])];

type FormData = NonNullable<
  Parameters<typeof validateContainerImage>[2]['formData']
>;

/** The errors the validator leaves on the field, as the stepper reads them. */
async function errorsOf(
  image: string,
  lookups: Partial<InternalApiLookups> | undefined,
  formData: FormData = placed,
  uiOptions?: Record<string, string>,
) {
  const validation = createFieldValidation();
  await validateContainerImage(image, validation, {
    apiHolder: apiHolderWith(lookups),
    formData,
    schema: {},
    uiSchema: uiOptions && { 'ui:options': uiOptions },
  });
  return validation.__errors;
}

describe('validateContainerImage', () => {
  it('blocks Next for an image from another registry when the placed subnets have no route out, naming the field by its title', async () => {
    const previewPlacement = jest
      .fn()
      .mockResolvedValue(placementPreview(oneZone, [], false));
    const errors = await errorsOf('ghcr.io/acme/orders:1', {
      previewPlacement,
    });
    expect(previewPlacement).toHaveBeenCalledWith(placed);
    expect(errors).toEqual([
      expect.stringMatching(
        /^The container image 'ghcr\.io\/acme\/orders:1' comes from ghcr\.io, but the API's subnets have no default route/,
      ),
    ]);
  });

  it('accepts same-region ECR without a route out, and any registry with one', async () => {
    const noRoute = jest
      .fn()
      .mockResolvedValue(placementPreview(oneZone, [], false));
    expect(
      await errorsOf('555566667777.dkr.ecr.eu-west-1.amazonaws.com/orders:1', {
        previewPlacement: noRoute,
      }),
    ).toEqual([]);
    const routed = jest
      .fn()
      .mockResolvedValue(placementPreview(oneZone, [], true));
    expect(
      await errorsOf('ghcr.io/acme/orders:1', { previewPlacement: routed }),
    ).toEqual([]);
  });

  it('reads the placement from the parameters ui:options names', async () => {
    const previewPlacement = jest
      .fn()
      .mockResolvedValue(placementPreview(oneZone, [], false));
    await errorsOf(
      'nginx:1',
      { previewPlacement },
      {
        account: '444455556666',
        where: 'eu-west-1',
        filters: placed.subnetFilters,
      },
      {
        accountField: 'account',
        regionField: 'where',
        subnetFiltersField: 'filters',
      },
    );
    expect(previewPlacement).toHaveBeenCalledWith({
      ...placed,
      accountId: '444455556666',
    });
  });

  it('leaves the decision to the task until the placement is complete, or without the lookups', async () => {
    const previewPlacement = jest.fn();
    expect(
      await errorsOf('nginx:1', { previewPlacement }, { accountId: '1' }),
    ).toEqual([]);
    expect(previewPlacement).not.toHaveBeenCalled();
    expect(await errorsOf('nginx:1', undefined)).toEqual([]);
  });

  it("says so when the preview cannot be had, and stays quiet on the placement's own problems", async () => {
    expect(
      await errorsOf('nginx:1', {
        previewPlacement: jest.fn().mockRejectedValue(new Error('HTTP 503')),
      }),
    ).toEqual(['Could not check where the image can be pulled from: HTTP 503']);
    expect(
      await errorsOf('nginx:1', {
        previewPlacement: jest
          .fn()
          .mockResolvedValue({ problems: ['accountId is required'] }),
      }),
    ).toEqual([]);
  });
});
