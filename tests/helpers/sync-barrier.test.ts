import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { fragmentText } from './collab-client.ts';
import { openRawSocket } from './raw-socket.ts';
import { readServerDoc } from './stored-doc.ts';
import { holdsAll, rawRoundTrip } from './sync-barrier.ts';
import { useTestbed } from './testbed.ts';

const bed = useTestbed();

describe('waiting for the server instead of sleeping', () => {
  it('flushed() resolves once the store holds every edit of the client, deletions included', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('flushed');
    const writer = bed.connect(room);
    await writer.synced();
    for (let i = 0; i < 20; i++) writer.type(`${i} `);
    await writer.flushed();
    // Read straight from the database, not from the server's memory.
    expect(fragmentText(await readServerDoc(server, room))).toBe(writer.text());

    // A deletion adds no clock to the state vector; flushed() still waits for it.
    writer.doc.transact(() => {
      const text = (writer.doc.getXmlFragment(CONTENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 5);
    });
    await writer.flushed();
    expect(fragmentText(await readServerDoc(server, room))).toBe(writer.text());
  });

  it('holdsAll tells a stored state that lacks a deletion from one that has it', () => {
    const local = new Y.Doc();
    local.getText('t').insert(0, 'abc');
    const before = Y.encodeStateAsUpdate(local);
    local.getText('t').delete(0, 1);
    expect(holdsAll(before, local)).toBe(false);
    expect(holdsAll(Y.encodeStateAsUpdate(local), local)).toBe(true);
  });

  it('rawRoundTrip answers on an open socket and rejects once the server has closed it', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('raw');
    const raw = await openRawSocket(server.rawUrl(room));
    expect(await rawRoundTrip(raw)).toBeInstanceOf(Uint8Array);
    raw.sendBinary(new Uint8Array([0, 2, 0xff, 0xff, 0xff])); // garbage: the server closes the socket
    await expect(rawRoundTrip(raw)).rejects.toThrow();
  });
});
