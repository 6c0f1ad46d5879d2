import { payments } from '../../__testUtils__/wireFixtures';
import { accountSummary } from './logic';

describe('accountSummary', () => {
  it('shows a configured account by title and id, a typed one by its id', () => {
    expect(accountSummary([payments], '555566667777')).toBe(
      'Payments · 555566667777',
    );
    expect(accountSummary([payments], '111122223333')).toBe('111122223333');
    expect(accountSummary(undefined, '111122223333')).toBe('111122223333');
  });

  it('shows nothing before there is a 12-digit id', () => {
    expect(accountSummary([payments], undefined)).toBeUndefined();
    expect(accountSummary([payments], '5555')).toBeUndefined();
  });
});
