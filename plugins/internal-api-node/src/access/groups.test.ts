import { groupsOf } from './groups';

describe('groupsOf', () => {
  const parents = new Map([
    ['group:default/orders-team', ['group:default/commerce']],
    ['group:default/commerce', []],
    ['group:default/payments-team', []],
  ]);

  it('adds the ancestors of every group the user is a direct member of, and only groups', () => {
    expect(
      groupsOf(
        [
          'user:default/sam',
          'Group:Default/Orders-Team',
          'group:default/payments-team',
        ],
        parents,
      ),
    ).toEqual(
      new Set([
        'group:default/orders-team',
        'group:default/commerce',
        'group:default/payments-team',
      ]),
    );
  });

  it('never goes down: a member of the parent is not a member of its child teams', () => {
    expect(groupsOf(['group:default/commerce'], parents)).toEqual(
      new Set(['group:default/commerce']),
    );
  });

  it('ends a cycle instead of looping, and skips what is not a ref', () => {
    const cycle = new Map([
      ['group:default/a', ['group:default/b']],
      ['group:default/b', ['group:default/a']],
    ]);
    expect(groupsOf(['group:default/a', ':'], cycle)).toEqual(
      new Set(['group:default/a', 'group:default/b']),
    );
  });
});
