import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { destroyAllRawSockets, openRawSocket } from '../../helpers/raw-socket.ts';
import { rawRoundTrip } from '../../helpers/sync-barrier.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';

let server: TestServer | null = null;

afterEach(async () => {
  destroyAllRawSockets();
  await server?.stop();
  server = null;
});

const STEP1 = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector

function awarenessQuery(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 3);
  return encoding.toUint8Array(encoder);
}

describe('per-connection limits', () => {
  it('a connection over its message rate is closed with 1008, others keep working', async () => {
    server = await startTestServer({ RATE_MSGS_PER_SEC: '20', RATE_MSGS_BURST: '50' });
    const honest = server.connect('flood');
    await honest.synced();
    const flooder = await openRawSocket(server.rawUrl('flood'));
    flooder.sendBinary(STEP1);
    for (let i = 0; i < 60; i++) flooder.sendBinary(awarenessQuery());
    const closed = await flooder.waitForClose(3000);
    expect(closed.code).toBe(CloseCode.PolicyViolation);
    expect(closed.reason).toBe('rate_limited');
    honest.type('vẫn gõ được');
    const probe = server.connect('flood');
    await waitFor(() => probe.text() === 'vẫn gõ được', 'probe to see the honest edit');
    probe.destroy();
    honest.destroy();
  });

  it("a user's socket over the per-user cap is closed with 1008; a colleague still connects; a closed one frees its place", async () => {
    server = await startTestServer({ MAX_SOCKETS_PER_USER: '3' });
    const mine = await Promise.all([1, 2, 3].map(() => openRawSocket(server!.rawUrl('cap'))));
    for (const socket of mine) socket.sendBinary(STEP1);
    const fourth = await openRawSocket(server.rawUrl('cap'));
    const closed = await fourth.waitForClose(3000);
    expect([closed.code, closed.reason]).toEqual([CloseCode.PolicyViolation, 'too_many_connections']);
    const colleague = server.connect('cap', { as: 'coeditor' });
    await colleague.synced();
    colleague.destroy();
    mine[0]!.destroy();
    // The place is given back in the same close handler that drops the socket from the server's set.
    await waitFor(() => server!.server.app.wss.clients.size === 2, 'the server to see the socket closed');
    const again = await openRawSocket(server.rawUrl('cap'));
    again.sendBinary(STEP1);
    // Answered, not closed: nextMessage rejects if the socket closes first.
    await again.nextMessage(3000);
  });

  it('a user at the cap whose socket went silent connects again: the silent socket is dropped, the live one stays', async () => {
    // The guard's own pong timeout is far away: only the displacement can end the silent socket.
    server = await startTestServer({
      MAX_SOCKETS_PER_USER: '2',
      PING_INTERVAL_MS: '100',
      PONG_TIMEOUT_MS: '60000',
      SOCKET_SILENT_MS: '300',
    });
    const stuck = await openRawSocket(server.rawUrl('displace'), { autoPong: false });
    const live = await openRawSocket(server.rawUrl('displace'));
    stuck.sendBinary(STEP1);
    live.sendBinary(STEP1);
    await Promise.all([stuck.nextMessage(3000), live.nextMessage(3000)]);
    // The live socket is pinged every 100 ms (the stuck one, owing a pong, no more): after four
    // pings the stuck socket has been silent for longer than 300 ms.
    await waitFor(() => live.pings.length >= 4, 'four pings to the live socket');
    const fresh = await openRawSocket(server.rawUrl('displace'));
    fresh.sendBinary(STEP1);
    await fresh.nextMessage(3000);
    const closed = await stuck.waitForClose(3000);
    expect(closed.code).toBeNull(); // terminated: it would not answer a close handshake either
    await expect(fresh.waitForClose(300)).rejects.toThrow();
    expect(live.pings.length).toBeGreaterThan(0);
    await expect(live.waitForClose(300)).rejects.toThrow();
    // With nothing silent left, the cap holds again.
    const fourth = await openRawSocket(server.rawUrl('displace'));
    const refused = await fourth.waitForClose(3000);
    expect([refused.code, refused.reason]).toEqual([CloseCode.PolicyViolation, 'too_many_connections']);
  });

  it('sockets from one address over the per-address cap are closed with 1008, whoever signs in', async () => {
    server = await startTestServer({ MAX_SOCKETS_PER_IP: '2' });
    const first = await openRawSocket(server.rawUrl('ipcap'));
    const second = await openRawSocket(server.rawUrl('ipcap', 'coeditor'));
    for (const socket of [first, second]) socket.sendBinary(STEP1);
    const third = await openRawSocket(server.rawUrl('ipcap', 'reader'));
    expect((await third.waitForClose(3000)).reason).toBe('too_many_connections');
  });

  it('a connection at its sustained rate is not closed', async () => {
    server = await startTestServer({ RATE_MSGS_PER_SEC: '50', RATE_MSGS_BURST: '10' });
    const steady = await openRawSocket(server.rawUrl('steady'));
    steady.sendBinary(STEP1);
    for (let i = 0; i < 30; i++) {
      steady.sendBinary(awarenessQuery());
      await sleep(40); // pacing at 25 messages/s, half the limit (not a wait)
    }
    // Still open: the answer to a request sent after the last query arrives (it would not on a
    // closed socket). The first step 2 answers the STEP1 sent at the start.
    await rawRoundTrip(steady, { unanswered: 1 });
  });

  it('a connection over its byte rate is closed with 1008', async () => {
    server = await startTestServer({
      RATE_BYTES_PER_SEC: '2048',
      RATE_BYTES_BURST: '4096',
      MAX_PAYLOAD_BYTES: '4096',
    });
    const heavy = await openRawSocket(server.rawUrl('bytes'));
    heavy.sendBinary(STEP1);
    for (let i = 0; i < 3; i++) heavy.sendBinary(new Uint8Array(3000).fill(9)); // unknown type 9: ignored, but counted
    expect((await heavy.waitForClose(3000)).code).toBe(CloseCode.PolicyViolation);
  });

  it('a socket that never sends sync step 1 is closed after the timeout', async () => {
    server = await startTestServer({ SYNC_TIMEOUT_MS: '300' });
    const silent = await openRawSocket(server.rawUrl('silent'));
    // The reason is the server's own word that the timer closed it (no stopwatch needed); the
    // polite socket below shows that sending sync step 1 in time keeps a socket open.
    const closed = await silent.waitForClose(3000);
    expect(closed.code).toBe(CloseCode.PolicyViolation);
    expect(closed.reason).toBe('sync_timeout');
    const polite = await openRawSocket(server.rawUrl('silent'));
    polite.sendBinary(STEP1);
    await expect(polite.waitForClose(800)).rejects.toThrow();
  });

  it('a peer that stops answering pings is dropped; one that answers stays', async () => {
    server = await startTestServer({ PING_INTERVAL_MS: '200', PONG_TIMEOUT_MS: '200' });
    const dead = await openRawSocket(server.rawUrl('live'), { autoPong: false });
    const alive = await openRawSocket(server.rawUrl('live'));
    dead.sendBinary(STEP1);
    alive.sendBinary(STEP1);
    const closed = await dead.waitForClose(3000);
    expect(closed.code).toBeNull(); // terminated: no close handshake with an unresponsive peer
    await expect(alive.waitForClose(500)).rejects.toThrow();
  });

  it('an invalid room name is refused with 400 before the upgrade, before authentication', async () => {
    server = await startTestServer();
    const { token } = server.workspace.users.editor;
    for (const name of ['a b', 'x'.repeat(65), 'tên', '%00']) {
      const url = `${server.wsUrl}/${encodeURIComponent(name)}`;
      await expect(openRawSocket(url)).rejects.toMatchObject({ status: 400 });
      await expect(openRawSocket(`${url}?token=${token}`)).rejects.toMatchObject({ status: 400 });
    }
    // `..` is resolved away by URL parsing and reaches no route at all.
    await expect(openRawSocket(`${server.wsUrl}/..`)).rejects.toMatchObject({ status: 404 });
    expect(server.server.app.registry.size).toBe(0);
  });

  it('a valid name without a draft is refused before the upgrade: 404 signed in, 401 without a token', async () => {
    server = await startTestServer();
    const { token } = server.workspace.users.editor;
    const url = `${server.wsUrl}/no-such-draft`;
    await expect(openRawSocket(`${url}?token=${token}`)).rejects.toMatchObject({ status: 404 });
    await expect(openRawSocket(url)).rejects.toMatchObject({ status: 401 });
    expect(server.server.app.registry.size).toBe(0);
    expect(server.server.app.registry.loadCount).toBe(0);
  });
});
