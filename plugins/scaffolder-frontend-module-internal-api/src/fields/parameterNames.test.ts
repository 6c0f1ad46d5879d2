import { parameterNames } from './parameterNames';

const defaults = { accountField: 'accountId', regionField: 'region' };

describe('parameterNames', () => {
  it('takes the names ui:options gives and the defaults for the rest', () => {
    expect(parameterNames(defaults, undefined)).toEqual(defaults);
    expect(
      parameterNames(defaults, { accountField: 'workloadAccount' }),
    ).toEqual({ accountField: 'workloadAccount', regionField: 'region' });
  });

  it('ignores options that are not names, and options it does not know', () => {
    expect(
      parameterNames(defaults, {
        accountField: '',
        regionField: 42,
        title: 'Placement',
      } as Record<string, unknown>),
    ).toEqual(defaults);
  });
});
