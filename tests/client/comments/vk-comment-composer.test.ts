import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SelectionAnchor } from '../../../client/comments/anchor-from-selection.ts';
import '../../../client/comments/vk-comment-composer.ts';
import type { ComposerTarget } from '../../../client/comments/vk-comment-composer.ts';
import { COMMENT_LIMITS } from '../../../shared/limits.ts';
import { comment } from '../comments-data.ts';
import { captureEvents, eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';

const ANCHOR: SelectionAnchor = {
  sectionId: 's1',
  start: 'AAwoAA==', // item 12:40
  end: 'AAwvAA==', // item 12:47
  quote: 'kinh tế',
  singleBlock: true,
};
const RANGE: ComposerTarget = { type: 'range', anchor: ANCHOR };

async function composer(target: ComposerTarget = RANGE, kind: 'comment' | 'suggestion' = 'comment') {
  return mount('vk-comment-composer', { draftId: 'd1', target, kind });
}

const field = (c: Element, id: string) => find<HTMLTextAreaElement>(c, `textarea#${id}`);
const send = (c: Element) => find<HTMLButtonElement>(c, 'button[type="submit"]');

describe('vk-comment-composer', () => {
  it('shows the quote, takes the cursor, and sends a comment on the selected range with Ctrl+Enter', async () => {
    const sent = stubFetch((r) => (r.method === 'POST' ? json(201, comment(9)) : undefined));
    const created = captureEvents('vk-comment-created');
    const c = await composer();

    expect(textOf(find(c, 'blockquote.quote'))).toBe('kinh tế');
    expect(c.shadowRoot!.activeElement).toBe(field(c, 'body'));
    expect(send(c).disabled).toBe(true);

    await userEvent.type(field(c, 'body'), '  Cần nêu rõ số liệu.  ');
    expect(textOf(find(c, '#body-count'))).toBe(`19/${COMMENT_LIMITS.bodyMax}`);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');

    await eventually(() => expect(created).toHaveLength(1));
    expect(created[0]!.comment.id).toBe(9);
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/api/drafts/d1/comments',
        {
          kind: 'comment',
          body: 'Cần nêu rõ số liệu.',
          sectionId: 's1',
          start: ANCHOR.start,
          end: ANCHOR.end,
        },
      ],
    ]);
  });

  it('writes a suggestion from the quoted text, sendable once the text is changed, the reason optional', async () => {
    const sent = stubFetch(() => json(201, comment(9, { kind: 'suggestion' })));
    const c = await composer();

    await userEvent.click(find(c, 'button[aria-pressed="false"]'));
    expect(find(c, 'button[aria-pressed="true"]').textContent?.trim()).toBe('Đề xuất sửa');
    expect(field(c, 'replacement').value).toBe('kinh tế');
    expect(textOf(find(c, 'label[for="body"]'))).toBe('Lý do (không bắt buộc)');
    expect(send(c).disabled).toBe(true); // a change of nothing

    await userEvent.clear(field(c, 'replacement'));
    await userEvent.type(field(c, 'replacement'), 'kinh tế số');
    await userEvent.click(send(c));

    await eventually(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toMatchObject({ kind: 'suggestion', body: '', replacement: 'kinh tế số' });
  });

  it('offers no suggestion for a selection across paragraphs', async () => {
    stubFetch(() => undefined);
    const c = await composer({ type: 'range', anchor: { ...ANCHOR, singleBlock: false } }, 'suggestion');

    const [asComment, asSuggestion] = findAll<HTMLButtonElement>(c, '[role="group"] button');
    expect(asSuggestion!.disabled).toBe(true);
    expect(asComment!.getAttribute('aria-pressed')).toBe('true');
    expect(findAll(c, 'textarea#replacement')).toEqual([]);
    expect(textOf(find(c, '.hint'))).toBe('Đề xuất sửa chỉ dùng cho văn bản trong một đoạn.');
  });

  it('comments on a whole section: names it and sends only the section id', async () => {
    const sent = stubFetch(() => json(201, comment(9)));
    const c = await composer({ type: 'section', sectionId: 's2', title: 'II. Xây dựng Đảng' });

    expect(textOf(find(c, 'p.muted'))).toBe('Góp ý cho cả mục: II. Xây dựng Đảng');
    expect(findAll(c, '[role="group"]')).toEqual([]);
    await userEvent.type(field(c, 'body'), 'Mục này còn sơ sài.');
    await userEvent.click(send(c));

    await eventually(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({ kind: 'comment', body: 'Mục này còn sơ sài.', sectionId: 's2' });
  });

  it('counts characters against the limit and will not send past it', async () => {
    const sent = stubFetch(() => undefined);
    const c = await composer();

    field(c, 'body').value = 'a'.repeat(COMMENT_LIMITS.bodyMax + 1);
    field(c, 'body').dispatchEvent(new Event('input'));
    await c.updateComplete;

    expect(find(c, '#body-count').classList.contains('over')).toBe(true);
    expect(send(c).disabled).toBe(true);
    field(c, 'body').focus();
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(sent).toEqual([]);
  });

  it('cancels with Escape or the button', async () => {
    stubFetch(() => undefined);
    const cancelled = captureEvents('vk-comment-cancelled');
    const c = await composer();

    await userEvent.keyboard('{Escape}');
    await userEvent.click(find(c, 'button[type="button"]:not([aria-pressed])'));

    expect(cancelled).toHaveLength(2);
  });

  it('says why the server refused, by code', async () => {
    stubFetch(() => json(400, { error: { code: 'suggestion_span', message: 'span' } }));
    const created = captureEvents('vk-comment-created');
    const c = await composer();

    await userEvent.type(field(c, 'body'), 'Góp ý');
    await userEvent.click(send(c));

    await eventually(() =>
      expect(textOf(find(c, '[role="alert"]'))).toBe(
        'Đề xuất sửa chỉ áp dụng cho đoạn chọn nằm trong một đoạn văn.',
      ),
    );
    expect(created).toEqual([]);
    expect(field(c, 'body').value).toBe('Góp ý');
  });
});
