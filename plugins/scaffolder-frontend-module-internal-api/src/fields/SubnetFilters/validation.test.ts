import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { apiHolderWith } from '../../__testUtils__/renderField';
import { placementPreview } from '../../__testUtils__/wireFixtures';
import { validateSubnetFilters } from './validation';

const tierPrivate = [{ name: 'tag:Tier', values: ['private'] }];
const formData = { accountId: '555566667777', region: 'eu-west-1' };

/** The errors the validator leaves on the field, as the stepper reads them. */
async function errorsOf(
  filters: typeof tierPrivate,
  context: Omit<Parameters<typeof validateSubnetFilters>[2], 'schema'>,
) {
  const validation = createFieldValidation();
  await validateSubnetFilters(filters, validation, { schema: {}, ...context });
  return validation.__errors;
}

describe('validateSubnetFilters', () => {
  it('turns the placement problems into errors that block Next, naming the field by its title', async () => {
    const previewPlacement = jest.fn().mockResolvedValue({
      zones: [],
      problems: [
        'subnetFilters match more than one subnet in an Availability Zone (eu-west-1a: …)',
      ],
    });
    const errors = await errorsOf(tierPrivate, {
      apiHolder: apiHolderWith({ previewPlacement }),
      formData,
    });
    expect(previewPlacement).toHaveBeenCalledWith({
      ...formData,
      subnetFilters: tierPrivate,
    });
    expect(errors).toEqual([
      'The subnet filters match more than one subnet in an Availability Zone (eu-west-1a: …)',
    ]);
  });

  it('turns a refusal of the values into errors too', async () => {
    const errors = await errorsOf(tierPrivate, {
      apiHolder: apiHolderWith({
        previewPlacement: async () => ({
          problems: [
            'accountId 555566667777 is not a configured workload account',
          ],
        }),
      }),
      formData,
    });
    expect(errors).toEqual([
      'The AWS account 555566667777 is not a configured workload account',
    ]);
  });

  it('passes a placement without problems', async () => {
    const errors = await errorsOf(tierPrivate, {
      apiHolder: apiHolderWith({
        previewPlacement: async () => placementPreview([]),
      }),
      formData,
    });
    expect(errors).toEqual([]);
  });

  it('says when the backend cannot be asked, and asks for missing input first', async () => {
    const unavailable =
      "AWS could not be asked for the subnets. Try again; if it persists, the platform team should check the backend's AWS access (details are in the backend log).";
    const failing = await errorsOf(tierPrivate, {
      apiHolder: apiHolderWith({
        previewPlacement: async () => {
          throw new Error(unavailable);
        },
      }),
      formData,
    });
    expect(failing).toEqual([`Could not check the subnets: ${unavailable}`]);

    const incomplete = await errorsOf([{ name: 'tag:Tier', values: [] }], {
      apiHolder: apiHolderWith({}),
      formData,
    });
    expect(incomplete).toEqual([
      'Pick the AWS account above, then give every filter a name and at least one value, e.g. tag:Tier = private.',
    ]);
  });

  it('checks the account and region of the parameters named in ui:options', async () => {
    const previewPlacement = jest
      .fn()
      .mockResolvedValue({ zones: [], problems: [] });
    const errors = await errorsOf(tierPrivate, {
      apiHolder: apiHolderWith({ previewPlacement }),
      formData: {
        workloadAccount: '555566667777',
        workloadRegion: 'eu-west-1',
      },
      uiSchema: {
        'ui:options': {
          accountField: 'workloadAccount',
          regionField: 'workloadRegion',
        },
      },
    });
    expect(errors).toEqual([]);
    expect(previewPlacement).toHaveBeenCalledWith({
      accountId: '555566667777',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
  });

  it('leaves the check to the task when the lookups are not installed', async () => {
    const errors = await errorsOf(tierPrivate, {
      apiHolder: apiHolderWith(undefined),
      formData,
    });
    expect(errors).toEqual([]);
  });
});
