import { describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AssignmentList } from '../../../shared/api/assignments.ts';
import type { DraftProgress, SectionProgress } from '../../../shared/api/progress.ts';
import { SectionSelectedEvent } from '../../../client/outline/vk-outline.ts';
import { setLanguage } from '../../../client/i18n/locale.ts';
import { captureEvents, find, findAll, mount, settle, textOf } from '../fixture.ts';
import { progressOf, section, template } from '../sections.ts';

const results = section('ket-qua', 'Phần thứ nhất', 'Kết quả thực hiện Nghị quyết nhiệm kỳ 2020-2025', {
  children: [
    section('kinh-te', 'I.', 'Về phát triển kinh tế', {
      children: [section('nong-nghiep', '1.', 'Nông nghiệp', { required: false })],
    }),
    section('xay-dung-dang', 'II.', 'Về công tác xây dựng Đảng'),
  ],
});
const tasks = section('phuong-huong', 'Phần thứ hai', 'Phương hướng, nhiệm vụ nhiệm kỳ 2025-2030');
const TEMPLATE = template([results, tasks]);
const [economy, party] = results.children as [typeof results, typeof results];
const farming = economy.children[0]!;

function progress(sections: SectionProgress[]): DraftProgress {
  const count = (state: SectionProgress['state']) => sections.filter((s) => s.state === state).length;
  return {
    draftId: 'd1',
    sections,
    totals: {
      words: sections.reduce((n, s) => n + s.words, 0),
      written: count('written'),
      writing: count('writing'),
      empty: count('empty'),
      missing: count('missing'),
      flagged: sections.filter((s) => s.flagged).length,
    },
  };
}

/** Progress of the five sections: one written, two being written, one required empty, one heading deleted. */
const PROGRESS = progress([
  progressOf(results, 1, 'writing', 420),
  progressOf(economy, 2, 'written', 300),
  progressOf(farming, 3, 'writing', 40),
  progressOf(party, 2, 'empty', 0),
  progressOf(tasks, 1, 'missing', 0),
]);

const buttons = (outline: Element) => findAll<HTMLButtonElement>(outline, 'ol button.section');
const button = (outline: Element, title: string) => {
  const found = buttons(outline).find((b) => textOf(b.querySelector('.title')) === title);
  if (found === undefined) throw new Error(`no section "${title}"`);
  return found;
};
const focused = (outline: Element) => textOf(outline.shadowRoot?.activeElement?.querySelector('.title'));

/** Economy (written) and party building (empty) given to An, both due on a day long past. */
function assignments(canAssign: boolean): AssignmentList {
  const an = { id: 7, name: 'Nguyễn Văn An' };
  const row = (s: typeof economy, depth: number, assigned: boolean) => ({
    sectionId: s.id,
    label: s.label,
    title: s.title,
    depth,
    state: 'empty' as const,
    assignee: assigned ? an : null,
    due: assigned ? '2020-01-15' : null,
    late: false,
  });
  return {
    draftId: 'd1',
    sections: [
      row(results, 1, false),
      row(economy, 2, true),
      row(farming, 3, false),
      row(party, 2, true),
      row(tasks, 1, false),
    ],
    members: [{ ...an, assigned: 2, written: 0, late: 0 }],
    canAssign,
  };
}

