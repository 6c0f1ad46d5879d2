import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/** The tests' task user's default group: these tests are about the templates' workflow; who may do what is the actions' and the policy's tests. */
const PLATFORM_ADMINS = 'group:default/platform-admins';

/**
 * The user info of the tests' task user (`user:default/mock`, whom
 * `mockCredentials.user()` signs in): a member of `groups`, which is what the
 * internal-api actions read to decide who may do what.
 */
export function taskUserInfo(groups: string[] = [PLATFORM_ADMINS]) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () =>
      mockServices.userInfo({
        ownershipEntityRefs: [
          mockCredentials.user().principal.userEntityRef,
          ...groups,
        ],
      }),
  });
}
