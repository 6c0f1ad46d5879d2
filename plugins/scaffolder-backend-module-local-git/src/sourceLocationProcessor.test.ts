import type { Entity } from '@backstage/catalog-model';
import { LocalGitSourceLocationProcessor } from './sourceLocationProcessor';
import { TEST_BASE_URL, testRepositories } from './__testUtils__/repositories';

const REPO = `${TEST_BASE_URL}/github.com/acme/orders-api.git`;

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api', annotations },
  spec: { type: 'service', owner: 'platform', lifecycle: 'production' },
});

describe('the source location of entities read from the local repositories', () => {
  const processor = new LocalGitSourceLocationProcessor(
    testRepositories('/tmp/local-git-unused'),
  );
  const sourceOf = async (location: { type: string; target: string }) =>
    (await processor.preProcessEntity(entity(), location)).metadata
      .annotations?.['backstage.io/source-location'];

  it("is the folder of the entity's file, so View Source opens the backend's page of it", async () => {
    await expect(
      sourceOf({ type: 'url', target: `${REPO}/blob/main/catalog-info.yaml` }),
    ).resolves.toBe(`url:${REPO}/blob/main/`);
    await expect(
      sourceOf({
        type: 'url',
        target: `${REPO}/blob/main/packages/api/catalog-info.yaml`,
      }),
    ).resolves.toBe(`url:${REPO}/blob/main/packages/api/`);
  });

  it('leaves other locations to the catalog, and an annotation the entity sets', async () => {
    for (const location of [
      {
        type: 'url',
        target: 'https://github.com/acme/orders-api/blob/main/x.yaml',
      },
      { type: 'url', target: 'not a url' },
      { type: 'file', target: '/tmp/x/catalog-info.yaml' },
    ]) {
      await expect(sourceOf(location)).resolves.toBeUndefined();
    }
    const own = entity({ 'backstage.io/source-location': 'url:https://x/' });
    await expect(
      processor.preProcessEntity(own, {
        type: 'url',
        target: `${REPO}/blob/main/catalog-info.yaml`,
      }),
    ).resolves.toBe(own);
  });
});
