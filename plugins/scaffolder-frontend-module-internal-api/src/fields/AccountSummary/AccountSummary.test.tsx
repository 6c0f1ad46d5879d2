import { screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { AccountSummary } from './AccountSummary';

describe('AccountSummary', () => {
  it('takes the title and id of the account named in ui:options as its value', async () => {
    const onChange = jest.fn();
    await renderField(
      <AccountSummary
        {...fieldProps({
          uiSchema: { 'ui:options': { accountField: 'workloadAccount' } },
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
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('Payments · 555566667777'),
    );
    expect(screen.getByRole('textbox')).toHaveValue('Payments · 555566667777');
  });
});
