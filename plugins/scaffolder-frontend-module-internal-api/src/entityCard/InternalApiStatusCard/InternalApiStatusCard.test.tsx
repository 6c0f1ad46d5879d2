import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  InternalApiStatus,
  Route53Change,
  RouteStatus,
} from '@internal/plugin-internal-api-common';
import { screen, within } from '@testing-library/react';
import { mockLookups } from '../../__testUtils__/renderField';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { InternalApiStatusCard } from './InternalApiStatusCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-api',
    namespace: 'default',
    annotations: {
      'internal-api.platform/domain': 'orders.api.acme.com',
      'internal-api.platform/consumers': 'customer-api,partner-api',
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

const route = (
  routeTableId: string,
  destinationCidrBlock: string,
  more: Partial<RouteStatus> = {},
): RouteStatus => ({
  accountId: '444455556666',
  routeTableId,
  destinationCidrBlock,
  target: 'tgw-0abc',
  state: 'present',
  ...more,
});

/** The Orders API as the template left it: delegated, deployed, every route present. */
const healthy: InternalApiStatus = {
  entityRef: 'component:default/orders-api',
  accountId: '444455556666',
  region: 'eu-west-1',
  vpcId: 'vpc-0orders',
  vpcCidr: '10.20.0.0/16',
  domain: 'orders.api.acme.com',
  delegation: {
    parentDomain: 'api.acme.com',
    state: 'present',
    parentNameServers: ['ns-1.awsdns-01.org'],
    zoneNameServers: ['ns-1.awsdns-01.org'],
  },
  zone: {
    hostedZoneId: 'Z0CHILD',
    exists: true,
    markedFor: 'component:default/orders-api',
    deployed: true,
    recordCount: 1,
    records: ['A orders.api.acme.com'],
  },
  transitGatewayRoute: route('tgw-rtb-0main', '10.20.0.0/16', {
    accountId: '111122223333',
    target: 'tgw-attach-0orders',
  }),
  consumers: [
    {
      name: 'customer-api',
      cidr: '10.40.0.0/16',
      providerSide: [route('rtb-0provider', '10.40.0.0/16')],
      consumerSide: [route('rtb-0customer', '10.20.0.0/16')],
    },
  ],
  drift: [],
  checkedAt: '2025-03-01T10:00:00Z',
  cacheSeconds: 60,
};

/** The card in an app that mounts the scaffolder at `/create`, as ours does (or where `mountedRoutes` says). */
async function renderCard(
  answer: () => Promise<InternalApiStatus>,
  mountedRoutes: Record<string, any> = {
    '/create': scaffolderPlugin.routes.root,
  },
) {
  const lookups = mockLookups();
  lookups.getStatus.mockImplementation(answer);
  const rendered = await renderInTestApp(
    <TestApiProvider apis={[[internalApiLookupsApiRef, lookups]]}>
      <EntityProvider entity={entity}>
        <InternalApiStatusCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes },
  );
  return Object.assign(lookups, { unmount: rendered.unmount });
}

/** Where a button leads: its path and the form data it prefills. */
function buttonTarget(name: string) {
  const button = screen.getByRole('button', { name });
  const url = new URL(button.getAttribute('href')!, 'http://app');
  return {
    path: url.pathname,
    formData: JSON.parse(url.searchParams.get('formData')!),
  };
}

const consumerRow = (side: string) =>
  screen
    .getAllByRole('row')
    .find(row => within(row).queryByText(side, { exact: true }))!;

