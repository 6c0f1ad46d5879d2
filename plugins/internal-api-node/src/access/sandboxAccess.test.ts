import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  type Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import { readInternalApiConfig } from '../config';
import { accessWarnings } from './accessConfig';
import { loadGroupParents } from './catalogGroups';
import { accessOf, mayAddConsumer, mayCreateIn } from './rules';

/** The sandbox's people and teams, parsed as the catalog parses the file. */
const orgFile = path.resolve(__dirname, '../../../../org/sandbox.yaml');
const org: Entity[] = [
  ...parseEntityYaml(fs.readFileSync(orgFile), {
    type: 'file',
    target: orgFile,
  }),
].flatMap(result => (result.type === 'entity' ? [result.entity] : []));

/**
 * What the README's sandbox walkthrough says each person may do holds for the
 * config `npm start` writes and the people of org/sandbox.yaml.
 */
describe('who may use what in the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it('gives each team its account and consumer, and admins everything', async () => {
    const { access } = readInternalApiConfig(
      new ConfigReader(sandbox.landscape.config),
    );
    expect(accessWarnings(access)).toEqual([]);

    const parents = await loadGroupParents(
      catalogServiceMock({ entities: org }),
      mockCredentials.service(),
    );
    // As the catalog's sign-in resolver issues them: the user and their direct groups.
    const signIn = (name: string) => {
      const user = org.find(
        e => e.kind === 'User' && e.metadata.name === name,
      )!;
      const groups = user.spec!.memberOf as string[];
      return accessOf(
        {
          userEntityRef: `user:default/${name}`,
          ownershipEntityRefs: [
            `user:default/${name}`,
            ...groups.map(group => `group:default/${group}`),
          ],
        },
        parents,
        access,
      );
    };
    const { orders, payments } = SANDBOX_ACCOUNTS;
    const decisions = ['sam', 'pat', 'ada'].map(name => {
      const user = signIn(name);
      return [
        name,
        mayCreateIn(user, orders).decision,
        mayCreateIn(user, payments).decision,
        mayAddConsumer(user, 'customer-api').decision,
        mayAddConsumer(user, 'partner-api').decision,
      ];
    });
    expect(decisions).toEqual([
      ['sam', 'allowed', 'refused', 'allowed', 'needs-approval'],
      ['pat', 'refused', 'allowed', 'refused', 'allowed'],
      ['ada', 'allowed', 'allowed', 'allowed', 'allowed'],
    ]);
  });
});
