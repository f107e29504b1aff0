import { describe, expect, it } from 'vitest';
import '../../../client/app/vk-not-found-page.ts';
import { find, mount, textOf } from '../fixture.ts';

describe('vk-not-found-page', () => {
  it('says the page does not exist or may not be seen, without telling which', async () => {
    const page = await mount('vk-not-found-page');

    expect(textOf(find(page, 'h1'))).toBe('Không tìm thấy trang');
    expect(textOf(find(page, 'p'))).toBe('Trang này không tồn tại, hoặc bạn không có quyền xem.');
  });

  it('offers a way back to the home page', async () => {
    const page = await mount('vk-not-found-page');
    const link = find<HTMLAnchorElement>(page, 'a');

    expect(link.getAttribute('href')).toBe('/');
    expect(textOf(link)).toBe('Về trang chủ');
  });
});
