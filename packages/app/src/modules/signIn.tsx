import {
  Content,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  SignInPage,
  WarningPanel,
} from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  IdentityApi,
  useApi,
} from '@backstage/core-plugin-api';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ComponentProps, useState } from 'react';

type SignInPageProps = Pick<
  ComponentProps<typeof SignInPage>,
  'onSignInSuccess'
>;

const githubProvider = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/** The header the backend's sandbox provider reads (packages/backend/src/sandboxSignIn.ts). */
export const SANDBOX_PERSON_HEADER = 'x-sandbox-person';
/**
 * Where the chosen person is remembered, so a reload does not ask again. The
 * end-to-end tests set it to start signed in (e2e/src/browserSuite.ts).
 */
export const SANDBOX_PERSON_STORAGE_KEY = 'sandbox-sign-in:person';

/** One of `auth.providers.sandbox.people` (config.d.ts). */
export interface SandboxPerson {
  name: string;
  title: string;
  description: string;
}

/** "pat" → "Pat", for the buttons. */
const firstName = (name: string) => name[0].toUpperCase() + name.slice(1);

/**
 * The session, except that signing out also forgets the remembered person, so
 * the page asks again. A Proxy rather than a new object: the session's
 * deprecated methods (getUserId, getIdToken, getProfile), which the app's
 * identity proxy still forwards to for older plugins, keep working.
 */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  const signOut = async () => {
    localStorage.removeItem(SANDBOX_PERSON_STORAGE_KEY);
    await identity.signOut();
  };
  return new Proxy(identity, {
    get(target, property) {
      if (property === 'signOut') return signOut;
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function SandboxPeople(props: {
  people: SandboxPerson[];
  onChoose(name: string): void;
}) {
  const appTitle = useApi(configApiRef).getOptionalString('app.title');
  return (
    <Page themeId="home">
      <Header
        title={appTitle ?? 'Backstage'}
        subtitle="Sandbox: sign in as one of its people to see what they may do"
      />
      <Content>
        <Grid container spacing={3} component="ul" style={{ padding: 0 }}>
          {props.people.map(person => (
            <Grid
              item
              key={person.name}
              component="li"
              xs={12}
              sm={6}
              lg={3}
              style={{ listStyle: 'none' }}
            >
              <InfoCard
                title={person.title}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => props.onChoose(person.name)}
                  >
                    Sign in as {firstName(person.name)}
                  </Button>
                }
              >
                <Typography variant="body1">{person.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ marginTop: 24 }}
        >
          Their teams are in org/sandbox.yaml, and what each team may use in the
          sandbox's internalApi config. The page remembers whom you chose until
          you sign out (Settings → Profile → Sign Out).
        </Typography>
      </Content>
    </Page>
  );
}

/**
 * The sandbox's sign-in (`npm start`, app-config.sandbox-people.yaml): the people to
 * choose from, then Backstage's proxied sign-in with the chosen name in a
 * header. The choice is kept in localStorage until Settings → Sign out.
 */
export function SandboxSignInPage(
  props: SignInPageProps & { people: SandboxPerson[] },
) {
  const { people, onSignInSuccess } = props;
  const [person, setPerson] = useState(() => {
    const remembered = localStorage.getItem(SANDBOX_PERSON_STORAGE_KEY);
    // A name the config no longer lists would only fail; ask instead.
    return people.some(candidate => candidate.name === remembered)
      ? remembered
      : null;
  });
  const choose = (name: string | null) => {
    if (name) localStorage.setItem(SANDBOX_PERSON_STORAGE_KEY, name);
    else localStorage.removeItem(SANDBOX_PERSON_STORAGE_KEY);
    setPerson(name);
  };

  if (!person) {
    return <SandboxPeople people={people} onChoose={choose} />;
  }
  return (
    <ProxiedSignInPage
      key={person}
      provider="sandbox"
      headers={{ [SANDBOX_PERSON_HEADER]: person }}
      onSignInSuccess={identity =>
        onSignInSuccess(forgettingOnSignOut(identity))
      }
      ErrorComponent={({ error }) => (
        <Content>
          <ErrorPanel
            title={`Could not sign in as ${firstName(person)}`}
            // The backend's own sentence (a ResponseError's cause) says what to do, e.g. wait
            // for the catalog; open, so that it shows without a click.
            error={
              (error as { cause?: Error } | undefined)?.cause ??
              error ??
              new Error('Unknown error')
            }
            defaultExpanded
          />
          <Button
            color="primary"
            variant="outlined"
            style={{ marginTop: 16 }}
            onClick={() => choose(null)}
          >
            Choose someone else
          </Button>
        </Content>
      )}
    />
  );
}

/**
 * The sign-in page for the providers the backend has configured (config.d.ts
 * says what of them reaches the app). GitHub when it is configured, as in
 * production; the sandbox's people when that is all there is, as on
 * `npm start` (app-config.sandbox-people.yaml). The sandbox is never offered otherwise.
 */
export function ConfiguredSignInPage(props: SignInPageProps) {
  const providers = useApi(configApiRef).getOptionalConfig('auth.providers');
  if (providers?.has('github')) {
    return <SignInPage {...props} auto provider={githubProvider} />;
  }
  const sandbox = providers?.getOptionalConfigArray('sandbox.people');
  if (sandbox) {
    const people = sandbox.map(person => ({
      name: person.getString('name'),
      title: person.getString('title'),
      description: person.getString('description'),
    }));
    return <SandboxSignInPage {...props} people={people} />;
  }
  return (
    <WarningPanel
      title="No sign-in provider is configured"
      message="A platform engineer configures auth.providers.github (see the README's Production section)."
    />
  );
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => <ConfiguredSignInPage {...props} />,
      },
    }),
  ],
});
