import { fireEvent, screen } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { DomainName } from './DomainName';

const lookupsWithParents = () => {
  const lookups = mockLookups();
  lookups.listParentDomains.mockResolvedValue(['acme.com']);
  return lookups;
};

describe('DomainName', () => {
  it('suggests the service name under each parent, and takes a suggestion', async () => {
    const onChange = jest.fn();
    await renderField(
      <DomainName
        {...fieldProps({
          formContext: { formData: { name: 'payments-api' } },
          onChange,
        })}
      />,
      lookupsWithParents(),
    );
    fireEvent.click(await screen.findByText('Use payments-api.acme.com'));
    expect(onChange).toHaveBeenCalledWith('payments-api.acme.com');
  });

  it('lower-cases and trims the name as it is typed', async () => {
    const onChange = jest.fn();
    await renderField(
      <DomainName
        {...fieldProps({
          schema: { title: 'Domain name' },
          formContext: { formData: {} },
          onChange,
        })}
      />,
      lookupsWithParents(),
    );
    fireEvent.change(screen.getByLabelText('Domain name'), {
      target: { value: 'Orders.API.acme.com ' },
    });
    expect(onChange).toHaveBeenLastCalledWith('orders.api.acme.com');
  });

  it('suggests from the parameter named in ui:options.nameField', async () => {
    await renderField(
      <DomainName
        {...fieldProps({
          uiSchema: { 'ui:options': { nameField: 'serviceName' } },
          formContext: {
            formData: { name: 'ignored-api', serviceName: 'orders-api' },
          },
          onChange: jest.fn(),
        })}
      />,
      lookupsWithParents(),
    );
    expect(
      await screen.findByText('Use orders-api.acme.com'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Use ignored-api.acme.com')).toBeNull();
  });
});
