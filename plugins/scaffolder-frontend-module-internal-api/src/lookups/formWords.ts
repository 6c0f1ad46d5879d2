/** The lookups' request fields (the actions' inputs), as the form's titles call them. */
const FIELD_WORDS: Record<string, string> = {
  accountId: 'The AWS account',
  region: 'The region',
  subnetFilters: 'The subnet filters',
  domainName: 'The domain name',
  image: 'The container image',
  apiName: "The API's name",
};

/**
 * A refusal as the form says it. The backend words its refusals for the
 * actions' callers and starts them with the input's name (`subnetFilters
 * match more than one subnet…`); a person filling in the form knows the
 * field by its title (`The subnet filters match more than one subnet…`).
 * Anything else is left as it is.
 */
export const inFormWords = (problem: string): string =>
  problem.replace(/^([a-zA-Z]+)(?=[\s:])/, name => FIELD_WORDS[name] ?? name);
