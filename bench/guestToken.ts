/**
 * A Backstage token for the guest user, fetched the way the app's sign-in
 * does it (app-config.yaml signs local users in as guests).
 */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = await response.json();
  const token = body?.backstageIdentity?.token;
  if (!response.ok || typeof token !== 'string') {
    throw new Error(
      `Guest sign-in failed with HTTP ${response.status}: ${JSON.stringify(
        body,
      )}`,
    );
  }
  return token;
}
