import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { fragmentText } from '../../helpers/collab-client.ts';
import { api } from '../../helpers/http-client.ts';
import { readStoredDoc } from '../../helpers/stored-doc.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { waitFor } from '../../helpers/wait.ts';
import { spawnCli } from '../cli/cli-harness.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const HONEST = 'Tổng thu ngân sách đạt 105% kế hoạch.';
const DEEP = 'Câu ở đáy mười nghìn tầng trích dẫn.';
const ODD = 'Đoạn trong một nút lạ.';

/**
 * Writes what an earlier build accepted straight into the update log: 10 000 nested
 * blockquotes with a sentence at the bottom, a node outside the schema, a bad attribute, an
 * unknown mark and a foreign top-level map.
 */
function breakDraft(server: TestServer, id: string): void {
  const file = path.join(server.dataDir, 'vankien.db');
  const doc = readStoredDoc(file, id);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  doc.transact(() => {
    let outer: Y.XmlElement | Y.XmlFragment = fragment;
    for (let i = 0; i < 10_000; i++) {
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      outer.insert(outer.length, [quote]);
      outer = quote;
    }
    const bottom = new Y.XmlElement('paragraph');
    bottom.insert(0, [new Y.XmlText(DEEP)]);
    outer.insert(0, [bottom]);
    const odd = new Y.XmlElement('marquee');
    odd.insert(0, [new Y.XmlText(ODD)]);
    fragment.push([odd]);
    const heading = fragment.get(0) as Y.XmlElement;
    heading.setAttribute('onclick', 'alert(1)');
    (heading.get(0) as Y.XmlText).format(0, 2, { blink: {} });
    doc.getMap('extra').set('x', 1);
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  const sqlite = new BetterSqlite3(file);
  sqlite
    .prepare('INSERT INTO collab_updates (doc, data, created_at) VALUES (?, ?, ?)')
    .run(id, update, Date.now());
  sqlite.close();
}

async function checkDone(server: TestServer): Promise<void> {
  await waitFor(() => server.logs.some((l) => l.msg === 'draft check done'), 'the start-up draft check');
}

describe('draft repair', () => {
  it('the start-up check names a broken draft, and repair makes it usable keeping its text', async () => {
    let server = await bed.start();
    const token = server.workspace.users.editor.token;
    const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const writer = bed.connect(id);
    await writer.synced();
    writeInSection(writer.doc, 'p1-chi-tieu', HONEST);
    const probe = bed.connect(id);
    await waitFor(
      () => fragmentText(probe.doc).includes(HONEST),
      'the honest sentence to be stored and relayed',
    );
    bed.disconnectAll();

    server = await bed.restart();
    breakDraft(server, id);
    server = await bed.restart();
    await checkDone(server);
    const warning = server.logs.find((l) => l.msg === 'draft does not fit the editor schema');
    expect(warning?.fields).toMatchObject({ draftId: id });

    const repaired = await spawnCli(server.dataDir, ['draft', 'repair', id]);
    expect(repaired.stderr).toBe('');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(`${id}: repaired; the state before is Dự thảo lần 1`);
    expect(repaired.stdout).toContain('flattened blocks: 2 (into 2 paragraphs');
    expect(repaired.stdout).toContain('removed attributes: 1, removed marks: 1');
    expect(repaired.stdout).toContain('foreign types emptied: extra');

    server = await bed.restart();
    await checkDone(server);
    expect(server.logs.some((l) => l.msg === 'draft does not fit the editor schema')).toBe(false);
    const editor = bed.connect(id);
    await editor.synced();
    for (const sentence of [HONEST, DEEP, ODD]) expect(fragmentText(editor.doc)).toContain(sentence);
    writeInSection(editor.doc, 'p2-du-bao', 'Sau khi sửa, vẫn soạn tiếp được.');
    const reader = bed.connect(id);
    await waitFor(
      () => fragmentText(reader.doc).includes('Sau khi sửa, vẫn soạn tiếp được.'),
      'an edit after the repair to reach a fresh client',
    );
    expect(editor.provider.wsconnected).toBe(true);
    for (const route of ['/progress', '/comments', '/export?format=md', '/versions/1'])
      expect((await api(server, `/drafts/${id}${route}`, { token })).status, route).toBe(200);
    expect((await api(server, `/drafts/${id}/versions`, { token, body: { note: 'sau sửa' } })).status).toBe(
      201,
    );
  });

  it('says so when a draft has nothing to repair', async () => {
    const server = await bed.start();
    const token = server.workspace.users.editor.token;
    const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const result = await spawnCli(server.dataDir, ['draft', 'repair', id]);
    expect(result).toMatchObject({ code: 0, stdout: `${id}: nothing to repair\n` });
  });
});
