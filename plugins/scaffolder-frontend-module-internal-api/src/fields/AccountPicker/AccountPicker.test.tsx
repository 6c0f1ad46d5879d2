import { screen } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { AccountPicker } from './AccountPicker';

describe('AccountPicker', () => {
  it('shows the picked account by title, id and region', async () => {
    await renderField(
      <AccountPicker
        {...fieldProps({ formData: '555566667777', onChange: jest.fn() })}
      />,
      mockLookups(),
    );
    expect(
      await screen.findByText('Payments · 555566667777 · eu-central-1'),
    ).toBeInTheDocument();
  });

  it('says who owns which account when the user may create in none', async () => {
    const lookups = mockLookups();
    const reason =
      'You may not create internal APIs in any workload account. Payments (555566667777) is owned by payments-team. ' +
      'Ask a member of the owning team to add you to it (or to one of its child groups) in the catalog.';
    lookups.listAccounts.mockResolvedValueOnce({
      items: [],
      noAccountReason: reason,
    });
    await renderField(
      <AccountPicker
        {...fieldProps({
          formData: '',
          onChange: jest.fn(),
          schema: { description: 'Where the API runs.' },
        })}
      />,
      lookups,
    );
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.queryByText('Where the API runs.')).not.toBeInTheDocument();
  });

  it('says why the list is missing and takes a typed id instead', async () => {
    const lookups = mockLookups();
    lookups.listAccounts.mockRejectedValueOnce(new Error('HTTP 503'));
    await renderField(
      <AccountPicker {...fieldProps({ formData: '', onChange: jest.fn() })} />,
      lookups,
    );
    expect(
      await screen.findByText(
        'Could not load the accounts (HTTP 503); type the 12-digit id.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox')).toBeInTheDocument();
  });
});
