import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { TestApiProvider } from '@backstage/test-utils';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
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

  it('lets a ticked network whose VPC is gone be unticked, but not ticked again', async () => {
    const lookups = mockLookups();
    lookups.listConsumers.mockResolvedValue([
      {
        name: 'legacy-api',
        accountId: '777788889999',
        region: 'eu-west-1',
        vpcId: 'vpc-gone',
        problem: 'VPC vpc-gone no longer exists',
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
