import { describe, expect, it } from 'vitest';
import '../../../client/outline/vk-outline-guidance.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';
import { progressOf, section } from '../sections.ts';

const economy = section('kinh-te', 'I.', 'Về phát triển kinh tế', {
  guidance: 'Nêu tốc độ tăng trưởng bình quân.\nSo sánh với chỉ tiêu Nghị quyết.',
  lengthHint: { minWords: 200, maxWords: 800 },
});

const chips = (guidance: Element) => findAll(guidance, '.chip').map(textOf);
const wordsChip = (guidance: Element) => {
  const chip = findAll(guidance, '.chip').find((c) => textOf(c).startsWith('Đã viết'));
  if (chip === undefined) throw new Error('no word count');
  return chip;
};

describe('vk-outline-guidance', () => {
  it('tells the writer to put the cursor in a section when none is current', async () => {
    const guidance = await mount('vk-outline-guidance');

    expect(textOf(find(guidance, 'h2'))).toBe('Hướng dẫn viết');
    expect(textOf(find(guidance, 'p.none'))).toBe(
      'Đặt con trỏ vào một mục của dự thảo để xem hướng dẫn viết của mục đó.',
    );
    expect(findAll(guidance, 'section, h3')).toEqual([]);
  });

  it('shows the current section heading, its guidance line by line, and that it is required', async () => {
    const guidance = await mount('vk-outline-guidance', { section: economy });

    expect(textOf(find(guidance, 'h3'))).toBe('I. Về phát triển kinh tế');
    const text = find(guidance, 'p.guidance');
    expect(text.textContent).toBe(economy.guidance);
    // Line breaks in the template's guidance stay line breaks on screen.
    expect(getComputedStyle(text).whiteSpace).toBe('pre-line');
    expect(chips(guidance)).toContain('Bắt buộc');
  });

  it('puts the words written so far beside the expected length', async () => {
    const guidance = await mount('vk-outline-guidance', {
      section: economy,
      progress: progressOf(economy, 1, 'written', 350),
    });

    expect(chips(guidance)).toEqual(['Bắt buộc', 'Đã viết 350 chữ', 'Gợi ý 200–800 chữ']);
    expect(wordsChip(guidance).classList).not.toContain('short');
  });

  it('marks the word count when the section is still shorter than its minimum', async () => {
    const guidance = await mount('vk-outline-guidance', {
      section: economy,
      progress: progressOf(economy, 1, 'writing', 199),
    });
    expect(wordsChip(guidance).classList).toContain('short');

    guidance.progress = progressOf(economy, 1, 'written', 200);
    await guidance.updateComplete;
    expect(wordsChip(guidance).classList).not.toContain('short');
  });

  it('counts zero words while no progress has arrived', async () => {
    const guidance = await mount('vk-outline-guidance', { section: economy, progress: null });

    expect(textOf(wordsChip(guidance))).toBe('Đã viết 0 chữ');
    expect(wordsChip(guidance).classList).toContain('short');
  });

  it('words a one-sided length hint as a floor or a ceiling', async () => {
    const atLeast = await mount('vk-outline-guidance', {
      section: { ...economy, lengthHint: { minWords: 50 } },
    });
    const atMost = await mount('vk-outline-guidance', {
      section: { ...economy, lengthHint: { maxWords: 250 } },
    });

    expect(chips(atLeast)).toContain('Gợi ý ít nhất 50 chữ');
    expect(chips(atMost)).toContain('Gợi ý tối đa 250 chữ');
    // Without a minimum, no count is ever "too short".
    expect(wordsChip(atMost).classList).not.toContain('short');
  });

  it('leaves out the required mark and the length for an optional section without a hint', async () => {
    const guidance = await mount('vk-outline-guidance', {
      section: section('nong-nghiep', '', 'Nông nghiệp', { required: false }),
    });

    expect(textOf(find(guidance, 'h3'))).toBe('Nông nghiệp');
    expect(chips(guidance)).toEqual(['Đã viết 0 chữ']);
  });

  it('says when the template gives no guidance for the section', async () => {
    const guidance = await mount('vk-outline-guidance', { section: { ...economy, guidance: '' } });

    expect(findAll(guidance, 'p.guidance')).toEqual([]);
    expect(textOf(find(guidance, 'section p.none'))).toBe('Đề cương không có hướng dẫn riêng cho mục này.');
  });
});
