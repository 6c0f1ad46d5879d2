import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { ConsumerOption } from '@internal/plugin-internal-api-common';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { mayAdd } from '../../__testUtils__/wireFixtures';
import { ConsumerPicker } from './ConsumerPicker';

// The change template's page as the backend serves it: the EntityPicker is Backstage's and is
// drawn as a plain input here, which fills the same form value.
const template = yaml.parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../../../templates/internal-fargate-api/change-consumers.yaml',
    ),
    'utf8',
  ),
);
const manifest = {
  title: template.metadata.title,
  steps: template.spec.parameters.map((schema: { title: string }) => ({
    title: schema.title,
    schema,
  })),
};

const network = (name: string, cidr: string): ConsumerOption => ({
  name,
  cidr,
  accountId: '777788889999',
  region: 'eu-west-1',
  vpcId: `vpc-${name}`,
  access: mayAdd,
});
const networks = [
  network('customer-api', '10.40.0.0/16'),
  network('partner-api', '10.50.0.0/16'),
  network('billing', '10.60.0.0/16'),
];

const api = (name: string, consumers: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'internal-api.platform/consumers': consumers },
  },
});
const apis = [
  api('orders-api', 'customer-api,partner-api'),
  api('payments-api', 'billing'),
];

/** A catalog holding the APIs above, answering by ref as the real one does. */
const catalogApi = {
  getEntityByRef: jest.fn(async (ref: string) =>
    apis.find(e => `component:default/${e.metadata.name}` === ref),
  ),
};

function lookups() {
  const mocked = mockLookups();
  mocked.listConsumers.mockResolvedValue(networks);
  return mocked;
}

const renderPage = () =>
  renderField(
    <Stepper
      manifest={manifest}
      extensions={[
        { name: 'InternalApiConsumerPicker', component: ConsumerPicker },
      ]}
      onCreate={jest.fn()}
    />,
    lookups(),
    [catalogApiRef, catalogApi],
  );

const box = (name: string) =>
  screen.getByRole('checkbox', { name: new RegExp(`^${name} `) });
const ticked = () =>
  screen
    .getAllByRole('checkbox')
    .filter(checkbox => (checkbox as HTMLInputElement).checked)
    .map(checkbox => checkbox.getAttribute('name'));
const pickApi = (name: string) =>
  fireEvent.change(document.querySelector('input#root_entityRef')!, {
    target: { value: `component:default/${name}` },
  });
/** Lets any late answer or effect run, so a test can show that nothing changed. */
const settle = () => act(() => new Promise(resolve => setTimeout(resolve, 50)));

afterEach(() => window.history.replaceState(null, '', '/'));

