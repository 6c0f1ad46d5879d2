import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
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
});
