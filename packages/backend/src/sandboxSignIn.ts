import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/** The request header that names whom to sign in as (the app's sign-in page sets it). */
export const SANDBOX_PERSON_HEADER = 'x-sandbox-person';

/** One of the sandbox's people, as `auth.providers.sandbox.people` lists them. */
export interface SandboxPerson {
  /** The catalog User's name (org/sandbox.yaml), e.g. `pat`. */
  name: string;
  title: string;
  description: string;
}

export function readSandboxPeople(config: Config): SandboxPerson[] {
  return config.getConfigArray('people').map(person => ({
    name: person.getString('name'),
    title: person.getString('title'),
    description: person.getString('description'),
  }));
}

interface SandboxContext {
  people: SandboxPerson[];
  /** Read once at startup, as the guest provider does. */
  outsideDevelopment: boolean;
}

interface SandboxResult {
  person: SandboxPerson;
}

/**
 * Trusts the header to say who is signing in, which only a sandbox on a
 * developer's machine may do: like the guest provider it refuses outside
 * NODE_ENV=development, and unlike it there is no override for that.
 */
export const sandboxAuthenticator = createProxyAuthenticator<
  SandboxContext,
  SandboxResult,
  undefined
>({
  defaultProfileTransform: async ({ person }) => ({
    profile: { displayName: person.title },
  }),
  initialize({ config }) {
    return {
      people: readSandboxPeople(config),
      outsideDevelopment: process.env.NODE_ENV !== 'development',
    };
  },
  async authenticate({ req }, { people, outsideDevelopment }) {
    if (outsideDevelopment) {
      throw new NotAllowedError(
        'Sandbox sign-in is for local use only (NODE_ENV=development); this backend is not a sandbox.',
      );
    }
    const names = people.map(person => person.name).join(', ');
    const name = req.header(SANDBOX_PERSON_HEADER);
    if (!name) {
      throw new InputError(
        `Say whom to sign in as in the ${SANDBOX_PERSON_HEADER} header: one of ${names}.`,
      );
    }
    const person = people.find(candidate => candidate.name === name);
    if (!person) {
      throw new NotAllowedError(
        `'${name}' is not one of the sandbox's people (auth.providers.sandbox.people): sign in as one of ${names}.`,
      );
    }
    return { result: { person } };
  },
});

/**
 * Signs in as the person's catalog User, so what they own and may do comes
 * from their groups in org/sandbox.yaml, as it would for a real sign-in.
 */
export const signInAsSandboxPerson: SignInResolver<SandboxResult> = async (
  { result: { person } },
  ctx,
) => {
  try {
    return await ctx.signInWithCatalogUser({
      entityRef: { name: person.name },
    });
  } catch (error) {
    if ((error as Error).name !== 'NotFoundError') throw error;
    // Most often the catalog has not read org/sandbox.yaml yet, a few seconds after startup.
    throw new NotFoundError(
      `${person.title} is not in the catalog (no user:default/${person.name}): it reads org/sandbox.yaml ` +
        'a few seconds after the backend starts; try again shortly, or add the User there.',
    );
  }
};

/** Sign-in as one of the sandbox's people (app-config.sandbox-people.yaml); src/signIn.ts installs it. */
export const authModuleSandboxProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'sandbox-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'sandbox',
          factory: createProxyAuthProviderFactory({
            authenticator: sandboxAuthenticator,
            signInResolver: signInAsSandboxPerson,
          }),
        });
      },
    });
  },
});
