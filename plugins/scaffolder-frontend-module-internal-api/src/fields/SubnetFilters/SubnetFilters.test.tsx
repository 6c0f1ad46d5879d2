import { screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { placementPreview, zone } from '../../__testUtils__/wireFixtures';
import { SubnetFilters } from './SubnetFilters';

const tierPrivate = [{ name: 'tag:Tier', values: ['private'] }];

describe('SubnetFilters', () => {
  it('shows the matching subnets by zone and the problem with two in one zone', async () => {
    const lookups = mockLookups();
    lookups.previewPlacement.mockResolvedValue(
      placementPreview(
        [
          zone(
            'eu-west-1a',
            ['subnet-1', '10.20.1.0/24'],
            ['subnet-2', '10.20.2.0/24'],
          ),
        ],
        ['subnetFilters match more than one subnet in an Availability Zone'],
      ),
    );
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: tierPrivate,
          formContext: {
            formData: { accountId: '555566667777', region: 'eu-west-1' },
          },
          onChange: jest.fn(),
        })}
      />,
      lookups,
    );

    expect(await screen.findByText('10.20.2.0/24')).toBeInTheDocument();
    expect(
      screen.getAllByText('eu-west-1a (more than one subnet)'),
    ).toHaveLength(2);
    expect(screen.getAllByRole('alert').map(a => a.textContent)).toEqual([
      'The subnet filters match more than one subnet in an Availability Zone',
      'Next stays blocked until this is fixed.',
    ]);
    expect(lookups.previewPlacement).toHaveBeenCalledWith({
      accountId: '555566667777',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
  });

  it('says the placement fits when each zone has one subnet', async () => {
    const lookups = mockLookups();
    lookups.previewPlacement.mockResolvedValue(
      placementPreview([
        zone('eu-west-1a', ['subnet-1', '10.20.1.0/24']),
        zone('eu-west-1b', ['subnet-3', '10.20.3.0/24']),
      ]),
    );
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: tierPrivate,
          formContext: {
            formData: { accountId: '555566667777', region: 'eu-west-1' },
          },
          onChange: jest.fn(),
        })}
      />,
      lookups,
    );
    expect(
      await screen.findByText(
        'One subnet in each of 2 zones of vpc-p (10.20.0.0/16): the load balancer can use them.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads as fixed once the preview fits, though the last Next refused the filters', async () => {
    const lookups = mockLookups();
    lookups.previewPlacement.mockResolvedValue(
      placementPreview([
        zone('eu-west-1a', ['subnet-1', '10.20.1.0/24']),
        zone('eu-west-1b', ['subnet-3', '10.20.3.0/24']),
      ]),
    );
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: tierPrivate,
          formContext: {
            formData: { accountId: '555566667777', region: 'eu-west-1' },
          },
          // The scaffolder keeps the errors of the last Next until Next is pressed again.
          rawErrors: [
            'The subnet filters match more than one subnet in an Availability Zone',
          ],
          hideError: true,
          onChange: jest.fn(),
        })}
      />,
      lookups,
    );
    expect(
      await screen.findByText(/^One subnet in each of 2 zones/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows a filter's own errors from the form's check under its inputs", async () => {
    const nameError =
      '"Tag:Tier" is not a subnet filter: use tag:<key> or a DescribeSubnets filter name, e.g. tag:Tier or subnet-id.';
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: [{ name: 'Tag:Tier', values: ['private'] }],
          errorSchema: { 0: { name: { __errors: [nameError] } } },
          formContext: { formData: {} },
          onChange: jest.fn(),
        })}
      />,
      mockLookups(),
    );
    expect(screen.getByText(nameError)).toBeInTheDocument();
    expect(screen.getByLabelText('Filter 1')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('shows a refusal of the values as the action words it', async () => {
    const lookups = mockLookups();
    lookups.previewPlacement.mockResolvedValue({
      problems: ['accountId 555566667777 is not a configured workload account'],
    });
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: tierPrivate,
          formContext: {
            formData: { accountId: '555566667777', region: 'eu-west-1' },
          },
          onChange: jest.fn(),
        })}
      />,
      lookups,
    );
    expect(
      await screen.findByText(
        'The AWS account 555566667777 is not a configured workload account',
      ),
    ).toHaveAttribute('role', 'alert');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('asks for the account before it looks anything up', async () => {
    const lookups = mockLookups();
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: tierPrivate,
          formContext: { formData: {} },
          onChange: jest.fn(),
        })}
      />,
      lookups,
    );
    expect(
      screen.getByText(
        'Pick the AWS account above, then give every filter a name and at least one value, e.g. tag:Tier = private.',
      ),
    ).not.toHaveAttribute('role', 'alert');
    expect(lookups.previewPlacement).not.toHaveBeenCalled();
  });

  it('previews the account and region of the parameters named in ui:options', async () => {
    const lookups = mockLookups();
    lookups.previewPlacement.mockResolvedValue(
      placementPreview([zone('eu-west-1a', ['subnet-1', '10.20.1.0/24'])]),
    );
    await renderField(
      <SubnetFilters
        {...fieldProps({
          formData: tierPrivate,
          uiSchema: {
            'ui:options': {
              accountField: 'workloadAccount',
              regionField: 'workloadRegion',
            },
          },
          formContext: {
            formData: {
              accountId: '111122223333',
              region: 'us-east-1',
              workloadAccount: '555566667777',
              workloadRegion: 'eu-west-1',
            },
          },
          onChange: jest.fn(),
        })}
      />,
      lookups,
    );
    await waitFor(() =>
      expect(lookups.previewPlacement).toHaveBeenCalledWith({
        accountId: '555566667777',
        region: 'eu-west-1',
        subnetFilters: tierPrivate,
      }),
    );
    expect(lookups.previewPlacement).toHaveBeenCalledTimes(1);
  });
});
