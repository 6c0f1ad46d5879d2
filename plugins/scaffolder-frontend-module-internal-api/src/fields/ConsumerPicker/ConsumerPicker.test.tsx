import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { TestApiProvider } from '@backstage/test-utils';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { mayAdd } from '../../__testUtils__/wireFixtures';
import { ConsumerPicker } from './ConsumerPicker';

const lookupsWithCustomers = () => {
  const lookups = mockLookups();
  lookups.listConsumers.mockResolvedValue([
    {
      name: 'customer-api',
      cidr: '10.40.0.0/16',
      accountId: '777788889999',
      region: 'eu-west-1',
      vpcId: 'vpc-1',
      access: mayAdd,
    },
  ]);
  return lookups;
};

describe('ConsumerPicker', () => {
  it('starts from nothing picked where the form holds a placeholder for a list that must not be empty', async () => {
    const onChange = jest.fn();
    await renderField(
      <ConsumerPicker {...fieldProps({ formData: [null], onChange })} />,
      lookupsWithCustomers(),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([]));
    fireEvent.click(
      await screen.findByRole('checkbox', { name: /^customer-api/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith(['customer-api']);
  });

  it('marks a consumer whose owners must approve, and lets it be ticked', async () => {
    const lookups = mockLookups();
    lookups.listConsumers.mockResolvedValue([
      {
        name: 'partner-api',
        cidr: '10.50.0.0/16',
        accountId: '888899990000',
        region: 'eu-west-1',
        vpcId: 'vpc-2',
        access: {
          decision: 'needs-approval',
          reason: 'Adding consumer partner-api needs the approval of …',
          approvers: ['group:default/payments-team'],
        },
      },
    ]);
    const onChange = jest.fn();
    await renderField(
      <ConsumerPicker {...fieldProps({ formData: [], onChange })} />,
      lookups,
    );
    const box = await screen.findByRole('checkbox', {
      name: 'partner-api · 10.50.0.0/16 · account 888899990000 (needs approval by payments-team: the task stops until one of them approves)',
    });
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(['partner-api']);
    expect(lookups.listConsumers).toHaveBeenCalledWith({
      currentOf: undefined,
    });
  });

  it('lets a ticked network whose VPC is gone be unticked, but not ticked again', async () => {
    const lookups = mockLookups();
    lookups.listConsumers.mockResolvedValue([
      {
        name: 'legacy-api',
        accountId: '777788889999',
        region: 'eu-west-1',
        vpcId: 'vpc-gone',
        problem: 'VPC vpc-gone no longer exists',
        access: mayAdd,
      },
    ]);
    const onChange = jest.fn();
    const { rerender } = await renderField(
      <ConsumerPicker
        {...fieldProps({ formData: ['legacy-api'], onChange })}
      />,
      lookups,
    );
    const box = await screen.findByRole('checkbox', { name: /^legacy-api/ });
    expect(box).toBeEnabled();
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith([]);

    rerender(
      <TestApiProvider apis={[[internalApiLookupsApiRef, lookups]]}>
        <ConsumerPicker {...fieldProps({ formData: [], onChange })} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('checkbox', { name: /^legacy-api/ }),
    ).toBeDisabled();
  });
});
