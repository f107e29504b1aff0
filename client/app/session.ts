import { z } from 'zod';
import { SessionInfo, WhoAmI } from '../../shared/api/auth.ts';
import type { Role } from '../../shared/access.ts';
import { apiPath, request } from '../api/api-client.ts';

/** The signed-in user, or null when nobody is. */
export async function loadSession(): Promise<SessionInfo | null> {
  return (await request(apiPath(['auth', 'whoami']), WhoAmI)).session;
}

/** Signs in; the server sets the session cookie. */
export function signIn(username: string, password: string): Promise<SessionInfo> {
  return request(apiPath(['auth', 'sign-in']), SessionInfo, { body: { username, password } });
}

/** Signs out (the server ends the session and its sockets). */
export async function signOut(): Promise<void> {
  await request(apiPath(['auth', 'sign-out']), z.undefined(), { method: 'POST' });
}

const ROLE_ORDER: readonly Role[] = ['secretary', 'drafter', 'admin', 'commenter'];

/** The user's main role in their own organisation (the strongest), for the header. */
export function mainRole(session: SessionInfo): Role | null {
  const own = session.roles.filter((r) => r.orgId === session.user.org.id).map((r) => r.role);
  const all = own.length > 0 ? own : session.roles.map((r) => r.role);
  return ROLE_ORDER.find((role) => all.includes(role)) ?? null;
}
