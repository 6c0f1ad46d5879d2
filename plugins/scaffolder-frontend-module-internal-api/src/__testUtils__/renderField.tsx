import type { ApiHolder, ApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  InternalApiLookups,
  internalApiLookupsApiRef,
} from '../api/InternalApiLookups';
import { payments } from './wireFixtures';

/** Lookups that know the Payments account; every other lookup is a bare mock. */
export const mockLookups = (): jest.Mocked<InternalApiLookups> => ({
  listAccounts: jest.fn(async () => ({ items: [payments] })),
  listConsumers: jest.fn(),
  listParentDomains: jest.fn(),
  previewPlacement: jest.fn(),
  checkDomain: jest.fn(),
  getStatus: jest.fn(),
});

/** What a validator's `context.apiHolder` gives; `undefined`: the app does not install the lookups. */
export const apiHolderWith = (
  lookups: Partial<InternalApiLookups> | undefined,
): ApiHolder => ({
  get: ref =>
    ref.id === internalApiLookupsApiRef.id ? (lookups as any) : undefined,
});

// Only what the fields read; the scaffolder passes more.
export const fieldProps = (props: Record<string, unknown>) =>
  ({
    schema: {},
    uiSchema: {},
    idSchema: { $id: 'root_field' },
    ...props,
  } as any);

/** Renders with the lookups and any other APIs the element needs (e.g. the catalog). */
export const renderField = (
  element: JSX.Element,
  lookups: InternalApiLookups,
  ...moreApis: [ApiRef<any>, any][]
) =>
  renderInTestApp(
    <TestApiProvider apis={[[internalApiLookupsApiRef, lookups], ...moreApis]}>
      {element}
    </TestApiProvider>,
  );
