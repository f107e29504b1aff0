import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/export/vk-export-dialog.ts';
import {
  captureEvents,
  eventually,
  find,
  findAll,
  json,
  mount,
  settle,
  stubFetch,
  textOf,
} from '../fixture.ts';

/** Draft d1 with no versions or rounds and two proposals pending; the download answers a small file. */
function api() {
  return stubFetch((r) => {
    if (r.path === '/api/drafts/d1/versions') return json(200, { versions: [], restores: [] });
    if (r.path === '/api/drafts/d1/rounds') return json(200, { rounds: [] });
    if (r.path === '/api/drafts/d1/exports') return json(200, { exports: [] });
    if (r.path.startsWith('/api/drafts/d1/export/check'))
      return json(200, { fileName: 'x.docx', profile: 'hd36-2018', warnings: [], pendingSuggestions: 2 });
    if (r.path.startsWith('/api/drafts/d1/export?'))
      return new Response(new Uint8Array(16), {
        headers: {
          'content-type': 'application/octet-stream',
          'content-disposition': 'attachment; filename="x.docx"',
        },
      });
    return undefined;
  });
}

describe('vk-export-dialog and pending proposals', () => {
  it('says pending proposals are left out, and asks for them marked when the box is ticked', async () => {
    const sent = api();
    const dialog = await mount('vk-export-dialog', { draftId: 'd1' });
    await dialog.show();
    await settle(dialog);
    expect(textOf(find(dialog, '.suggestions p'))).toBe(
      '2 đề xuất chưa được duyệt: bản xuất giữ văn bản gốc, chưa áp dụng đề xuất.',
    );
    expect(findAll(dialog, '[name="suggestions"]')).toHaveLength(1);
    await userEvent.click(find(dialog, '[name="suggestions"]'));
    const events = captureEvents('vk-draft-exported');
    await userEvent.click(find(dialog, 'button[type="submit"]'));
    await eventually(() => expect(events).toHaveLength(1));
    expect(sent.map((r) => r.path)).toContain(
      '/api/drafts/d1/export?format=docx&kind=working&suggestions=marked',
    );
  });
});