describe('vk-outline assignments', () => {
  it('shows who writes a section and by when, late ones from the live progress, and each member’s tally', async () => {
    const outline = await mount('vk-outline', {
      template: TEMPLATE,
      progress: PROGRESS,
      assignments: assignments(false),
    });
    const lines = findAll(outline, 'p.assignment').map(textOf);
    // Economy is written (not late although its day passed); party building is empty and late.
    expect(lines).toEqual(['Nguyễn Văn An Hạn 15/01/2020', 'Nguyễn Văn An Hạn 15/01/2020 Trễ hạn']);
    expect(textOf(find(outline, '.members li'))).toBe('Nguyễn Văn An 1/2 mục đã viết, 1 trễ hạn');
    expect(findAll(outline, 'button.assign')).toHaveLength(0);

    outline.progress = progress(
      PROGRESS.sections.map((p) => (p.id === party.id ? { ...p, state: 'written' as const } : p)),
    );
    await settle(outline);
    expect(findAll(outline, '.late-badge')).toHaveLength(0);
    expect(textOf(find(outline, '.members li'))).toBe('Nguyễn Văn An 2/2 mục đã viết');
  });

  it('gives the secretary an assign button per section, outside the arrow-key order', async () => {
    const outline = await mount('vk-outline', {
      template: TEMPLATE,
      progress: PROGRESS,
      assignments: assignments(true),
    });
    const assign = findAll<HTMLButtonElement>(outline, 'button.assign');
    expect(assign.map((b) => b.getAttribute('aria-label'))).toContain(
      'Phân công mục II. Về công tác xây dựng Đảng',
    );
    expect(assign.map(textOf)).toEqual(['Phân công', 'Đổi', 'Phân công', 'Đổi', 'Phân công']);
    buttons(outline)[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(outline)).toBe(economy.title);
  });
});

