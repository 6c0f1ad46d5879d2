import { inFormWords } from './formWords';

describe('inFormWords', () => {
  it("names the field by its title where the backend names the action's input", () => {
    expect(
      inFormWords(
        'subnetFilters match more than one subnet in an Availability Zone (eu-west-1a: s1, s2).',
      ),
    ).toBe(
      'The subnet filters match more than one subnet in an Availability Zone (eu-west-1a: s1, s2).',
    );
    expect(
      inFormWords("domainName 'orders.acme.com': zone Z1 belongs to 'x'"),
    ).toBe("The domain name 'orders.acme.com': zone Z1 belongs to 'x'");
    expect(inFormWords("image 'nginx:1' comes from docker.io")).toBe(
      "The container image 'nginx:1' comes from docker.io",
    );
    expect(
      inFormWords(
        'accountId 444455556666 is not a configured workload account',
      ),
    ).toBe('The AWS account 444455556666 is not a configured workload account');
  });

  it('leaves every other sentence as it is', () => {
    for (const sentence of [
      'A Network Load Balancer needs at least 8 free addresses in each of its subnets.',
      'AWS could not be asked for the subnets. Try again.',
      'subnetFiltersX is not a field',
    ]) {
      expect(inFormWords(sentence)).toBe(sentence);
    }
  });
});
