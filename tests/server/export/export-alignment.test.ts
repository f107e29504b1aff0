import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { DEFAULT_PROFILE_ID, findProfile } from '../../../shared/export/profiles.ts';
import { buildBody } from '../../../server/export/export-body.ts';
import { pdfBlocks } from '../../../server/export/pdf/pdf-blocks.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { api } from '../../helpers/http-client.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';
import { docxPart, exportDraft, fetchExport, paragraphsWith } from './export-helpers.ts';

const bed = useTestbed();

/** Gives the paragraph holding `text` an alignment, as the editor's TextAlign does. */
function align(doc: Y.Doc, text: string, value: string): void {
  const walk = (node: Y.XmlFragment | Y.XmlElement): boolean => {
    for (const child of node.toArray())
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'paragraph' && child.toJSON().includes(text)) {
          child.setAttribute('textAlign', value);
          return true;
        }
        if (walk(child)) return true;
      }
    return false;
  };
  if (!walk(doc.getXmlFragment(CONTENT_FRAGMENT))) throw new Error(`no paragraph with "${text}"`);
}

describe('paragraph alignment in exports', () => {
  it('DOCX, HTML and Markdown keep a centred, a right-aligned and a justified paragraph; others keep the profile’s', async () => {
    const { server, id, writer } = await exportDraft(bed);
    writeInSection(writer.doc, 'p1-chi-tieu', 'Đoạn căn giữa.');
    writeInSection(writer.doc, 'p1-bai-hoc', 'Đoạn căn phải.');
    writeInSection(writer.doc, 'p2-du-bao', 'Đoạn căn đều.');
    align(writer.doc, 'Đoạn căn giữa.', 'center');
    align(writer.doc, 'Đoạn căn phải.', 'right');
    align(writer.doc, 'Đoạn căn đều.', 'justify');
    const token = server.workspace.users.editor.token;
    await waitForAsync(
      async () =>
        (await (await api(server, `/drafts/${id}/export?format=html`, { token })).text()).includes(
          'text-align:right',
        ),
      'the alignment on the server',
    );

    const docx = docxPart(new Uint8Array(await (await fetchExport(server, id, 'format=docx')).arrayBuffer()));
    const jc = (text: string) => /<w:jc w:val="(\w+)"\/>/.exec(paragraphsWith(docx, text)[0] ?? '')?.[1];
    expect(jc('Đoạn căn giữa.')).toBe('center');
    expect(jc('Đoạn căn phải.')).toBe('right');
    expect(jc('Đoạn căn đều.')).toBe('both');
    // A centred line has no first-line indent pushing it off centre.
    expect(paragraphsWith(docx, 'Đoạn căn giữa.')[0]).toMatch(/<w:ind w:firstLine="0"\/>/);

    const html = await (await fetchExport(server, id, 'format=html')).text();
    expect(html).toMatch(/text-align:center[^"]*;text-indent:0mm">Đoạn căn giữa\./);
    expect(html).toMatch(/text-align:right[^"]*">Đoạn căn phải\./);
    expect(html).toMatch(/text-align:justify[^"]*">Đoạn căn đều\./);

    const md = await (await fetchExport(server, id, 'format=md')).text();
    expect(md).toContain('<div align="center">\n\nĐoạn căn giữa.\n\n</div>');
    expect(md).toContain('<div align="right">\n\nĐoạn căn phải.\n\n</div>');
  });

  it('PDF: the writer’s alignment replaces the profile’s, and centred lines lose the first-line indent', () => {
    const profile = findProfile(DEFAULT_PROFILE_ID)!;
    const para = (text: string, textAlign?: string) => ({
      type: 'paragraph',
      ...(textAlign === undefined ? {} : { attrs: { textAlign } }),
      content: [{ type: 'text', text }],
    });
    const { blocks } = buildBody(
      { type: 'doc', content: [para('Giữa', 'center'), para('Phải', 'right'), para('Mặc định')] },
      new Map(),
      [],
    );
    // The paragraphs' nodes (the last keeps with the signature through a node of its own).
    const content = (pdfBlocks(profile, blocks) as { alignment?: string; leadingIndent?: number }[]).filter(
      (c) => c.leadingIndent !== undefined,
    );
    expect(content.map((c) => c.alignment)).toEqual(['center', 'right', profile.elements.body.align]);
    expect(content.map((c) => c.leadingIndent! > 0)).toEqual([false, false, true]);
  });
});
