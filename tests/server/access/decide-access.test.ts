import { describe, expect, it } from 'vitest';
import { decideAccess, type Grant } from '../../../server/access/access.service.ts';

// Tree: bloc 1 → unit 2 → branch 3; unit 4 is another unit of the bloc. The draft belongs to unit 2.
const chain = [2, 1];

describe('the permission rule', () => {
  const cases: [string, Grant[], number[], ReturnType<typeof decideAccess>][] = [
    ["a drafter of the draft's org edits", [{ orgId: 2, role: 'drafter' }], [], 'edit'],
    ["a secretary of the draft's org edits", [{ orgId: 2, role: 'secretary' }], [], 'edit'],
    ['an admin of the bloc above reads', [{ orgId: 1, role: 'admin' }], [], 'read'],
    ['a commenter of an invited branch comments', [{ orgId: 3, role: 'commenter' }], [3], 'comment'],
    [
      'a commenter of a branch without an open round sees nothing',
      [{ orgId: 3, role: 'commenter' }],
      [],
      null,
    ],
    ['a commenter of a branch not invited sees nothing', [{ orgId: 3, role: 'commenter' }], [5], null],
    ['a drafter of another unit sees nothing', [{ orgId: 4, role: 'drafter' }], [], null],
    ['an admin of another unit sees nothing', [{ orgId: 4, role: 'admin' }], [], null],
    ['a drafter of a branch below does not edit the unit draft', [{ orgId: 3, role: 'drafter' }], [3], null],
    ['someone without roles sees nothing', [], [3], null],
    [
      'the strongest of several roles wins',
      [
        { orgId: 1, role: 'admin' },
        { orgId: 2, role: 'drafter' },
      ],
      [],
      'edit',
    ],
  ];
  for (const [name, grants, invited, expected] of cases) {
    it(name, () => expect(decideAccess(grants, chain, invited)).toBe(expected));
  }
});