describe('InternalApiStatusCard', () => {
  it('shows an API with everything present, asking once', async () => {
    const lookups = await renderCard(async () => healthy);

    expect(
      await screen.findByText('Delegated from api.acme.com'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Stack deployed: 1 records in zone Z0CHILD (A orders.api.acme.com)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Transit gateway route 10.20.0.0/16: present'),
    ).toBeInTheDocument();
    expect(
      within(consumerRow('provider')).getByText('present'),
    ).toBeInTheDocument();
    expect(
      within(consumerRow('consumer')).getByText('present'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/drifted/)).not.toBeInTheDocument();
    expect(screen.getByText(/^Checked at /)).toBeInTheDocument();

    expect(buttonTarget('Change consumers')).toEqual({
      path: '/create/templates/default/change-internal-api-consumers',
      formData: {
        entityRef: 'component:default/orders-api',
        consumers: ['customer-api', 'partner-api'],
      },
    });
    expect(buttonTarget('Decommission')).toEqual({
      path: '/create/templates/default/decommission-internal-api',
      formData: { entityRef: 'component:default/orders-api' },
    });

    expect(lookups.getStatus).toHaveBeenCalledTimes(1);
    expect(lookups.getStatus).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'orders-api',
    });
  });

  it('shows the delegation propagating beside "Delegated from", then in sync, as the status reads it', async () => {
    const submittedAt = '2026-11-26T10:00:00.000Z';
    const withChange = (change: Route53Change) => async () => ({
      ...healthy,
      delegation: { ...healthy.delegation, change },
    });
    const { unmount } = await renderCard(
      withChange({ id: 'C2682N5HXP0BZ4', status: 'PENDING', submittedAt }),
    );

    const delegated = await screen.findByText('Delegated from api.acme.com');
    // The detail sits beside the line, not in it: its text stays "Delegated from …".
    expect(delegated.parentElement).toHaveTextContent(
      `Delegated from api.acme.com · propagating (submitted ${new Date(
        submittedAt,
      ).toLocaleTimeString()}, change C2682N5HXP0BZ4): in sync within about a minute`,
    );
    // Propagating is not drift.
    expect(screen.queryByText(/drifted/)).not.toBeInTheDocument();
    unmount();

    await renderCard(withChange({ id: 'C2682N5HXP0BZ4', status: 'INSYNC' }));
    expect(
      (await screen.findByText('Delegated from api.acme.com')).parentElement,
    ).toHaveTextContent(
      'Delegated from api.acme.com · in sync (change C2682N5HXP0BZ4)',
    );
    expect(screen.queryByText(/propagating/)).not.toBeInTheDocument();
  });

  it('shows where a taken route leads and what to do, with the drift on top', async () => {
    const todo =
      'rtb-0customer sends 10.20.0.0/16 to pcx-0other, not the transit gateway: remove that route or pick another CIDR.';
    await renderCard(async () => ({
      ...healthy,
      consumers: [
        {
          ...healthy.consumers[0],
          consumerSide: [
            route('rtb-0customer', '10.20.0.0/16', {
              state: 'taken',
              foundTarget: 'pcx-0other',
              todo,
            }),
          ],
        },
      ],
      drift: [todo],
    }));

    expect(
      await screen.findByText('Warning: 1 thing drifted'),
    ).toBeInTheDocument();
    const row = consumerRow('consumer');
    expect(
      within(row).getByText('taken: leads to pcx-0other'),
    ).toBeInTheDocument();
    expect(within(row).getByText(todo)).toBeInTheDocument();
    expect(
      within(consumerRow('provider')).getByText('present'),
    ).toBeInTheDocument();
  });

  it('tells a zone with no records from a deployed stack', async () => {
    const todo = "Deploy the stack: run the repository's deploy workflow.";
    await renderCard(async () => ({
      ...healthy,
      zone: {
        ...healthy.zone,
        deployed: false,
        recordCount: 0,
        records: [],
        todo,
      },
      drift: [todo],
    }));

    expect(
      await screen.findByText(
        'Stack not deployed: zone Z0CHILD has no records yet',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(todo)).toHaveLength(2); // the line and the drift summary
  });

  it("shows the backend's message when the status could not be read", async () => {
    await renderCard(async () => {
      throw new Error(
        'AWS could not be asked for the routes. Try again; if it persists, the platform team should check the backend.',
      );
    });

    expect(
      await screen.findByText(/Status could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/AWS could not be asked for the routes/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/Delegated/)).not.toBeInTheDocument();
    // The templates check AWS themselves: the buttons do not wait for the status.
    expect(
      screen.getByRole('button', { name: 'Change consumers' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Decommission' }),
    ).toBeInTheDocument();
  });

  it('opens the templates where the app mounts the scaffolder', async () => {
    await renderCard(async () => healthy, {
      '/self-service': scaffolderPlugin.routes.root,
    });
    await screen.findByText('Delegated from api.acme.com');

    expect(buttonTarget('Change consumers').path).toBe(
      '/self-service/templates/default/change-internal-api-consumers',
    );
    expect(buttonTarget('Decommission').path).toBe(
      '/self-service/templates/default/decommission-internal-api',
    );
  });

  it('says why there are no buttons in an app without the scaffolder', async () => {
    await renderCard(async () => healthy, {});
    await screen.findByText('Delegated from api.acme.com');

    expect(
      screen.getByText(
        'This app has no scaffolder, so the templates that change or decommission the API cannot be opened from here.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
