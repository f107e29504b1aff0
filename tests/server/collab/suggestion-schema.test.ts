import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SchemaRule } from '../../../server/collab/core/schema-rule.ts';
import { draftSchema, draftToJSON } from '../../../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { api } from '../../helpers/http-client.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const rule = new SchemaRule(draftSchema());

const BY_AN = {
  id: 's-1',
  authorId: '7',
  authorName: 'Nguyễn Văn An',
  createdAt: '2026-12-09T08:00:00.000Z',
};

/** A paragraph as y-tiptap writes a proposal: original text, a struck word, an inserted one. */
function proposal(content: Y.XmlFragment, marks: Record<string, unknown> = {}): void {
  const p = new Y.XmlElement('paragraph');
  content.push([p]);
  const text = new Y.XmlText();
  p.insert(0, [text]);
  text.insert(0, 'Nhiệm kỳ ');
  text.insert(9, '2020-2025', { suggestionDelete: BY_AN, ...marks });
  text.insert(18, '2025-2030', { suggestionInsert: BY_AN });
  text.insert(27, '.', {});
}

function verdict(build: (content: Y.XmlFragment) => void): string | null {
  const doc = new Y.Doc();
  build(doc.getXmlFragment(CONTENT_FRAGMENT));
  return rule.check(doc, new Map());
}

describe('suggestion marks in the schema the server checks', () => {
  it('accepts proposed insertions and deletions with their author, overlapping too, and reads them back', () => {
    expect(verdict((c) => proposal(c))).toBeNull();
    expect(verdict((c) => proposal(c, { suggestionInsert: { ...BY_AN, id: 's-2' } }))).toBeNull();
    const doc = new Y.Doc();
    proposal(doc.getXmlFragment(CONTENT_FRAGMENT));
    const [para] = draftToJSON(doc).content ?? [];
    expect(para?.content?.map((t) => [t.text, t.marks?.map((m) => m.type) ?? []])).toEqual([
      ['Nhiệm kỳ ', []],
      ['2020-2025', ['suggestionDelete']],
      ['2025-2030', ['suggestionInsert']],
      ['.', []],
    ]);
  });

  it('refuses a suggestion mark with an unknown attribute or a non-text author', () => {
    expect(verdict((c) => proposal(c, { suggestionDelete: { ...BY_AN, colour: 'red' } }))).toBe(
      'unknown attribute "colour" on mark "suggestionDelete"',
    );
    expect(verdict((c) => proposal(c, { suggestionDelete: { ...BY_AN, authorId: 7 } }))).toBe(
      'bad value of attribute "authorId" on mark "suggestionDelete"',
    );
  });

  it("a drafter's proposal is stored and reaches the others over the wire", async () => {
    const server = await bed.start();
    const token = server.workspace.users.editor.token;
    const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const drafter = bed.connect(id);
    await drafter.synced();
    proposal(drafter.doc.getXmlFragment(CONTENT_FRAGMENT));
    const probe = bed.connect(id);
    await waitFor(
      () => JSON.stringify(probe.doc.getXmlFragment(CONTENT_FRAGMENT).toJSON()).includes('suggestionInsert'),
      'the proposal on a fresh client',
    );
    expect(drafter.provider.wsconnected).toBe(true);
    const stored = await readServerDoc(server, id);
    expect(JSON.stringify(draftToJSON(stored))).toContain('"authorName":"Nguyễn Văn An"');
    stored.destroy();
  });
});
