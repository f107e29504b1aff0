import { describe, expect, it, onTestFinished } from 'vitest';
import { setLanguage } from '../../../client/i18n/locale.ts';
import '../../../client/rounds/vk-round-tally.ts';
import { percentOf } from '../../../client/rounds/vk-round-tally.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';
import { tally } from '../rounds-data.ts';

describe('vk-round-tally', () => {
  it('shows submitted out of invited in large type, with a progress bar that says the same', async () => {
    const t = await mount('vk-round-tally', { tally: tally() });

    expect(textOf(find(t, '.big'))).toBe('Đã gửi 200/277 (72%)');
    const bar = find(t, '[role="progressbar"]');
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['200', '277']);
    expect(bar.getAttribute('aria-valuetext')).toBe('Đã gửi 200/277 (72%)');
    expect(find(t, '.bar span').style.width).toBe('72%');
  });

  it('counts the overdue organisations and the comments answered', async () => {
    const t = await mount('vk-round-tally', { tally: tally() });

    expect(findAll(t, '.facts span').map(textOf)).toEqual([
      '12 tổ chức quá hạn chưa gửi',
      '345 góp ý',
      'Đã trả lời 120/345 (34%)',
    ]);
  });

  it('leaves out the overdue line when nobody is late, and comment counts when compact', async () => {
    const t = await mount('vk-round-tally', { tally: tally({ overdue: 0 }), compact: true });

    expect(findAll(t, '.facts span')).toEqual([]);
    expect(t.hasAttribute('compact')).toBe(true);
  });

  it('rounds percentages down and never divides by zero', () => {
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('says "1 comment" and "2 comments" in English, one form in Vietnamese', async () => {
    onTestFinished(async () => {
      await setLanguage('vi');
      localStorage.removeItem('vankien.language');
    });
    const one = await mount('vk-round-tally', { tally: tally({ overdue: 0, comments: 1, answered: 0 }) });
    const two = await mount('vk-round-tally', { tally: tally({ overdue: 0, comments: 2, answered: 0 }) });
    expect([textOf(findAll(one, '.facts span')[0]), textOf(findAll(two, '.facts span')[0])]).toEqual([
      '1 góp ý',
      '2 góp ý',
    ]);

    await setLanguage('en');
    await Promise.all([one.updateComplete, two.updateComplete]);
    expect([textOf(findAll(one, '.facts span')[0]), textOf(findAll(two, '.facts span')[0])]).toEqual([
      '1 comment',
      '2 comments',
    ]);
  });
});
