import type { SessionInfo } from '../../shared/api/auth.ts';

/** The grassroots unit most pages are tested from. */
export const UNIT_ORG: SessionInfo['user']['org'] = {
  id: 3,
  kind: 'unit',
  name: 'Đảng bộ Sở TN&MT',
  shortName: 'ĐBSTNMT',
  parentId: 1,
};

/** What `GET /api/auth/session` answers for `user` holding `roles` (the expiry is fixed; no page test reads it). */
export function signedIn(user: SessionInfo['user'], roles: SessionInfo['roles']): SessionInfo {
  return { user, roles, expiresAt: '2026-06-01T08:00:00.000Z' };
}

/** Phương, a drafter of the unit. */
export const DRAFTER: SessionInfo = signedIn(
  { id: 7, username: 'phuongltm', displayName: 'Phạm Thị Phương', org: UNIT_ORG },
  [{ orgId: 3, role: 'drafter' }],
);
