import { TestApiProvider } from '@backstage/test-utils';
import { waitFor } from '@testing-library/react';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { mayAdd } from '../../__testUtils__/wireFixtures';
import { ConsumerSummary } from './ConsumerSummary';

describe('ConsumerSummary', () => {
  it('follows the picked consumers, and clears when none is left', async () => {
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
    const onChange = jest.fn();
    const props = (consumers: string[], formData?: string) =>
      fieldProps({
        formData,
        formContext: { formData: { consumers } },
        onChange,
      });
    const { rerender } = await renderField(
      <ConsumerSummary {...props(['customer-api'])} />,
      lookups,
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('customer-api (10.40.0.0/16)'),
    );
    rerender(
      <TestApiProvider apis={[[internalApiLookupsApiRef, lookups]]}>
        <ConsumerSummary {...props([], 'customer-api (10.40.0.0/16)')} />
      </TestApiProvider>,
    );
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(undefined));
  });

  it("asks for the API's current consumers too, so one the user could not add shows its CIDR", async () => {
    const lookups = mockLookups();
    lookups.listConsumers.mockResolvedValue([
      {
        name: 'customer-api',
        cidr: '10.40.0.0/16',
        accountId: '777788889999',
        region: 'eu-west-1',
        vpcId: 'vpc-1',
        access: { decision: 'refused', reason: 'not yours' },
        current: true,
      },
    ]);
    const onChange = jest.fn();
    await renderField(
      <ConsumerSummary
        {...fieldProps({
          formContext: {
            formData: {
              entityRef: 'component:default/orders-api',
              consumers: ['customer-api'],
            },
          },
          uiSchema: { 'ui:options': { currentConsumersOf: 'entityRef' } },
          onChange,
        })}
      />,
      lookups,
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('customer-api (10.40.0.0/16)'),
    );
    expect(lookups.listConsumers).toHaveBeenCalledWith({
      currentOf: 'component:default/orders-api',
    });
  });
});
