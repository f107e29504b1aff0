import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/drafts/vk-draft-page.ts';
import type { Draft } from '../../../shared/api/drafts.ts';
import { stubEventSource } from '../event-source-stub.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf, type SentRequest } from '../fixture.ts';
import { draft } from '../rounds-data.ts';
import { section, template } from '../sections.ts';
import { DRAFTER } from '../sessions.ts';

// The page's text arrives over the collaboration socket, which these tests do not serve (the
// end-to-end tests do): they check what the page builds from REST around it.

const OUTLINE = template([
  section('s1', 'I.', 'Kết quả thực hiện'),
  section('s2', 'II.', 'Phương hướng, nhiệm vụ'),
]);

/** The REST side of one draft. */
function server(d: Draft | null, status = 200): SentRequest[] {
  stubEventSource();
  return stubFetch((r) => {
    if (r.path === '/api/drafts/d1')
      return d === null ? json(status, { error: { code: 'draft_not_found', message: 'x' } }) : json(200, d);
    if (r.path.startsWith('/api/templates/bao-cao-chinh-tri'))
      return json(200, { template: OUTLINE, versions: [1] });
    if (r.path === '/api/drafts/d1/comments') return json(200, { comments: [], sections: [] });
    if (r.path === '/api/drafts/d1/rounds') return json(200, { rounds: [] });
    return undefined;
  });
}

const page = () => mount('vk-draft-page', { session: DRAFTER, draftId: 'd1' });
/** The title line, once the draft is shown (its own element, vk-draft-header). */
const header = (p: Element) => find(p, 'vk-draft-header');
const shown = (p: Element) => () =>
  expect(p.shadowRoot?.querySelector('vk-draft-header')?.shadowRoot?.querySelector('h1')).toBeInstanceOf(
    HTMLHeadingElement,
  );

describe('vk-draft-page', () => {
  it("shows a drafter the draft's title, status, the outline of its template and the committee's actions", async () => {
    server(draft({ status: 'drafting', templateId: 'bao-cao-chinh-tri', templateVersion: 1 }));
    const p = await page();
    await eventually(shown(p));

    expect(textOf(find(header(p), 'h1'))).toBe('Báo cáo chính trị Đại hội VI');
    expect(textOf(header(p).shadowRoot)).toContain('Lấy ý kiến');
    expect(findAll(header(p), 'button').map(textOf)).toContain('Xuất văn bản');
    const outline = find(p, 'vk-outline');
    await eventually(() =>
      expect(textOf(outline.shadowRoot?.querySelector('nav, ol, ul'))).toContain('Kết quả thực hiện'),
    );
    expect(document.title).toBe('Báo cáo chính trị Đại hội VI — vankien');
  });

  it('tells a reader the text is read-only, without the committee’s actions', async () => {
    server(draft({ access: 'read', status: 'drafting' }));
    const p = await page();
    await eventually(() => expect(p.shadowRoot?.querySelector('vk-editor-notice')).not.toBeNull());

    const notice = find(p, 'vk-editor-notice');
    await eventually(() =>
      expect(textOf(notice.shadowRoot?.querySelector('p'))).toBe('Bạn đang xem dự thảo ở chế độ chỉ đọc.'),
    );
    await eventually(shown(p));
    expect(findAll(header(p), 'button').map(textOf)).not.toContain('Xuất văn bản');
  });

  it('says a draft that is not there (or not the user’s) cannot be found', async () => {
    server(null, 404);
    const p = await page();
    await eventually(() => expect(p.shadowRoot?.querySelector('[role=alert]')).not.toBeNull());

    expect(textOf(find(p, '[role=alert] p'))).toBe('Không tìm thấy dự thảo, hoặc bạn không có quyền xem.');
  });

  it('offers to try again after a server error, and opens the draft when it answers', async () => {
    let fail = true;
    stubEventSource();
    stubFetch((r) => {
      if (r.path === '/api/drafts/d1')
        return fail ? json(500, { error: { code: 'internal_error', message: 'x' } }) : json(200, draft());
      if (r.path === '/api/drafts/d1/comments') return json(200, { comments: [], sections: [] });
      return undefined;
    });
    const p = await page();
    await eventually(() => expect(p.shadowRoot?.querySelector('[role=alert] button')).not.toBeNull());

    fail = false;
    await userEvent.click(find(p, '[role=alert] button'));
    await eventually(shown(p));
  });
});