describe('vk-outline', () => {
  it('lists the template sections in document order with their labels, indented by depth', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE });

    expect(
      buttons(outline).map((b) => [textOf(b.querySelector('.label')), textOf(b.querySelector('.title'))]),
    ).toEqual([
      ['Phần thứ nhất', 'Kết quả thực hiện Nghị quyết nhiệm kỳ 2020-2025'],
      ['I.', 'Về phát triển kinh tế'],
      ['1.', 'Nông nghiệp'],
      ['II.', 'Về công tác xây dựng Đảng'],
      ['Phần thứ hai', 'Phương hướng, nhiệm vụ nhiệm kỳ 2025-2030'],
    ]);
    const indent = (b: HTMLButtonElement) => parseFloat(getComputedStyle(b).paddingLeft);
    const [part, chapter, point] = buttons(outline) as [
      HTMLButtonElement,
      HTMLButtonElement,
      HTMLButtonElement,
    ];
    expect(indent(chapter) - indent(part)).toBe(14);
    expect(indent(point) - indent(chapter)).toBe(14);
  });

  it('shows each section state and word count from the live progress', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, progress: PROGRESS });

    expect(button(outline, economy.title).classList).toContain('written');
    expect(button(outline, farming.title).classList).toContain('writing');
    expect(textOf(button(outline, economy.title).querySelector('.words'))).toBe('300');
    expect(textOf(button(outline, party.title).querySelector('.words'))).toBe('');
    expect(button(outline, economy.title).getAttribute('aria-label')).toBe(
      'I. Về phát triển kinh tế. Đã viết. 300 chữ',
    );
  });

  it('flags a required section that is empty, and one whose heading was deleted', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, progress: PROGRESS });

    const empty = button(outline, party.title);
    expect(empty.classList).toContain('flagged');
    expect(empty.getAttribute('aria-label')).toBe(
      'II. Về công tác xây dựng Đảng. Chưa viết — mục bắt buộc. 0 chữ',
    );
    expect(empty.title).toBe('Chưa viết — mục bắt buộc');
    const missing = button(outline, tasks.title);
    expect([...missing.classList]).toEqual(expect.arrayContaining(['missing', 'flagged']));
    expect(missing.title).toBe('Mất tiêu đề mục — mục bắt buộc');
    // An optional section may stay empty without being flagged.
    const optional = await mount('vk-outline', { template: TEMPLATE, progress: progress([]) });
    expect(button(optional, farming.title).classList).not.toContain('flagged');
    expect(button(optional, farming.title).title).toBe('Chưa viết');
  });

  it('sums the progress up in a bar over all the outline sections', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, progress: PROGRESS });
    const bar = find(outline, 'vk-progress-bar');
    await settle(outline);

    expect(textOf(bar.shadowRoot?.querySelector('small'))).toBe(
      '1/5 mục đã viết, 2 đang viết · 2 mục bắt buộc còn trống',
    );
  });

  it('follows the progress events as they arrive', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, progress: PROGRESS });

    outline.progress = progress([
      ...PROGRESS.sections.filter((s) => s.id !== party.id),
      progressOf(party, 2, 'written', 90),
    ]);
    await outline.updateComplete;

    expect(button(outline, party.title).classList).toContain('written');
    expect(button(outline, party.title).classList).not.toContain('flagged');
    expect(textOf(button(outline, party.title).querySelector('.words'))).toBe('90');
  });

  it('falls back to the sections the progress lists when the draft has no template', async () => {
    const outline = await mount('vk-outline', { template: null, progress: PROGRESS });

    expect(buttons(outline).map((b) => textOf(b.querySelector('.title')))).toEqual(
      PROGRESS.sections.map((s) => s.title),
    );
  });

  it('says so when the draft follows no outline', async () => {
    const outline = await mount('vk-outline', { template: null, progress: null });

    expect(textOf(find(outline, '.empty-list'))).toBe('Dự thảo này không theo đề cương nào.');
    expect(findAll(outline, 'ol, vk-progress-bar')).toEqual([]);
  });

  it('marks the section under the cursor as the current location', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, current: economy.id });

    expect(buttons(outline).filter((b) => b.getAttribute('aria-current') === 'location')).toEqual([
      button(outline, economy.title),
    ]);
  });

  it('asks the editor to go to a section when it is clicked', async () => {
    const selected = captureEvents(SectionSelectedEvent.type);
    const outline = await mount('vk-outline', { template: TEMPLATE });

    await userEvent.click(button(outline, party.title));

    expect(selected.map((e) => e.sectionId)).toEqual([party.id]);
    expect(selected[0]).toBeInstanceOf(SectionSelectedEvent);
  });

  it('goes to the focused section on Enter', async () => {
    const selected = captureEvents(SectionSelectedEvent.type);
    const outline = await mount('vk-outline', { template: TEMPLATE });

    button(outline, tasks.title).focus();
    await userEvent.keyboard('{Enter}');

    expect(selected.map((e) => e.sectionId)).toEqual([tasks.id]);
  });

  it('is a single Tab stop, on the current section', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, current: party.id });

    expect(buttons(outline).filter((b) => b.tabIndex === 0)).toEqual([button(outline, party.title)]);
    outline.current = null;
    await outline.updateComplete;
    expect(buttons(outline).filter((b) => b.tabIndex === 0)).toEqual([buttons(outline)[0]]);
  });

  it('moves focus with Up and Down, and to the ends with Home and End', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE });

    buttons(outline)[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(outline)).toBe(economy.title);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(focused(outline)).toBe(party.title);
    await userEvent.keyboard('{ArrowUp}');
    expect(focused(outline)).toBe(farming.title);
    await userEvent.keyboard('{End}');
    expect(focused(outline)).toBe(tasks.title);
    await userEvent.keyboard('{Home}');
    expect(focused(outline)).toBe(results.title);
  });

  it('stops at the first and last sections instead of wrapping', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE });

    buttons(outline)[0]?.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(focused(outline)).toBe(results.title);
    await userEvent.keyboard('{End}{ArrowDown}');
    expect(focused(outline)).toBe(tasks.title);
  });

  it('keeps the Tab stop on the section last focused', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, current: economy.id });

    button(outline, economy.title).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await outline.updateComplete;

    expect(buttons(outline).filter((b) => b.tabIndex === 0)).toEqual([button(outline, party.title)]);
  });

  it('re-renders in English when the user switches language (T3: @localized below @customElement)', async () => {
    const outline = await mount('vk-outline', { template: TEMPLATE, progress: PROGRESS });
    onTestFinished(async () => {
      await setLanguage('vi');
      localStorage.removeItem('vankien.language');
    });

    await setLanguage('en');
    await outline.updateComplete;

    expect(textOf(find(outline, 'h2'))).toBe('Outline');
    expect(button(outline, party.title).title).toMatch(/^Not started — /);
  });
});