describe('ConsumerPicker with currentConsumersOf', () => {
  it("ticks and marks the picked API's current consumers", async () => {
    await renderPage();
    pickApi('orders-api');

    expect(
      await screen.findByText('Currently: customer-api, partner-api.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(ticked()).toEqual(['customer-api', 'partner-api']),
    );
    expect(box('customer-api')).toHaveAccessibleName(
      'customer-api · 10.40.0.0/16 · account 777788889999 (current)',
    );
    expect(box('billing')).toHaveAccessibleName(
      'billing · 10.60.0.0/16 · account 777788889999',
    );
    expect(screen.queryByText(/unticked/)).not.toBeInTheDocument();
  });

  it("asks for the API's current consumers too, and marks one that needs approval only as current", async () => {
    const mocked = mockLookups();
    mocked.listConsumers.mockImplementation(async options =>
      options?.currentOf === 'component:default/orders-api'
        ? [
            { ...networks[0], current: true },
            {
              ...networks[1],
              current: true,
              access: {
                decision: 'needs-approval',
                reason: '…',
                approvers: ['group:default/payments-team'],
              },
            },
          ]
        : [networks[2]],
    );
    await renderField(
      <Stepper
        manifest={manifest}
        extensions={[
          { name: 'InternalApiConsumerPicker', component: ConsumerPicker },
        ]}
        onCreate={jest.fn()}
      />,
      mocked,
      [catalogApiRef, catalogApi],
    );
    pickApi('orders-api');

    await waitFor(() =>
      expect(ticked()).toEqual(['customer-api', 'partner-api']),
    );
    expect(box('partner-api')).toHaveAccessibleName(
      'partner-api · 10.50.0.0/16 · account 777788889999 (current)',
    );
    expect(screen.queryByText(/no box here/)).not.toBeInTheDocument();
  });

  it('ticks the other API’s consumers when another API is picked before any box is touched', async () => {
    await renderPage();
    pickApi('orders-api');
    await waitFor(() =>
      expect(ticked()).toEqual(['customer-api', 'partner-api']),
    );

    pickApi('payments-api');
    expect(await screen.findByText('Currently: billing.')).toBeInTheDocument();
    await waitFor(() => expect(ticked()).toEqual(['billing']));
  });

  it("keeps the person's own change, also when they pick another API", async () => {
    await renderPage();
    pickApi('orders-api');
    await waitFor(() =>
      expect(ticked()).toEqual(['customer-api', 'partner-api']),
    );

    fireEvent.click(box('partner-api'));
    await settle();
    expect(ticked()).toEqual(['customer-api']);
    expect(
      screen.getByText(
        'partner-api is unticked: its routes go unless another API in the VPC still lists it.',
      ),
    ).toBeInTheDocument();

    pickApi('payments-api');
    expect(await screen.findByText('Currently: billing.')).toBeInTheDocument();
    await settle();
    expect(ticked()).toEqual(['customer-api']);
  });

  it('keeps consumers prefilled from the URL for the same API', async () => {
    const formData = {
      entityRef: 'component:default/orders-api',
      consumers: ['customer-api', 'billing'],
    };
    window.history.replaceState(
      null,
      '',
      `/?${new URLSearchParams({ formData: JSON.stringify(formData) })}`,
    );
    await renderPage();

    expect(
      await screen.findByText('Currently: customer-api, partner-api.'),
    ).toBeInTheDocument();
    await settle();
    expect(ticked()).toEqual(['customer-api', 'billing']);
    expect(
      screen.getByText(
        'partner-api is unticked: its routes go unless another API in the VPC still lists it.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when the picked API is not in the catalog, and ticks nothing', async () => {
    await renderPage();
    pickApi('gone-api');

    expect(
      await screen.findByText(
        'Could not read the current consumers of gone-api: it is not in the catalog; pick another API.',
      ),
    ).toBeInTheDocument();
    expect(ticked()).toEqual([]);
  });
});

describe('ConsumerPicker reading the current consumers', () => {
  const props = (uiOptions: Record<string, unknown>) =>
    fieldProps({
      formData: [],
      onChange: jest.fn(),
      uiSchema: { 'ui:options': uiOptions },
      formContext: {
        formData: { entityRef: 'component:default/orders-api' },
      },
    });

  it('says it is reading them while the catalog answers', async () => {
    const slowCatalog = { getEntityByRef: () => new Promise(() => {}) };
    await renderField(
      <ConsumerPicker {...props({ currentConsumersOf: 'entityRef' })} />,
      lookups(),
      [catalogApiRef, slowCatalog],
    );
    expect(
      screen.getByText('Reading the current consumers of orders-api…'),
    ).toBeInTheDocument();
  });

  it('reads no entity without the option, as in the create template', async () => {
    const catalog = { getEntityByRef: jest.fn() };
    const picker = props({});
    await renderField(<ConsumerPicker {...picker} />, lookups(), [
      catalogApiRef,
      catalog,
    ]);
    await screen.findByRole('checkbox', { name: /^customer-api/ });
    await settle();
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(picker.onChange).not.toHaveBeenCalled();
    expect(screen.queryByText(/Currently/)).not.toBeInTheDocument();
    expect(screen.queryByText(/\(current\)/)).not.toBeInTheDocument();
  });
});
