import { repositorySummary } from './logic';

describe('repositorySummary', () => {
  it("writes RepoUrlPicker's value as owner/repo, with any host but github.com in front", () => {
    expect(repositorySummary('github.com?owner=acme&repo=orders-api')).toBe(
      'acme/orders-api',
    );
    expect(repositorySummary('ghe.acme.com?repo=orders-api&owner=acme')).toBe(
      'ghe.acme.com/acme/orders-api',
    );
  });

  it('shows nothing until the owner and the name are filled in', () => {
    expect(repositorySummary('github.com?owner=acme')).toBeUndefined();
    expect(repositorySummary('github.com')).toBeUndefined();
    expect(repositorySummary(undefined)).toBeUndefined();
  });
});
