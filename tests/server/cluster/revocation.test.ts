// Access changes reach every instance (issue 23): a token revoked or a user removed through one
// instance closes their sockets on another, within the re-check interval (the epoch of rights
// lives in the shared database).
import { afterEach, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../helpers/cluster.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';

let cluster: TestCluster | null = null;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.stop();
  cluster = null;
});

/** Resolves with the code of the client's next close. */
function nextClose(client: CollabClient): Promise<number> {
  return new Promise((resolve) =>
    client.provider.once('connection-close', (event) =>
      resolve((event as { code?: number } | null)?.code ?? -1),
    ),
  );
}

it('revoking a token on one instance closes its socket on another; removing a user too', async () => {
  cluster = await startCluster(2);
  const [a, b] = cluster.instances as [TestServer, TestServer];
  const editorOnB = b.connect('revoked');
  const coeditorOnB = b.connect('revoked', { as: 'coeditor' });
  clients.push(editorOnB, coeditorOnB);
  await Promise.all([editorOnB.synced(), coeditorOnB.synced()]);

  const tokenClosed = nextClose(editorOnB);
  const { services } = a.server.app;
  const [token] = await services.tokens.list(cluster.workspace.users.editor.id);
  await services.tokens.revoke(token!.id);
  expect(await tokenClosed).toBe(4401);

  const userClosed = nextClose(coeditorOnB);
  await services.users.remove('coeditor');
  expect(await userClosed).toBe(4401);
});
