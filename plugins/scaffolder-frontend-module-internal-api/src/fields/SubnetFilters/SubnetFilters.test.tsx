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
    expect(screen.getByRole('alert')).toHaveTextContent(
      'subnetFilters match more than one subnet in an Availability Zone',
    );
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
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'accountId 555566667777 is not a configured workload account',
    );
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
      screen.getByText(/Pick the account and fill every filter/),
    ).toBeInTheDocument();
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
