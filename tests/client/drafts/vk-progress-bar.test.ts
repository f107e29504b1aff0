import { describe, expect, it } from 'vitest';
import '../../../client/drafts/vk-progress-bar.ts';
import { find, mount, textOf } from '../fixture.ts';

describe('vk-progress-bar', () => {
  it('gives written and being-written sections their share of the bar', async () => {
    const bar = await mount('vk-progress-bar', { written: 3, writing: 2, total: 8 });
    bar.style.width = '400px';

    expect(find(bar, '.written').style.width).toBe('37.5%');
    expect(find(bar, '.writing').style.width).toBe('25%');
    // Laid out for real: 3/8 and 2/8 of the 400px track.
    expect(find(bar, '.written').getBoundingClientRect().width).toBeCloseTo(150, 0);
    expect(find(bar, '.writing').getBoundingClientRect().width).toBeCloseTo(100, 0);
  });

  it('says how many sections are written and being written, for eyes and screen readers alike', async () => {
    const bar = await mount('vk-progress-bar', { written: 3, writing: 2, total: 8 });

    expect(textOf(find(bar, 'small'))).toBe('3/8 mục đã viết, 2 đang viết');
    expect(find(bar, '[role="img"]').getAttribute('aria-label')).toBe('3/8 mục đã viết, 2 đang viết');
  });

  it('counts required sections that are still empty only when there are some', async () => {
    const bar = await mount('vk-progress-bar', { written: 1, writing: 0, total: 5, flagged: 2 });
    expect(textOf(find(bar, 'small'))).toBe('1/5 mục đã viết, 0 đang viết · 2 mục bắt buộc còn trống');

    bar.flagged = 0;
    await bar.updateComplete;
    expect(textOf(find(bar, 'small'))).toBe('1/5 mục đã viết, 0 đang viết');
  });

  it('shows an empty bar, not NaN widths, for a draft without sections', async () => {
    const bar = await mount('vk-progress-bar', { written: 0, writing: 0, total: 0 });

    expect(find(bar, '.written').style.width).toBe('0%');
    expect(find(bar, '.writing').style.width).toBe('0%');
    expect(textOf(find(bar, 'small'))).toBe('0/0 mục đã viết, 0 đang viết');
  });

  it('reads its counts from attributes written in HTML', async () => {
    document.body.innerHTML = '<vk-progress-bar written="1" writing="1" total="4"></vk-progress-bar>';
    const bar = document.querySelector('vk-progress-bar')!;
    await bar.updateComplete;

    expect(bar.written).toBe(1);
    expect(find(bar, '.written').style.width).toBe('25%');
    expect(textOf(find(bar, 'small'))).toBe('1/4 mục đã viết, 1 đang viết');
  });
});
