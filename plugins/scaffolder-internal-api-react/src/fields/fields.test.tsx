import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  InternalApiLookups,
  internalApiLookupsApiRef,
} from '../api/InternalApiLookups';
import { AccountPicker } from './AccountPicker';
import { AccountRegion } from './AccountRegion';
import { SubnetFiltersField } from './SubnetFiltersField';

const lookups: jest.Mocked<InternalApiLookups> = {
  listAccounts: jest.fn(async () => [
    {
      accountId: '555566667777',
      title: 'Payments',
      region: 'eu-central-1',
      vpcId: 'vpc-p',
    },
  ]),
  listConsumers: jest.fn(),
  listParentDomains: jest.fn(),
  previewPlacement: jest.fn(),
  checkDomain: jest.fn(),
};

// Only what the fields read; the scaffolder passes more.
const fieldProps = (props: Record<string, unknown>) =>
  ({
    schema: {},
    uiSchema: {},
    idSchema: { $id: 'root_field' },
    ...props,
  } as any);

const render = (element: JSX.Element) =>
  renderInTestApp(
    <TestApiProvider apis={[[internalApiLookupsApiRef, lookups]]}>
      {element}
    </TestApiProvider>,
  );

describe('SubnetFiltersField', () => {
  it('shows the matching subnets by zone and the problem with two in one zone', async () => {
    lookups.previewPlacement.mockResolvedValue({
      vpcId: 'vpc-p',
      vpcCidr: '10.20.0.0/16',
      zones: [
        {
          availabilityZone: 'eu-west-1a',
          subnets: [
            {
              subnetId: 'subnet-1',
              availabilityZone: 'eu-west-1a',
              cidr: '10.20.1.0/24',
            },
            {
              subnetId: 'subnet-2',
              availabilityZone: 'eu-west-1a',
              cidr: '10.20.2.0/24',
            },
          ],
        },
      ],
      problems: [
        'subnetFilters match more than one subnet in an Availability Zone',
      ],
    });
    await render(
      <SubnetFiltersField
        {...fieldProps({
          formData: [{ name: 'tag:Tier', values: ['private'] }],
          formContext: {
            formData: { accountId: '555566667777', region: 'eu-west-1' },
          },
          onChange: jest.fn(),
        })}
      />,
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
      subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
    });
  });

  it('asks for the account before it looks anything up', async () => {
    lookups.previewPlacement.mockClear();
    await render(
      <SubnetFiltersField
        {...fieldProps({
          formData: [{ name: 'tag:Tier', values: ['private'] }],
          formContext: { formData: {} },
          onChange: jest.fn(),
        })}
      />,
    );
    expect(
      screen.getByText(/Pick the account and fill every filter/),
    ).toBeInTheDocument();
    expect(lookups.previewPlacement).not.toHaveBeenCalled();
  });
});

describe('AccountRegion', () => {
  it('takes the region of the account picked on the page', async () => {
    const onChange = jest.fn();
    await render(
      <AccountRegion
        {...fieldProps({
          formData: 'eu-west-1',
          formContext: { formData: { accountId: '555566667777' } },
          onChange,
        })}
      />,
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('eu-central-1'));
    expect(
      screen.getByText('The region configured for Payments.'),
    ).toBeInTheDocument();
  });
});

describe('AccountPicker', () => {
  it('shows the picked account by title, id and region', async () => {
    await render(
      <AccountPicker
        {...fieldProps({ formData: '555566667777', onChange: jest.fn() })}
      />,
    );
    expect(
      await screen.findByText('Payments · 555566667777 · eu-central-1'),
    ).toBeInTheDocument();
  });

  it('says why the list is missing and takes a typed id instead', async () => {
    lookups.listAccounts.mockRejectedValueOnce(new Error('HTTP 503'));
    await render(
      <AccountPicker {...fieldProps({ formData: '', onChange: jest.fn() })} />,
    );
    expect(
      await screen.findByText(
        'Could not load the accounts (HTTP 503); type the 12-digit id.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox')).toBeInTheDocument();
  });
});
