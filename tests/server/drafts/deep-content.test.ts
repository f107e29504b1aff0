import fs from 'node:fs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftContentError, draftToJSON, draftUpdateFromJSON } from '../../../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { DraftTextMap } from '../../../server/comments/draft-text-map.ts';
import { templateToDoc } from '../../../server/drafts/draft-seed.ts';
import { sectionProgress } from '../../../server/drafts/section-progress.ts';
import { sectionAuthors } from '../../../server/revision-log/section-authors.ts';
import { parseTemplate } from '../../../server/templates/template-file.ts';

const FILE = 'templates/bao-cao-chinh-tri-dang-bo-co-so-2025-2030.json';
const template = parseTemplate(fs.readFileSync(FILE, 'utf8'), FILE);

/** A template draft with 10 000 nested blockquotes appended, as an earlier build let one in. */
function brokenDraft(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, draftUpdateFromJSON(templateToDoc(template)));
  doc.transact(() => {
    let outer: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment(CONTENT_FRAGMENT);
    for (let i = 0; i < 10_000; i++) {
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      outer.insert(outer.length, [quote]);
      outer = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('chữ ở đáy')]);
    outer.insert(0, [paragraph]);
  });
  return doc;
}

describe('readers of a draft survive nesting an earlier build let in', () => {
  it('section progress, the comments text map and section authors walk 10 000 levels without overflowing', () => {
    const doc = brokenDraft();
    expect(sectionProgress(doc, template).length).toBeGreaterThan(0);
    expect(new DraftTextMap(doc).text).toContain('chữ ở đáy');
    expect(() => sectionAuthors(doc, new Map(), new Map([[doc.clientID, 1]]))).not.toThrow();
  });

  it('reading the draft as ProseMirror JSON answers with a DraftContentError, not a stack overflow', () => {
    expect(() => draftToJSON(brokenDraft())).toThrow(DraftContentError);
  });

  it('a valid draft reads as the same JSON as y-tiptap gives', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, draftUpdateFromJSON(templateToDoc(template)));
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment(CONTENT_FRAGMENT).push([paragraph]);
    text.insert(0, 'Đảng bộ ', {});
    text.insert(8, 'lãnh đạo', { bold: {}, link: { href: 'https://example.vn', target: null } });
    expect(draftToJSON(doc)).toEqual(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(CONTENT_FRAGMENT)));
  });
});
