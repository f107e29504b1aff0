import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { draftToJSON, draftUpdateFromJSON } from '../../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';

const outline: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'BÁO CÁO CHÍNH TRỊ' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Phần thứ nhất: ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'kết quả thực hiện' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Công tác chính trị' }] }],
        },
      ],
    },
  ],
};

describe('the shared editor schema on the server (no DOM)', () => {
  it('a draft seeded from ProseMirror JSON reads back as the same JSON', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, draftUpdateFromJSON(outline));
    const json = draftToJSON(doc);
    expect(json.type).toBe('doc');
    expect(json.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    expect(JSON.stringify(json)).toContain('kết quả thực hiện');
    expect(json.content?.[1]?.content?.[1]?.marks).toMatchObject([{ type: 'bold' }]);
    expect(json.content?.[2]?.type).toBe('bulletList');
  });

  it('text typed by a plain Yjs client converts to paragraphs', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Đảng bộ')]);
    doc.getXmlFragment(CONTENT_FRAGMENT).insert(0, [paragraph]);
    expect(draftToJSON(doc)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đảng bộ' }] }],
    });
  });

  it('content outside the schema is rejected when read', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(CONTENT_FRAGMENT).insert(0, [new Y.XmlElement('script')]);
    expect(() => draftToJSON(doc)).toThrow();
  });
});
