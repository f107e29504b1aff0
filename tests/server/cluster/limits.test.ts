// Limits per user hold across instances (issue 23): failed sign-ins and the export budget are
// counted in Redis, so spreading requests over instances does not multiply them.
import { afterEach, expect, it } from 'vitest';
import { EXPORT_LIMITS } from '../../../shared/limits.ts';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { startCluster, type TestCluster } from '../../helpers/cluster.ts';
import { destroyAllRawSockets, openRawSocket } from '../../helpers/raw-socket.ts';
import { api } from '../../helpers/http-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { waitForAsync } from '../../helpers/wait.ts';

let cluster: TestCluster | null = null;

afterEach(async () => {
  destroyAllRawSockets();
  await cluster?.stop();
  cluster = null;
});

it('failed sign-ins spread over two instances reach the account limit together', async () => {
  cluster = await startCluster(2, { LOGIN_MAX_FAILURES: '4' });
  const [a, b] = cluster.instances as [TestServer, TestServer];
  const attempt = (server: TestServer) =>
    api(server, '/auth/sign-in', { body: { username: 'editor', password: 'not-the-password' } });
  for (const server of [a, b, a, b]) expect((await attempt(server)).status).toBe(401);
  // Each instance saw two failures; together they are four: both refuse now.
  for (const server of [a, b]) {
    const refused = await attempt(server);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // The right password is refused too until the window ends (the limit is per account).
  const right = await api(b, '/auth/sign-in', {
    body: { username: 'editor', password: cluster.workspace.password },
  });
  expect(right.status).toBe(429);
});

it('the export budget is one per user across instances', async () => {
  cluster = await startCluster(2);
  const [a, b] = cluster.instances as [TestServer, TestServer];
  const { editor, coeditor } = cluster.workspace.users;
  const created = await api(a, '/drafts', {
    token: editor.token,
    body: { templateId: 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030' },
  });
  const { id } = (await created.json()) as { id: string };
  const exportOn = (server: TestServer, token: string) =>
    api(server, `/drafts/${id}/export?format=md`, { token }).then((r) => r.status);
  for (let i = 0; i < EXPORT_LIMITS.perWindow; i++)
    expect(await exportOn(i % 2 === 0 ? a : b, editor.token)).toBe(200);
  expect(await exportOn(a, editor.token)).toBe(429);
  expect(await exportOn(b, editor.token)).toBe(429);
  expect(await exportOn(b, coeditor.token)).toBe(200);
});

it('sockets a user holds on every instance count against their limit', async () => {
  cluster = await startCluster(2, { MAX_SOCKETS_PER_USER: '2' });
  const [a, b] = cluster.instances as [TestServer, TestServer];
  const step1 = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector
  const first = await openRawSocket(a.rawUrl('sockets'));
  const second = await openRawSocket(b.rawUrl('sockets'));
  for (const socket of [first, second]) {
    socket.sendBinary(step1);
    await socket.nextMessage(3000); // both answered: open and counted
  }
  const third = await openRawSocket(a.rawUrl('sockets'));
  const closed = await third.waitForClose(3000);
  expect([closed.code, closed.reason]).toEqual([CloseCode.PolicyViolation, 'too_many_connections']);
  // A colleague is not affected, and closing one socket frees a place on any instance.
  const colleague = await openRawSocket(b.rawUrl('sockets', 'coeditor'));
  colleague.sendBinary(step1);
  await colleague.nextMessage(3000);
  first.destroy();
  // Its instance gives the place back once it has seen the close: retry until it has.
  await waitForAsync(async () => {
    const again = await openRawSocket(b.rawUrl('sockets'));
    again.sendBinary(step1);
    return again.nextMessage(3000).then(
      () => true,
      () => false,
    );
  }, 'a place freed by the closed socket');
});
