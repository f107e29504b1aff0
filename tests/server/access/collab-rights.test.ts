import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as protocol from '../../../server/collab/core/protocol.ts';
import { colorForUser } from '../../../shared/collab/awareness.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { fragmentText } from '../../helpers/collab-client.ts';
import { FixtureRounds } from '../../helpers/fixture-rounds.ts';
import { openRawSocket } from '../../helpers/raw-socket.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { rawRoundTrip } from '../../helpers/sync-barrier.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();

/** A paragraph update made on a copy of `base` by a doc with `clientID`, as raw bytes. */
function paragraphUpdate(text: string, base?: Y.Doc, clientID?: number): Uint8Array {
  const doc = new Y.Doc();
  if (base !== undefined) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  if (clientID !== undefined) doc.clientID = clientID;
  const before = Y.encodeStateVector(doc);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FRAGMENT).push([p]);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('read-only connections', () => {
  it('a commenter of an invited branch reads every edit live, and its writes never reach the stored draft or a peer', async () => {
    const rounds = new FixtureRounds();
    const server = await bed.start({}, { consultations: rounds });
    const room = server.workspace.draft('consulted');
    rounds.openRound(room, [server.workspace.orgs.branch]);
    const editor = bed.connect(room);
    const commenter = bed.connect(room, { as: 'commenter' });
    await Promise.all([editor.synced(), commenter.synced()]);

    // Its own client applies local edits (T17); the server must drop them: sync step 2 and updates alike.
    commenter.type('Sửa trộm của chi bộ');
    const raw = await openRawSocket(server.rawUrl(room, 'commenter'));
    raw.sendBinary(protocol.encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    raw.sendBinary(protocol.encodeSyncStep2(paragraphUpdate('Bước 2 giả')));
    raw.sendBinary(protocol.encodeSyncUpdate(paragraphUpdate('Cập nhật giả')));
    // Barriers: the server has handled the commenter's writes (dropped, or pending ahead of the editor's).
    await commenter.roundTrip();
    await rawRoundTrip(raw, { unanswered: 1 });

    editor.type('Nội dung của tiểu ban');
    // Writes commit and are relayed in arrival order, so once the editor's is stored any
    // earlier write would be stored and relayed too.
    await editor.flushed();
    await waitFor(() => commenter.text().includes('Nội dung của tiểu ban'), 'commenter reads the edit');
    expect(editor.text()).toBe('Nội dung của tiểu ban');
    const stored = fragmentText(await readServerDoc(server, room));
    expect(stored).toBe('Nội dung của tiểu ban');
  });

  it("a commenter's flood and garbage close only its own socket", async () => {
    const rounds = new FixtureRounds();
    const server = await bed.start(
      { RATE_MSGS_PER_SEC: '50', RATE_MSGS_BURST: '100' },
      { consultations: rounds },
    );
    const room = server.workspace.draft('consulted');
    rounds.openRound(room, [server.workspace.orgs.branch]);
    const editor = bed.connect(room);
    await editor.synced();
    const flooder = await openRawSocket(server.rawUrl(room, 'commenter'));
    for (let i = 0; i < 300; i++) flooder.sendBinary(protocol.encodeSyncUpdate(paragraphUpdate(`lũ ${i}`)));
    expect((await flooder.waitForClose(5000)).code).toBe(1008);
    const garbage = await openRawSocket(server.rawUrl(room, 'commenter'));
    garbage.sendBinary(new Uint8Array([0, 2, 0xff, 0xff, 0xff]));
    expect((await garbage.waitForClose(5000)).code).toBe(1002);
    editor.type('vẫn gõ được');
    const probe = bed.connect(room, { as: 'coeditor' });
    await probe.synced();
    await waitFor(() => probe.text() === 'vẫn gõ được', 'the honest text');
  });

  it('a bloc admin reads but cannot write', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('read-only');
    const editor = bed.connect(room);
    const admin = bed.connect(room, { as: 'reader' });
    await Promise.all([editor.synced(), admin.synced()]);
    admin.type('Ý kiến sửa thẳng vào văn bản');
    await admin.roundTrip(); // handled: dropped, or pending ahead of the editor's write
    editor.type('Văn bản gốc');
    await editor.flushed();
    await waitFor(() => admin.text().includes('Văn bản gốc'), 'admin reads');
    expect(editor.text()).toBe('Văn bản gốc');
  });
});

