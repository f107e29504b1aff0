import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { databaseFile } from '../../../server/db/database.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import { readStoredDoc } from '../../helpers/stored-doc.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();
const connect = (room: string): CollabClient => bed.connect(room);

describe('rooms: loading, durability order, unloading', () => {
  it('every update a peer receives is stored in the SQLite log', async () => {
    const server = await bed.start();
    const [writer, reader] = [connect('durable'), connect('durable')];
    await Promise.all([writer.synced(), reader.synced()]);
    writer.addParagraphs(1);
    const file = databaseFile(server.dataDir);
    let checked = 0;
    const notStored: string[] = [];
    reader.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== reader.provider) return;
      // Read the database at the very moment the relayed update arrives.
      const stored = readStoredDoc(file, 'durable');
      const missing = Y.diffUpdate(update, Y.encodeStateVector(stored));
      if (Y.decodeUpdate(missing).structs.length > 0) notStored.push(Buffer.from(update).toString('hex'));
      stored.destroy();
      checked += 1;
    });
    for (let i = 0; i < 50; i++) writer.type(`${i} `);
    await waitFor(() => reader.text() === writer.text(), 'reader to catch up');
    expect(checked).toBeGreaterThan(0);
    expect(notStored).toEqual([]);
  });

  it('concurrent joins after a restart load the room once, and each first sync holds the text', async () => {
    await bed.start();
    const writer = connect('crowd');
    await writer.synced();
    writer.type('Nghị quyết Đại hội');
    const reader = connect('crowd');
    await waitFor(() => reader.text() === 'Nghị quyết Đại hội', 'reader');
    bed.disconnectAll();
    const server = await bed.restart();
    const crowd = Array.from({ length: 12 }, () => connect('crowd'));
    await Promise.all(crowd.map((c) => c.synced()));
    expect(crowd.map((c) => c.text())).toEqual(Array(12).fill('Nghị quyết Đại hội'));
    expect(server.server.app.registry.loadCount).toBe(1);
  });

  it('a room with no peers is unloaded after ROOM_IDLE_MS and reloads intact', async () => {
    const server = await bed.start({ ROOM_IDLE_MS: '200' });
    const registry = server.server.app.registry;
    const writer = connect('idle');
    await writer.synced();
    writer.type('lưu lại');
    await waitFor(() => registry.has('idle'), 'room loaded');
    bed.disconnectAll();
    await waitFor(() => !registry.has('idle'), 'room to unload', 3000);
    expect(registry.size).toBe(0);
    const back = connect('idle');
    await back.synced();
    expect(back.text()).toBe('lưu lại');
    expect(registry.loadCount).toBe(2);
  });

  it('a room that still has a peer is not unloaded', async () => {
    const server = await bed.start({ ROOM_IDLE_MS: '100' });
    const { registry } = server.server.app;
    const [stay, leave, control] = [connect('busy'), connect('busy'), connect('control')];
    await Promise.all([stay.synced(), leave.synced(), control.synced()]);
    const leaving = leave.doc.clientID;
    leave.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(() => stay.provider.awareness.getStates().has(leaving), 'both peers present');
    leave.destroy();
    // The server has handled the departure once it withdrew the presence of the peer that left.
    await waitFor(() => !stay.provider.awareness.getStates().has(leaving), 'the departure handled');
    // A positive barrier instead of a sleep: a room emptied after that departure is unloaded,
    // so an idle timer armed by the departure (same delay, armed earlier) would have fired too.
    control.destroy();
    await waitFor(() => !registry.has('control'), 'the emptied control room unloaded');
    expect(registry.has('busy')).toBe(true);
    stay.type('vẫn ở đây');
    const probe = connect('busy');
    await waitFor(() => probe.text() === 'vẫn ở đây', 'probe');
    // One load of 'busy' and one of 'control': 'busy' was never reloaded.
    expect(registry.loadCount).toBe(2);
  });
});
