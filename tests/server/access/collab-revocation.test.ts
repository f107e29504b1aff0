import { describe, expect, it } from 'vitest';
import { newCollabClient, type CollabClient } from '../../helpers/collab-client.ts';
import { api, signIn } from '../../helpers/http-client.ts';
import { HandshakeError, openRawSocket } from '../../helpers/raw-socket.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { TEST_ORIGIN, type TestServer } from '../../helpers/test-server.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();

/** Resolves with the code of the client's next close (the stock provider then reconnects). */
function nextClose(client: CollabClient): Promise<number> {
  return new Promise((resolve) =>
    client.provider.once('connection-close', (event) =>
      resolve((event as { code?: number } | null)?.code ?? -1),
    ),
  );
}

/** Rejects unless the upgrade is refused with `status`. */
async function expectRefused(url: string, headers: Record<string, string>, status: number): Promise<void> {
  await expect(openRawSocket(url, { headers })).rejects.toSatisfy(
    (error) => error instanceof HandshakeError && error.status === status,
  );
}

/** A stock client signed in through the browser path (cookie + Origin). */
async function browserClient(
  server: TestServer,
  room: string,
): Promise<{ client: CollabClient; cookie: string }> {
  const cookie = await signIn(server, 'editor');
  const client = newCollabClient(server.wsUrl, room, { headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
  await client.synced();
  return { client, cookie };
}

/*
 * These tests measure real time on purpose: the requirement is a wall-clock bound (a revoked
 * credential or right reaches open sockets within 5 s), so a manual clock would prove nothing.
 * Every ACCESS_RECHECK_MS (1 s by default) the server reads the access epoch, which every
 * sign-out and change of rights bumps, and re-checks its open sockets when it moved; so a
 * close normally comes within about a second. The 5 s bound is the requirement itself and
 * leaves about 4 s for a loaded test machine.
 */
describe('revocation reaches open sockets within 5 s', () => {
  it('signing out closes the session’s socket (4401) and its next upgrade is refused', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('signout');
    const { client, cookie } = await browserClient(server, room);
    try {
      const closed = nextClose(client);
      const started = Date.now();
      expect((await api(server, '/auth/sign-out', { method: 'POST', cookie })).status).toBe(204);
      expect(await closed).toBe(4401);
      // The requirement's own bound (revocation within 5 s), from the revoking request to the
      // close. The server closes on the revoking event, at the latest at its next access
      // recheck (ACCESS_RECHECK_MS, 1 s by default): the other 4 s absorb a loaded machine.
      expect(Date.now() - started).toBeLessThan(5000);
      await expectRefused(`${server.wsUrl}/${room}`, { Cookie: cookie, Origin: TEST_ORIGIN }, 401);
    } finally {
      client.destroy();
    }
  });

  it('a session reaching its absolute expiry is closed and cannot reconnect', async () => {
    const server = await bed.start(
      {},
      { tune: (c) => ({ ...c, auth: { ...c.auth, sessionAbsoluteMs: 1500 } }) },
    );
    const room = server.workspace.draft('expiry');
    const { client, cookie } = await browserClient(server, room);
    try {
      expect(await nextClose(client)).toBe(4401);
      await expectRefused(`${server.wsUrl}/${room}`, { Cookie: cookie, Origin: TEST_ORIGIN }, 401);
    } finally {
      client.destroy();
    }
  });

  it('revoking a token closes its sockets', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('token');
    const client = bed.connect(room);
    await client.synced();
    const closed = nextClose(client);
    const { services } = server.server.app;
    const [token] = await services.tokens.list(server.workspace.users.editor.id);
    await services.tokens.revoke(token!.id);
    expect(await closed).toBe(4401);
  });

  it('removing a user closes their sockets', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('removed');
    const client = bed.connect(room, { as: 'coeditor' });
    await client.synced();
    const closed = nextClose(client);
    await server.server.app.services.users.remove('coeditor');
    expect(await closed).toBe(4401);
  });

  it('demoting a drafter while connected drops their next write; they keep reading', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('demote');
    const { services } = server.server.app;
    const { unit } = server.workspace.orgs;
    const drafter = bed.connect(room, { as: 'coeditor' });
    const colleague = bed.connect(room);
    await Promise.all([drafter.synced(), colleague.synced()]);
    drafter.type('Trước khi bị rút quyền');
    await waitFor(() => colleague.text() === 'Trước khi bị rút quyền', 'first write');

    // Still an admin of the unit (may read), no longer its drafter.
    await services.users.setRole('coeditor', unit, 'admin', true);
    const closed = nextClose(drafter);
    const started = Date.now();
    await services.users.setRole('coeditor', unit, 'drafter', false);
    expect(await closed).toBe(4500);
    expect(Date.now() - started).toBeLessThan(5000); // the 5 s bound, as above

    // The stock client reconnects on its own, now read-only.
    await waitFor(() => drafter.provider.synced, 'reconnected');
    drafter.type(' — sau khi bị rút quyền');
    await drafter.roundTrip(); // handled: dropped, or pending ahead of the colleague's write
    colleague.type(' và tiếp tục');
    await colleague.flushed(); // writes are stored and relayed in arrival order
    await waitFor(() => drafter.text().includes('và tiếp tục'), 'still reads');
    expect(colleague.text()).toBe('Trước khi bị rút quyền và tiếp tục');
  });

  it('a user left without any access is refused on reconnect', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('gone');
    const client = bed.connect(room, { as: 'coeditor' });
    await client.synced();
    const closed = nextClose(client);
    await server.server.app.services.users.setRole('coeditor', server.workspace.orgs.unit, 'drafter', false);
    expect(await closed).toBe(4403);
    await expectRefused(server.rawUrl(room, 'coeditor'), {}, 404);
  });
});
