import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { api } from '../../helpers/http-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { headingIndex } from '../drafts/draft-text-helpers.ts';
import { docxPart, errorCode, exportDraft, textOf } from './export-helpers.ts';

const bed = useTestbed();
const SECTION = 'p1-chi-tieu';
const AN = { id: 's-1', authorId: '7', authorName: 'Nguyễn Văn An', createdAt: '2026-12-09T08:00:00.000Z' };

/** A replacement proposed in suggesting mode: "Nhiệm kỳ [vừa qua struck][sắp tới added] của Đảng bộ." */
function writeProposal(doc: Y.Doc): void {
  doc.transact(() => {
    const paragraph = doc
      .getXmlFragment(CONTENT_FRAGMENT)
      .get(headingIndex(doc, SECTION) + 1) as Y.XmlElement;
    const run = new Y.XmlText();
    paragraph.insert(0, [run]);
    run.insert(0, 'Nhiệm kỳ ', {});
    run.insert(run.length, 'vừa qua', { suggestionDelete: AN });
    run.insert(run.length, 'sắp tới', { suggestionInsert: AN });
    run.insert(run.length, ' của Đảng bộ.', {});
  });
}

async function get(server: TestServer, id: string, query: string): Promise<Response> {
  return api(server, `/drafts/${id}/export?${query}`, { token: server.workspace.users.editor.token });
}

/** Waits until the server holds the proposal: its preflight counts it. */
async function proposalOnServer(server: TestServer, id: string): Promise<void> {
  const token = server.workspace.users.editor.token;
  await waitForAsync(async () => {
    const check = (await (await api(server, `/drafts/${id}/export/check`, { token })).json()) as {
      pendingSuggestions: number;
    };
    return check.pendingSuggestions === 1;
  }, 'the proposal counted by the export preflight');
}

function pdfText(file: Uint8Array): string {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vk-sugg-')), 'x.pdf');
  fs.writeFileSync(tmp, file);
  return execFileSync('pdftotext', [tmp, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('pending proposals in exports', () => {
  it('by default every format prints the text as it was before the proposals', async () => {
    const { server, id, writer } = await exportDraft(bed);
    writeProposal(writer.doc);
    await proposalOnServer(server, id);
    const md = await (await get(server, id, 'format=md')).text();
    expect(md).toContain('Nhiệm kỳ vừa qua của Đảng bộ.');
    expect(md).not.toContain('sắp tới của');
    const html = await (await get(server, id, 'format=html')).text();
    expect(html).toContain('Nhiệm kỳ vừa qua của Đảng bộ.');
    expect(html).not.toMatch(/<ins|<del/);
    const xml = docxPart(new Uint8Array(await (await get(server, id, 'format=docx')).arrayBuffer()));
    expect(textOf(xml)).toContain('Nhiệm kỳ vừa qua của Đảng bộ.');
    expect(xml).not.toMatch(/<w:ins |<w:del /);
    const pdf = pdfText(new Uint8Array(await (await get(server, id, 'format=pdf')).arrayBuffer()));
    expect(pdf).toContain('Nhiệm kỳ vừa qua của Đảng bộ.');
  });

  it('asked for, the proposals show marked with their author: Word revisions in DOCX, struck and underlined elsewhere', async () => {
    const { server, id, writer } = await exportDraft(bed);
    writeProposal(writer.doc);
    await proposalOnServer(server, id);
    const md = await (await get(server, id, 'format=md&suggestions=marked')).text();
    expect(md).toContain('Nhiệm kỳ ~~vừa qua~~<ins>sắp tới</ins> của Đảng bộ.');
    const html = await (await get(server, id, 'format=html&suggestions=marked')).text();
    expect(html).toMatch(/<del style="color:#a61b1b" title="Nguyễn Văn An"[^>]*>vừa qua<\/del>/);
    expect(html).toMatch(/<ins style="color:#1d6b2a" title="Nguyễn Văn An"[^>]*>sắp tới<\/ins>/);
    const response = await get(server, id, 'format=docx&suggestions=marked');
    expect(response.headers.get('content-disposition')).toContain('co-de-xuat');
    const xml = docxPart(new Uint8Array(await response.arrayBuffer()));
    expect(xml).toMatch(/<w:del [^>]*w:author="Nguyễn Văn An"[^>]*>.*?<w:delText[^>]*>vừa qua<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Nguyễn Văn An"[^>]*>.*?<w:t[^>]*>sắp tới<\/w:t>/s);
    const pdf = pdfText(
      new Uint8Array(await (await get(server, id, 'format=pdf&suggestions=marked')).arrayBuffer()),
    );
    expect(pdf).toContain('Nhiệm kỳ vừa quasắp tới của Đảng bộ.');
  });

  it('the final text never shows proposals', async () => {
    const { server, id } = await exportDraft(bed);
    const response = await get(server, id, 'format=docx&kind=final&suggestions=marked');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(['validation_failed', 'export_final_forbidden', 'export_not_final']).toContain(
      await errorCode(response),
    );
  });
});
