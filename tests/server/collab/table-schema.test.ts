import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SchemaRule } from '../../../server/collab/core/schema-rule.ts';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { draftSchema, draftToJSON } from '../../../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { api } from '../../helpers/http-client.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor } from '../../helpers/wait.ts';
import { RESULTS_TABLE, tableElement } from '../drafts/table-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const rule = new SchemaRule(draftSchema());

/** What the rule says of one transaction on a fresh document (null: accepted). */
function verdict(build: (content: Y.XmlFragment) => void): string | null {
  const doc = new Y.Doc();
  build(doc.getXmlFragment(CONTENT_FRAGMENT));
  return rule.check(doc, new Map());
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** A one-cell table whose cell gets `attrs`. */
function cellWith(attrs: Record<string, unknown>): (content: Y.XmlFragment) => void {
  return (content) => {
    const table = tableElement([['ô']]);
    content.push([table]);
    const cell = (table.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    for (const [key, value] of Object.entries(attrs)) cell.setAttribute(key, value as string);
  };
}

describe('tables, underline and alignment in the schema the server checks', () => {
  it('accepts a table as the editor writes it: header row, merged cells, column widths, cell and paragraph alignment, underline', () => {
    expect(verdict((content) => content.push([tableElement(RESULTS_TABLE)]))).toBeNull();
    expect(verdict(cellWith({ colwidth: [120, 0], colspan: 2, align: 'center' }))).toBeNull();
    for (const align of ['left', 'center', 'right', 'justify'])
      expect(
        verdict((content) => {
          const p = paragraph('căn lề');
          p.setAttribute('textAlign', align);
          content.push([p]);
        }),
      ).toBeNull();
    expect(
      verdict((content) => {
        const p = new Y.XmlElement('paragraph');
        content.push([p]);
        const text = new Y.XmlText();
        p.insert(0, [text]);
        text.insert(0, 'gạch chân', { underline: {} });
      }),
    ).toBeNull();
    // And the JSON readers of the server take it whole.
    const doc = new Y.Doc();
    doc.getXmlFragment(CONTENT_FRAGMENT).push([tableElement(RESULTS_TABLE)]);
    expect(JSON.stringify(draftToJSON(doc))).toContain('"colspan":3');
  });

  const malformed: [string, (content: Y.XmlFragment) => void, string][] = [
    [
      'a cell outside a row',
      (c) => c.push([new Y.XmlElement('tableCell')]),
      '"tableCell" is not allowed inside "doc"',
    ],
    [
      'a paragraph straight in a table',
      (c) => {
        const table = new Y.XmlElement('table');
        c.push([table]);
        table.push([paragraph('lạc chỗ')]);
      },
      '"paragraph" is not allowed inside "table"',
    ],
    ['a colspan of zero', cellWith({ colspan: 0 }), 'bad value of attribute "colspan" on "tableCell"'],
    ['a colspan that is text', cellWith({ colspan: '2' }), 'bad value of attribute "colspan" on "tableCell"'],
    [
      'a rowspan past the bound',
      cellWith({ rowspan: 100_000 }),
      'bad value of attribute "rowspan" on "tableCell"',
    ],
    [
      'column widths that are text',
      cellWith({ colwidth: '120' }),
      'bad value of attribute "colwidth" on "tableCell"',
    ],
    [
      'a negative column width',
      cellWith({ colwidth: [-5] }),
      'bad value of attribute "colwidth" on "tableCell"',
    ],
    [
      'a cell aligned "justify"',
      cellWith({ align: 'justify' }),
      'bad value of attribute "align" on "tableCell"',
    ],
    [
      'an unknown cell attribute',
      cellWith({ style: 'color:red' }),
      'unknown attribute "style" on "tableCell"',
    ],
    [
      'an unknown paragraph alignment',
      (c) => {
        const p = paragraph('lệch');
        p.setAttribute('textAlign', 'middle');
        c.push([p]);
      },
      'bad value of attribute "textAlign" on "paragraph"',
    ],
  ];

  it.each(malformed)('refuses %s', (_, build, reason) => {
    expect(verdict(build)).toBe(reason);
  });

  it('a table typed by one drafter is stored and reaches the others; a malformed table closes the sender and is never stored', async () => {
    const server = await bed.start();
    const token = server.workspace.users.editor.token;
    const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id } = (await created.json()) as { id: string };
    const honest = bed.connect(id);
    const attacker = bed.connect(id, { as: 'coeditor' });
    await Promise.all([honest.synced(), attacker.synced()]);

    honest.doc.getXmlFragment(CONTENT_FRAGMENT).push([tableElement(RESULTS_TABLE)]);
    const probe = bed.connect(id);
    await waitFor(
      () =>
        JSON.stringify(probe.doc.getXmlFragment(CONTENT_FRAGMENT).toJSON()).includes('Kết nạp đảng viên mới'),
      'the table on a fresh client',
    );
    expect(honest.provider.wsconnected).toBe(true);

    const closed = new Promise<number>((resolve) =>
      attacker.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    );
    attacker.doc.transact(() => {
      const table = tableElement([['BẢNG-HỎNG']]);
      attacker.doc.getXmlFragment(CONTENT_FRAGMENT).push([table]);
      ((table.get(0) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute('colspan', 'mọi cột');
    });
    expect(await closed).toBe(CloseCode.ContentRejected);
    expect(server.logs.find((l) => l.fields.code === 'invalid_content')?.fields.detail).toBe(
      'bad value of attribute "colspan" on "tableCell"',
    );
    const stored = await readServerDoc(server, id);
    const json = JSON.stringify(stored.getXmlFragment(CONTENT_FRAGMENT).toJSON());
    expect(json).toContain('Kết nạp đảng viên mới');
    expect(json).not.toContain('BẢNG-HỎNG');
    stored.destroy();
    for (const format of ['md', 'docx', 'html'])
      expect((await api(server, `/drafts/${id}/export?format=${format}`, { token })).status, format).toBe(
        200,
      );
  });
});
