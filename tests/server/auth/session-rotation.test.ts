import { describe, expect, it } from 'vitest';
import { newCollabClient } from '../../helpers/collab-client.ts';
import { api, cookieOf, signIn } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { TEST_ORIGIN } from '../../helpers/test-server.ts';
import { ManualClock } from '../../helpers/manual-clock.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();
const GRACE_MS = 400;

/** A server whose rotated session ids stop working after GRACE_MS (60 s in production). */
const start = (clock?: ManualClock) =>
  bed.start({}, { clock, tune: (c) => ({ ...c, auth: { ...c.auth, sessionRotationGraceMs: GRACE_MS } }) });

describe('session rotation on a role change (R10)', () => {
  it('gives the session a new id at its next request; the old id works only for a moment', async () => {
    const clock = new ManualClock();
    const server = await start(clock);
    const { services } = server.server.app;
    const old = await signIn(server, 'editor');
    const before = await api(server, '/auth/session', { cookie: old });
    expect([before.status, before.headers.get('set-cookie')]).toEqual([200, null]);

    await services.users.setRole('editor', server.workspace.orgs.unit, 'secretary', true);
    const rotated = await api(server, '/auth/session', { cookie: old });
    expect(rotated.status).toBe(200);
    const fresh = cookieOf(rotated);
    expect(fresh).toMatch(/^vk_sid=s_/);
    expect(fresh).not.toBe(old);
    expect(rotated.headers.get('set-cookie')).toMatch(/; HttpOnly.*; SameSite=Lax/);
    // The answer already shows the new role.
    const body = (await rotated.json()) as { roles: { role: string }[] };
    expect(body.roles.map((r) => r.role).sort()).toEqual(['drafter', 'secretary']);

    // The new id works and is not rotated again; a request already on its way with the old
    // id still counts, without a second rotation.
    const next = await api(server, '/auth/session', { cookie: fresh });
    expect([next.status, next.headers.get('set-cookie')]).toEqual([200, null]);
    const late = await api(server, '/auth/session', { cookie: old });
    expect([late.status, late.headers.get('set-cookie')]).toEqual([200, null]);

    clock.advance(GRACE_MS);
    expect((await api(server, '/auth/session', { cookie: old })).status).toBe(401);
    expect((await api(server, '/auth/session', { cookie: fresh })).status).toBe(200);
  });

  it('keeps the session’s end: a new id does not extend the absolute lifetime', async () => {
    const clock = new ManualClock();
    const server = await bed.start(
      {},
      { clock, tune: (c) => ({ ...c, auth: { ...c.auth, sessionAbsoluteMs: 1500 } }) },
    );
    const old = await signIn(server, 'editor');
    await server.server.app.services.users.setRole('editor', server.workspace.orgs.unit, 'secretary', true);
    const fresh = cookieOf(await api(server, '/auth/session', { cookie: old }));
    expect(fresh).not.toBe('');
    clock.advance(1499);
    expect((await api(server, '/auth/session', { cookie: fresh })).status).toBe(200);
    clock.advance(1);
    expect((await api(server, '/auth/session', { cookie: fresh })).status).toBe(401);
  });

  it('an open editor follows its session to the new id and keeps working; signing out with the new id closes it', async () => {
    const clock = new ManualClock();
    const server = await start(clock);
    const { services, accessWatch } = server.server.app;
    const room = server.workspace.draft('rotation');
    const old = await signIn(server, 'editor');
    const client = newCollabClient(server.wsUrl, room, { headers: { Cookie: old, Origin: TEST_ORIGIN } });
    const colleague = bed.connect(room, { as: 'coeditor' });
    try {
      await Promise.all([client.synced(), colleague.synced()]);
      let closes = 0;
      client.provider.on('connection-close', () => (closes += 1));

      // A role that changes nothing about this draft: the socket stays, the session rotates.
      await services.users.setRole('editor', server.workspace.orgs.unit, 'secretary', true);
      const fresh = cookieOf(await api(server, '/auth/session', { cookie: old }));
      expect(fresh).toMatch(/^vk_sid=s_/);
      // The access check rebinds the socket to the new id while the old one is still in grace.
      await accessWatch.nextCheck();
      // Past the grace, with the old row swept: only a rebound socket is still open.
      clock.advance(GRACE_MS);
      await services.sessions.sweep();
      await services.users.setRole('coeditor', server.workspace.orgs.unit, 'secretary', true);
      await accessWatch.nextCheck();
      client.type('Sau khi đổi mã phiên');
      await waitFor(() => colleague.text() === 'Sau khi đổi mã phiên', 'the edit arrives');
      expect(closes).toBe(0);

      const closed = new Promise<number>((resolve) =>
        client.provider.once('connection-close', (event) =>
          resolve((event as { code?: number } | null)?.code ?? -1),
        ),
      );
      expect((await api(server, '/auth/sign-out', { method: 'POST', cookie: fresh })).status).toBe(204);
      expect(await closed).toBe(4401);
    } finally {
      client.destroy();
      colleague.destroy();
    }
  });
});
