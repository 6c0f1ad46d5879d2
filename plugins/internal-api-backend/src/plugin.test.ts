import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { internalApiPlugin } from './plugin';

describe('the internal-api plugin at startup', () => {
  it('warns once per access gap: an account nobody owns, and no admins', async () => {
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        internalApiPlugin,
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            internalApi: {
              workloadAccounts: [
                {
                  accountId: '444455556666',
                  title: 'Orders',
                  region: 'eu-west-1',
                  vpcId: 'vpc-0123456789abcdef0',
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      const warnings = logger.warn.mock.calls.map(([message]) => message);
      expect(warnings).toEqual([
        expect.stringContaining('account 444455556666 (Orders)'),
        expect.stringContaining('internalApi.admins'),
      ]);
    } finally {
      await backend.stop();
    }
  });
});
