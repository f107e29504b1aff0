import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { anchorFromSelection } from '../../../client/comments/anchor-from-selection.ts';
import { setCommentAnchors } from '../../../client/comments/comment-anchors.ts';
import type { CommentThread } from '../../../client/comments/comments-controller.ts';
import type { VkCommentComposer } from '../../../client/comments/vk-comment-composer.ts';
import '../../../client/comments/vk-comment-sidebar.ts';
import type { VkCommentSidebar } from '../../../client/comments/vk-comment-sidebar.ts';
import { flattenSections } from '../../../client/editor/sections.ts';
import type { Comment } from '../../../shared/api/comments.ts';
import { anchoredEditor, comment, positionOf, selectText, thread } from '../comments-data.ts';
import { captureEvents, eventually, find, findAll, mount, stubFetch, textOf, viewport } from '../fixture.ts';
import { section, template } from '../sections.ts';

const SECTIONS = flattenSections(
  template([section('s1', 'I.', 'Kinh tế'), section('s2', 'II.', 'Xây dựng Đảng')]).sections,
);
const FILLER = '<p>Đoạn văn giữ chỗ để các góp ý cách xa nhau trên trang.</p>'.repeat(6);
const TEXT =
  `<h2 data-section-id="s1">I. Kinh tế</h2><p>Phát triển kinh tế nhanh và bền vững.</p>${FILLER}` +
  `<h2 data-section-id="s2">II. Xây dựng Đảng</h2><p>Nâng cao năng lực lãnh đạo.</p>${FILLER}`;

/** Three threads of draft d1: two organisations, one suggestion, one answered. */
const THREADS: CommentThread[] = [
  thread(comment(1)),
  thread(comment(2, { orgId: 22, orgName: 'Đoàn Thanh niên', kind: 'suggestion', replacement: 'x' })),
  thread(
    comment(3, {
      anchor: { sectionId: 's2', quote: '', prefix: '', suffix: '', start: null, end: null },
      disposition: {
        value: 'noted',
        note: '',
        by: 7,
        byName: null,
        at: '2026-03-06T09:00:00.000Z',
        appliedAt: null,
        textRemoved: false,
      },
    }),
  ),
];

const ids = (s: Element) => findAll(s, 'ol > li').map((li) => Number(li.dataset.id));

async function sidebar(properties: Partial<VkCommentSidebar> = {}) {
  stubFetch(() => undefined);
  return mount('vk-comment-sidebar', {
    draftId: 'd1',
    threads: THREADS,
    sections: SECTIONS,
    selfId: 31,
    ...properties,
  });
}

/** The text on the left and the sidebar beside it, as the docked side panel sits; comments anchored in the text. */
async function besideText(threads: (anchor: (text: string) => Comment['anchor']) => CommentThread[]) {
  await viewport(1280, 700);
  const { editor } = anchoredEditor(TEXT, { editable: false });
  const anchor = (text: string) => {
    selectText(editor, text);
    const a = anchorFromSelection(editor.state)!;
    return { sectionId: a.sectionId, quote: text, prefix: '', suffix: '', start: a.start, end: a.end };
  };
  const list = threads(anchor);
  setCommentAnchors(
    editor,
    list.map((t) => ({ id: t.root.id, kind: t.root.kind, anchor: t.root.anchor! })),
    null,
  );
  const frame = document.createElement('div');
  frame.style.cssText = 'display:grid;grid-template-columns:1fr 320px;gap:16px;align-items:start';
  document.body.append(frame);
  frame.append(editor.view.dom.parentElement!);
  const s = await sidebar({ threads: list, editor });
  frame.append(s);
  return { editor, s };
}

const topOf = (el: Element) => el.getBoundingClientRect().top;

