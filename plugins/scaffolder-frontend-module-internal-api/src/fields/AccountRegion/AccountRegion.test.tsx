import { screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { AccountRegion } from './AccountRegion';

describe('AccountRegion', () => {
  it('takes the region of the account picked on the page', async () => {
    const onChange = jest.fn();
    await renderField(
      <AccountRegion
        {...fieldProps({
          formData: 'eu-west-1',
          formContext: { formData: { accountId: '555566667777' } },
          onChange,
        })}
      />,
      mockLookups(),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('eu-central-1'));
    expect(
      screen.getByText('The region configured for Payments.'),
    ).toBeInTheDocument();
  });

  it('follows the account named in ui:options.accountField', async () => {
    const onChange = jest.fn();
    await renderField(
      <AccountRegion
        {...fieldProps({
          formData: 'eu-west-1',
          uiSchema: { 'ui:options': { accountField: 'workloadAccount' } },
          // accountId is some other parameter here: the field must not read it.
          formContext: {
            formData: {
              accountId: '999999999999',
              workloadAccount: '555566667777',
            },
          },
          onChange,
        })}
      />,
      mockLookups(),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('eu-central-1'));
    expect(screen.getByRole('textbox')).toHaveAttribute('readonly');
  });
});
