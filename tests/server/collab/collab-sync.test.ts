import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabClient } from '../../helpers/collab-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();
const connect = (room: string): CollabClient => bed.connect(room);

/** One client lays out `count` paragraphs and everyone waits to see them, so typing can be concurrent. */
async function layOut(group: CollabClient[], count: number): Promise<void> {
  group[0]!.addParagraphs(count);
  await waitFor(() => group.every((c) => c.doc.getXmlFragment('content').length === count), 'paragraphs');
}

async function expectConverged(group: CollabClient[], expected: string): Promise<void> {
  await waitFor(() => group.every((c) => c.text() === expected), 'all clients to hold the same text');
  const vectors = group.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex'));
  expect(new Set(vectors).size).toBe(1);
}

describe('collaboration over the stock y-websocket client', () => {
  it('two clients editing one draft converge', async () => {
    await bed.start();
    const [a, b] = [connect('draft-1'), connect('draft-1')];
    await Promise.all([a.synced(), b.synced()]);
    await layOut([a, b], 2);
    a.type('Đảng bộ ');
    b.type('lãnh đạo', 1);
    a.type('toàn diện');
    await expectConverged([a, b], 'Đảng bộ toàn diện\nlãnh đạo');
  });

  it('ten clients typing at once converge on one text', async () => {
    await bed.start();
    const group = Array.from({ length: 10 }, () => connect('draft-10'));
    await Promise.all(group.map((c) => c.synced()));
    await layOut(group, 10);
    for (let round = 0; round < 20; round++) group.forEach((c, i) => c.type(`${i}.${round} `, i));
    const expected = group
      .map((_, i) => Array.from({ length: 20 }, (_, r) => `${i}.${r} `).join(''))
      .join('\n');
    await expectConverged(group, expected);
  });

  it('rooms are isolated from each other', async () => {
    await bed.start();
    const [a, b] = [connect('room-a'), connect('room-b')];
    await Promise.all([a.synced(), b.synced()]);
    a.type('chỉ ở phòng A');
    const probe = connect('room-a');
    await probe.synced();
    await waitFor(() => probe.text() === 'chỉ ở phòng A', 'probe in room A');
    expect(b.text()).toBe('');
  });

  it("a late joiner's first sync already holds the whole text", async () => {
    await bed.start();
    const writer = connect('draft-late');
    await writer.synced();
    writer.addParagraphs(5);
    for (let i = 0; i < 200; i++) writer.type(`câu ${i}. `, i % 5);
    const expected = writer.text();
    const probe = connect('draft-late');
    await waitFor(() => probe.text() === expected, 'probe to receive the stored text', 10_000);
    // Everything arrived with the first sync answer, not trickling in afterwards.
    const late = connect('draft-late');
    await late.synced();
    expect(late.text()).toBe(expected);
  });

  it('the text survives a restart and is in the first sync answer', async () => {
    await bed.start();
    const writer = connect('draft-restart');
    await writer.synced();
    writer.addParagraphs(2);
    writer.type('Báo cáo chính trị ');
    writer.type('nhiệm kỳ 2025–2030', 1);
    const expected = writer.text();
    const reader = connect('draft-restart');
    await waitFor(() => reader.text() === expected, 'reader to see the text');
    bed.disconnectAll();
    await bed.restart();
    const fresh = connect('draft-restart');
    await fresh.synced();
    expect(fresh.text()).toBe(expected);
  });

  it('a client that edited offline across a server restart merges its edits on reconnect', async () => {
    await bed.start();
    const [offline, other] = [connect('draft-offline'), connect('draft-offline')];
    await Promise.all([offline.synced(), other.synced()]);
    await layOut([offline, other], 2);
    offline.type('Đã lưu. ');
    await waitFor(() => other.text() === 'Đã lưu. \n', 'other to see the first edit');
    offline.provider.disconnect();
    other.destroy();
    offline.type('Sửa khi mất mạng.', 1); // typed while offline, before the restart
    await bed.restart();
    const reader = connect('draft-offline');
    await reader.synced();
    expect(reader.text()).toBe('Đã lưu. \n');
    const reconnected = bed.connect('draft-offline', { connect: false });
    Y.applyUpdate(reconnected.doc, Y.encodeStateAsUpdate(offline.doc)); // the same tab's document
    reconnected.provider.connect();
    await waitFor(
      () => reader.text() === 'Đã lưu. \nSửa khi mất mạng.',
      'the offline edit to reach the reader',
    );
  });
});