describe('presence', () => {
  it('rewrites identity from the session and drops states forged for other clientIDs', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('presence');
    const victim = bed.connect(room);
    const observer = bed.connect(room, { as: 'reader' });
    await Promise.all([victim.synced(), observer.synced()]);
    victim.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    const victimId = victim.doc.clientID;
    await waitFor(() => observer.provider.awareness.getStates().has(victimId), 'victim presence');

    const forger = await openRawSocket(server.rawUrl(room, 'coeditor'));
    const fakeDoc = new Y.Doc();
    const fake = new awarenessProtocol.Awareness(fakeDoc);
    fake.setLocalState({ user: { id: 1, name: 'Kẻ giả mạo', color: '#000' }, cursor: null });
    const forgedForVictim = protocol.encodeAwarenessUpdate([
      { clientID: victimId, clock: 999, state: JSON.stringify({ user: { name: 'Kẻ giả mạo' } }) },
    ]);
    const removeVictim = protocol.encodeAwarenessUpdate([{ clientID: victimId, clock: 1000, state: 'null' }]);
    const fakePeers = protocol.encodeAwarenessUpdate(
      Array.from({ length: 20 }, (_, i) => ({ clientID: 5000 + i, clock: 1, state: '{"cursor":null}' })),
    );
    for (const update of [
      awarenessProtocol.encodeAwarenessUpdate(fake, [fakeDoc.clientID]),
      forgedForVictim,
      removeVictim,
      fakePeers,
    ])
      forger.sendBinary(protocol.encodeAwarenessMessage(update));

    await waitFor(() => observer.provider.awareness.getStates().has(fakeDoc.clientID), 'forger presence');
    // The server has handled all four updates, and relayed what it kept before the observer's answer.
    await rawRoundTrip(forger);
    await observer.roundTrip();
    const states = observer.provider.awareness.getStates() as Map<
      number,
      { user?: { name?: string }; cursor?: unknown }
    >;
    const coeditor = server.workspace.users.coeditor;
    expect(states.get(fakeDoc.clientID)?.user).toEqual({
      id: coeditor.id,
      name: 'Trần Thị Bình',
      color: colorForUser(coeditor.id),
    });
    expect(states.get(victimId)?.user?.name).toBe('Nguyễn Văn An');
    expect(states.get(victimId)?.cursor).toEqual({ anchor: 1 });
    // At most four clientIDs per connection: the forger's own plus three of the fakes.
    expect([...states.keys()].filter((id) => id >= 5000 && id < 5020).length).toBeLessThanOrEqual(3);
    fake.destroy();
  });
});

describe('clientID ownership', () => {
  it("refuses an update that writes under another user's clientID, keeping the victim's text", async () => {
    const server = await bed.start();
    const room = server.workspace.draft('hijack');
    const victim = bed.connect(room);
    await victim.synced();
    victim.type('Văn bản của nạn nhân');
    await victim.flushed();
    const hijacker = await openRawSocket(server.rawUrl(room, 'coeditor'));
    hijacker.sendBinary(
      protocol.encodeSyncUpdate(paragraphUpdate('Chữ giả mạo', victim.doc, victim.doc.clientID)),
    );
    const closed = await hijacker.waitForClose(5000);
    expect(closed.code).toBe(1003);
    expect(closed.reason).toBe('client_id_owned');
    victim.type(' tiếp tục');
    const probe = bed.connect(room, { as: 'reader' });
    await probe.synced();
    await waitFor(() => probe.text() === 'Văn bản của nạn nhân tiếp tục', 'victim text intact');
  });

  it('keeps the binding across a restart', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('hijack');
    const victim = bed.connect(room);
    await victim.synced();
    victim.type('Trước khi khởi động lại');
    await victim.flushed();
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(victim.doc));
    bed.disconnectAll();
    const restarted = await bed.restart();
    const hijacker = await openRawSocket(restarted.rawUrl(room, 'coeditor'));
    hijacker.sendBinary(
      protocol.encodeSyncUpdate(paragraphUpdate('Chữ giả mạo', snapshot, victim.doc.clientID)),
    );
    expect((await hijacker.waitForClose(5000)).reason).toBe('client_id_owned');
  });

  it("lets a client repeat other users' structs the server already has (a late sync step 2)", async () => {
    const server = await bed.start();
    const room = server.workspace.draft('repeat');
    const author = bed.connect(room);
    await author.synced();
    author.type('Đoạn của tác giả');
    await author.flushed();
    const other = await openRawSocket(server.rawUrl(room, 'coeditor'));
    // Everything the author wrote, plus one new paragraph under the coeditor's own clientID.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(author.doc));
    Y.applyUpdate(copy, paragraphUpdate('Đoạn mới', copy, 777_777));
    other.sendBinary(protocol.encodeSyncStep2(Y.encodeStateAsUpdate(copy)));
    await waitFor(() => author.text().includes('Đoạn mới'), 'the new paragraph arrives');
    other.destroy();
  });
});
