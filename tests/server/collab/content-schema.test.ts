import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { CONTENT_LIMITS } from '../../../shared/limits.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import { fragmentText } from '../../helpers/collab-client.ts';
import { api } from '../../helpers/http-client.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { waitFor } from '../../helpers/wait.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const HONEST = 'Tổng thu ngân sách đạt 105% kế hoạch.';

async function draftWithEditors() {
  const server = await bed.start();
  const token = server.workspace.users.editor.token;
  const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
  const { id } = (await created.json()) as { id: string };
  const honest = bed.connect(id);
  const attacker = bed.connect(id, { as: 'coeditor' });
  await Promise.all([honest.synced(), attacker.synced()]);
  return { server, id, honest, attacker };
}

/** Resolves with the close code the server ends `client`'s connection with. */
function closeCodeOf(client: CollabClient): Promise<number> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event) => resolve(event?.code ?? -1));
  });
}

/** Appends a fresh node tree (built by `build`) to the attacker's content, in one transaction. */
function send(client: CollabClient, build: (doc: Y.Doc) => void): Promise<number> {
  const closed = closeCodeOf(client);
  client.doc.transact(() => build(client.doc));
  return closed;
}

function paragraph(text: string, name = 'paragraph'): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** The honest editor still writes, its peers and a fresh client see it, and nothing of the attack was stored. */
async function expectUsable(server: TestServer, id: string, honest: CollabClient, marker: string) {
  writeInSection(honest.doc, 'p1-chi-tieu', HONEST);
  const probe = bed.connect(id);
  await waitFor(() => fragmentText(probe.doc).includes(HONEST), 'a fresh client to see the honest edit');
  expect(honest.provider.wsconnected).toBe(true);
  expect(fragmentText(probe.doc)).not.toContain(marker);
  expect([...probe.doc.share.keys()]).toEqual([CONTENT_FRAGMENT]);
  const stored = await readServerDoc(server, id);
  expect(JSON.stringify(stored.getXmlFragment(CONTENT_FRAGMENT).toJSON())).not.toContain(marker);
  expect([...stored.share.keys()]).toEqual([CONTENT_FRAGMENT]);
  stored.destroy();
  const token = server.workspace.users.editor.token;
  for (const route of ['/progress', '/comments', '/export?format=md', '/export?format=docx'])
    expect((await api(server, `/drafts/${id}${route}`, { token })).status, route).toBe(200);
}

describe('the server accepts only documents the editor can show', () => {
  it('refuses 10 000 nested blockquotes with the content close code, and the draft stays usable', async () => {
    const { server, id, honest, attacker } = await draftWithEditors();
    // Built level by level (Yjs integrates a prepared tree recursively, and that overflows here).
    const code = await send(attacker, (doc) => {
      let outer: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment(CONTENT_FRAGMENT);
      for (let i = 0; i < 10_000; i++) {
        const quote: Y.XmlElement = new Y.XmlElement('blockquote');
        outer.insert(outer.length, [quote]);
        outer = quote;
      }
      outer.insert(0, [paragraph('ĐÁY-SÂU')]);
    });
    expect(code).toBe(CloseCode.ContentRejected);
    await expectUsable(server, id, honest, 'ĐÁY-SÂU');
    const refusal = server.logs.find((l) => l.fields.code === 'invalid_content');
    expect(refusal?.fields.detail).toBe(`nesting deeper than ${CONTENT_LIMITS.maxDepth}`);
  });

  it('accepts nesting up to the depth limit and refuses one level more', async () => {
    const { honest, attacker } = await draftWithEditors();
    const nest = (levels: number) => {
      // A quote holding a quote…: the innermost paragraph sits at depth `levels`.
      let inner = paragraph('sâu vừa phải');
      for (let i = 1; i < levels; i++) {
        const quote = new Y.XmlElement('blockquote');
        quote.insert(0, [inner]);
        inner = quote;
      }
      return inner;
    };
    honest.doc.getXmlFragment(CONTENT_FRAGMENT).push([nest(CONTENT_LIMITS.maxDepth)]);
    const probe = bed.connect(honest.provider.roomname);
    const blocks = honest.doc.getXmlFragment(CONTENT_FRAGMENT).length;
    await waitFor(
      () => probe.doc.getXmlFragment(CONTENT_FRAGMENT).length === blocks,
      'the quote at the depth limit to reach a fresh client',
    );
    expect(honest.provider.wsconnected).toBe(true);
    const code = await send(attacker, (doc) =>
      doc.getXmlFragment(CONTENT_FRAGMENT).push([nest(CONTENT_LIMITS.maxDepth + 1)]),
    );
    expect(code).toBe(CloseCode.ContentRejected);
  });

  const attacks: [string, (doc: Y.Doc) => void][] = [
    ['an unknown node name', (doc) => doc.getXmlFragment(CONTENT_FRAGMENT).push([paragraph('LẠ', 'script')])],
    [
      'an unknown mark',
      (doc) => {
        const p = paragraph('');
        doc.getXmlFragment(CONTENT_FRAGMENT).push([p]);
        (p.get(0) as Y.XmlText).insert(0, 'LẠ', { blink: {} });
      },
    ],
    [
      'a bad attribute',
      (doc) => {
        const heading = paragraph('LẠ', 'heading');
        heading.setAttribute('onclick', 'alert(1)');
        doc.getXmlFragment(CONTENT_FRAGMENT).push([heading]);
      },
    ],
    [
      'a bad attribute value',
      (doc) => {
        const heading = paragraph('LẠ', 'heading');
        heading.setAttribute('level', 99 as unknown as string);
        doc.getXmlFragment(CONTENT_FRAGMENT).push([heading]);
      },
    ],
    [
      'a node where the schema does not allow it',
      (doc) => doc.getXmlFragment(CONTENT_FRAGMENT).push([paragraph('LẠ', 'listItem')]),
    ],
    ['a foreign top-level type', (doc) => doc.getMap('LẠ').set('LẠ', 'LẠ')],
  ];

  it.each(attacks)('refuses %s and keeps the draft usable', async (_, build) => {
    const { server, id, honest, attacker } = await draftWithEditors();
    expect(await send(attacker, build)).toBe(CloseCode.ContentRejected);
    await expectUsable(server, id, honest, 'LẠ');
  });
});
