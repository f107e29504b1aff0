import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as protocol from '../../../server/collab/core/protocol.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { newCollabClient } from '../../helpers/collab-client.ts';
import { api, cookieOf, signIn } from '../../helpers/http-client.ts';
import { openRawSocket } from '../../helpers/raw-socket.ts';
import { TEST_ORIGIN, type TestServer } from '../../helpers/test-server.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();

/** A paragraph update on a copy of `base`, written under `clientID`. */
function paragraphUpdate(text: string, base: Y.Doc, clientID: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  // After applying: Yjs gives a doc a new clientID when it receives structs under its own.
  doc.clientID = clientID;
  const before = Y.encodeStateVector(doc);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FRAGMENT).push([p]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A raw socket on `room` with a session cookie, from the allowed origin. */
function sessionSocket(server: TestServer, room: string, cookie: string) {
  return openRawSocket(`${server.wsUrl}/${room}`, { headers: { cookie, Origin: TEST_ORIGIN } });
}

/**
 * The editor writes a first paragraph through a stock client on session `cookie`; resolves
 * with a copy of the document once a reader sees the text (it was stored and relayed) and the
 * clientID the editor wrote with; the editor's client is gone afterwards.
 */
async function firstSessionWrites(server: TestServer, room: string, cookie: string) {
  const first = newCollabClient(server.wsUrl, room, { headers: { cookie, origin: TEST_ORIGIN } });
  const probe = bed.connect(room, { as: 'reader' });
  await Promise.all([first.synced(), probe.synced()]);
  first.type('Phiên thứ nhất');
  await waitFor(() => probe.text() === 'Phiên thứ nhất', 'first session edit relayed');
  const snapshot = new Y.Doc();
  Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(first.doc));
  const clientID = first.doc.clientID;
  first.destroy();
  return { snapshot, clientID, probe };
}

describe('clientIDs belong to the session that first wrote with them', () => {
  it("a second session of the same user is refused when it writes under the first one's clientID", async () => {
    const server = await bed.start();
    const room = server.workspace.draft('two-sessions');
    const firstCookie = await signIn(server, 'editor');
    const secondCookie = await signIn(server, 'editor');
    const { snapshot, clientID, probe } = await firstSessionWrites(server, room, firstCookie);

    const second = await sessionSocket(server, room, secondCookie);
    second.sendBinary(protocol.encodeSyncUpdate(paragraphUpdate('Ghi đè', snapshot, clientID)));
    const closed = await second.waitForClose(5000);
    expect([closed.code, closed.reason]).toEqual([1003, 'client_id_owned']);

    // The same session reconnecting with its clientID is accepted.
    const again = await sessionSocket(server, room, firstCookie);
    again.sendBinary(protocol.encodeSyncUpdate(paragraphUpdate('Phiên thứ nhất, tiếp', snapshot, clientID)));
    await waitFor(
      () => probe.text() === 'Phiên thứ nhất\nPhiên thứ nhất, tiếp',
      'the reconnected session edit relayed',
    );
    again.destroy();
  });

  it('a session keeps its clientIDs when a role change gives it a new id', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('rotated-session');
    const old = await signIn(server, 'editor');
    const { snapshot, clientID, probe } = await firstSessionWrites(server, room, old);

    await server.server.app.services.users.setRole('editor', server.workspace.orgs.unit, 'secretary', true);
    const rotated = cookieOf(await api(server, '/auth/session', { cookie: old }));
    expect(rotated).not.toBe(old);
    expect(rotated).toMatch(/^vk_sid=s_/);
    const again = await sessionSocket(server, room, rotated);
    again.sendBinary(protocol.encodeSyncUpdate(paragraphUpdate('Sau khi đổi phiên', snapshot, clientID)));
    await waitFor(
      () => probe.text() === 'Phiên thứ nhất\nSau khi đổi phiên',
      'the rotated session edit relayed',
    );
    again.destroy();
  });
});