describe('vk-comment-sidebar', () => {
  it('lists the threads with their count, or says there are none', async () => {
    const s = await sidebar();
    expect(textOf(find(s, 'h2'))).toBe('Góp ý (3)');
    expect(ids(s)).toEqual([1, 2, 3]);
    expect(findAll(s, 'vk-comment-thread')).toHaveLength(3);
    expect(find(s, 'ol').getAttribute('aria-labelledby')).toBe('comments-title');
    // A whole-section comment says which section.
    expect(textOf(find(s, 'li[data-id="3"] .section-label'))).toBe('II. Xây dựng Đảng');

    const empty = await sidebar({ threads: [] });
    expect(textOf(find(empty, '.empty'))).toBe('Chưa có góp ý nào.');
    const failed = await sidebar({ threads: [], error: 'network_error' });
    expect(textOf(find(failed, '[role="alert"]'))).toBe(
      'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    );
    expect(findAll(failed, '.empty')).toEqual([]);
  });

  it('filters by section, organisation, kind and answer ("chưa trả lời"), saying how many are shown', async () => {
    const s = await sidebar();
    const selects = findAll<HTMLSelectElement>(s, '.filters select');
    expect(selects.map((x) => x.getAttribute('aria-label'))).toEqual([
      'Lọc theo mục',
      'Lọc theo tổ chức',
      'Lọc theo loại',
      'Lọc theo trả lời',
    ]);
    expect([...selects[0]!.options].map(textOf)).toEqual(['Mọi mục', 'I. Kinh tế', 'II. Xây dựng Đảng']);

    await userEvent.selectOptions(selects[1]!, '22');
    expect(ids(s)).toEqual([2]);
    expect(textOf(find(s, '.shown'))).toBe('Đang hiện 1/3 góp ý');
    await userEvent.selectOptions(selects[1]!, '');

    await userEvent.selectOptions(selects[3]!, 'none');
    expect(ids(s)).toEqual([1, 2]);
    await userEvent.selectOptions(selects[2]!, 'suggestion');
    expect(ids(s)).toEqual([2]);
    await userEvent.selectOptions(selects[0]!, 's2');
    expect(textOf(find(s, '.empty'))).toBe('Không có góp ý nào khớp bộ lọc.');
  });

  it('picks a thread when its card is clicked, not when a button inside it is', async () => {
    const selected = captureEvents('vk-thread-selected');
    const s = await sidebar({ selfId: 31 });

    await userEvent.click(find(find(s, 'li[data-id="2"] vk-comment-thread'), 'header'));
    await userEvent.click(find(find(s, 'li[data-id="1"] vk-comment-thread'), 'button.link'));

    expect(selected.map((e) => [e.commentId, e.from])).toEqual([[2, 'sidebar']]);
  });

  it('moves between cards with the arrow keys, picking each; one Tab stop, on the focused thread', async () => {
    const selected = captureEvents('vk-thread-selected');
    const s = await sidebar({ activeId: 2 });
    expect(findAll(s, 'li').map((li) => li.tabIndex)).toEqual([-1, 0, -1]);

    find(s, 'li[data-id="2"]').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(s.shadowRoot!.activeElement).toBe(find(s, 'li[data-id="3"]'));
    await userEvent.keyboard('{Home}');
    await userEvent.keyboard('{Enter}');

    expect(selected.map((e) => e.commentId)).toEqual([3, 1, 1]);
  });

  it('offers a comment on the current section to those who may comment, and shows the composer', async () => {
    const requested = captureEvents('vk-section-comment-requested');
    const s = await sidebar({ canComment: true, currentSectionId: 's2' });

    await userEvent.click(findAll(s, '.top > button')[0]!);
    expect(requested.map((e) => [e.sectionId, e.title])).toEqual([['s2', 'II. Xây dựng Đảng']]);

    s.composer = { type: 'section', sectionId: 's2', title: 'II. Xây dựng Đảng' };
    await s.updateComplete;
    expect(findAll(s, '.top > button')).toEqual([]);
    expect(find<VkCommentComposer>(s, 'vk-comment-composer').target).toEqual(s.composer);
    expect(findAll(await sidebar({ currentSectionId: 's2' }), '.top > button')).toEqual([]);
  });

  it('aligns each card with its highlight beside the text, pushing later ones down instead of overlapping', async () => {
    const { editor, s } = await besideText((anchor) => [
      thread(comment(1, { anchor: anchor('năng lực lãnh đạo') })),
      thread(comment(2, { anchor: anchor('kinh tế nhanh') })),
      thread(comment(3, { anchor: anchor('bền vững') })),
    ]);
    const mark = (id: number) => editor.view.dom.querySelector(`.cid-${id}`)!;
    const card = (id: number) => find(s, `li[data-id="${id}"]`);

    // Document order, whatever the list's order.
    expect(ids(s)).toEqual([2, 3, 1]);
    await eventually(() => expect(find(s, '.track').classList.contains('aligned')).toBe(true));
    await eventually(() => expect(Math.abs(topOf(card(2)) - topOf(mark(2)))).toBeLessThan(2));
    expect(Math.abs(topOf(card(1)) - topOf(mark(1)))).toBeLessThan(2);
    // Comment 3 is on the same line as comment 2: right under its card.
    expect(Math.abs(topOf(card(3)) - (card(2).getBoundingClientRect().bottom + 8))).toBeLessThan(2);

    scrollBy(0, 150);
    await eventually(() => expect(Math.abs(topOf(card(1)) - topOf(mark(1)))).toBeLessThan(2));
  });

  it('keeps the cards level with their highlights while the text above them grows', async () => {
    const { editor, s } = await besideText((anchor) => [
      thread(comment(1, { anchor: anchor('năng lực lãnh đạo') })),
    ]);
    const mark = () => editor.view.dom.querySelector('.cid-1')!;
    const card = find(s, 'li[data-id="1"]');
    await eventually(() => expect(Math.abs(topOf(card) - topOf(mark()))).toBeLessThan(2));
    const before = topOf(mark());

    editor.commands.insertContentAt(
      positionOf(editor, 'Nâng cao') - 1,
      '<p>Một đoạn mới.</p><p>Thêm một đoạn.</p>',
    );

    await eventually(() => expect(topOf(mark())).toBeGreaterThan(before + 40));
    await eventually(() => expect(Math.abs(topOf(card) - topOf(mark()))).toBeLessThan(2));
  });

  it('scrolls the page when a highlight picked in the text has its card out of sight', async () => {
    const { editor, s } = await besideText((anchor) => [
      thread(comment(1, { anchor: anchor('kinh tế') })),
      thread(comment(2, { anchor: anchor('năng lực lãnh đạo') })),
    ]);
    await eventually(() => expect(find(s, '.track').classList.contains('aligned')).toBe(true));
    const card = find(s, 'li[data-id="2"]');
    // The second highlight sits near the bottom of a short window.
    await viewport(1280, Math.round(topOf(editor.view.dom.querySelector('.cid-2')!) + 40));
    await eventually(() => expect(card.getBoundingClientRect().bottom).toBeGreaterThan(innerHeight));

    s.activeId = 2;

    await eventually(() => expect(card.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight));
    expect(Math.abs(topOf(card) - topOf(editor.view.dom.querySelector('.cid-2')!))).toBeLessThan(2);
  });

  it('marks comments whose text is gone as orphaned, at their section', async () => {
    const { s } = await besideText(() => [
      thread(
        comment(1, {
          anchor: { sectionId: 's2', quote: 'đã bị xoá', prefix: '', suffix: '', start: null, end: null },
        }),
      ),
    ]);

    expect(find(find(s, 'vk-comment-thread'), '.orphan')).toBeDefined();
    expect(textOf(find(s, '.section-label'))).toBe('II. Xây dựng Đảng');
  });

  it('falls back to a plain list with more than 150 threads', async () => {
    const { s } = await besideText((anchor) => [thread(comment(1, { anchor: anchor('bền vững') }))]);
    await eventually(() => expect(find(s, '.track').classList.contains('aligned')).toBe(true));

    s.threads = Array.from({ length: 151 }, (_, i) => thread(comment(i + 1)));
    await eventually(() => expect(find(s, '.track').classList.contains('aligned')).toBe(false));
    expect(findAll(s, 'li')).toHaveLength(151);
  });

  it('keeps each card (and what is being typed in it) with its comment when the threads reorder', async () => {
    const s = await sidebar({ canAnswer: true });
    const cardOf = (id: number) => s.shadowRoot!.querySelector(`li[data-id="${id}"] vk-comment-thread`);
    const second = cardOf(2);
    expect(second).not.toBeNull();

    s.threads = [THREADS[1]!, THREADS[0]!, THREADS[2]!];
    await s.updateComplete;
    expect(cardOf(2)).toBe(second);
    expect(findAll(s, 'li[data-id]').map((li) => li.dataset.id)).toEqual(['2', '1', '3']);
  });
});
