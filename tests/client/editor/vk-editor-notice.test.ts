import { describe, expect, it } from 'vitest';
import '../../../client/editor/vk-editor-notice.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';

/** The one notice line shown: its role, colour class and text. */
function line(notice: Element) {
  const p = find(notice, 'p');
  return { role: p.getAttribute('role'), kind: p.className, text: textOf(p) };
}

describe('vk-editor-notice', () => {
  it('shows nothing without a notice', async () => {
    const notice = await mount('vk-editor-notice');

    expect(findAll(notice, '*')).toEqual([]);
    expect(notice.getBoundingClientRect().height).toBe(0);
  });

  it('alerts that the session ended, with a full reload of this page to sign in again', async () => {
    const notice = await mount('vk-editor-notice', { kind: 'session-ended' });

    expect(line(notice)).toEqual({
      role: 'alert',
      kind: 'danger',
      text: 'Phiên làm việc đã hết. Đăng nhập lại',
    });
    const link = find<HTMLAnchorElement>(notice, 'a');
    expect(textOf(link)).toBe('Đăng nhập lại');
    expect(link.getAttribute('href')).toBe(location.pathname);
    // Outside the in-app router, which only handles links without a target.
    expect(link.target).toBe('_self');
  });

  it('alerts that access was revoked, with a way home', async () => {
    const notice = await mount('vk-editor-notice', { kind: 'access-revoked' });

    expect(line(notice)).toEqual({
      role: 'alert',
      kind: 'danger',
      text: 'Bạn không còn quyền với dự thảo này. Về trang chủ',
    });
    expect(find<HTMLAnchorElement>(notice, 'a').getAttribute('href')).toBe('/');
  });

  it('politely says edits are kept while reconnecting', async () => {
    const notice = await mount('vk-editor-notice', { kind: 'offline' });

    expect(line(notice)).toEqual({
      role: 'status',
      kind: 'warn',
      text: 'Đang kết nối lại… — các thay đổi sẽ được gửi khi có mạng.',
    });
  });

  it('says the text is read-only, or final, as information', async () => {
    const notice = await mount('vk-editor-notice', { kind: 'read-only' });
    expect(line(notice)).toEqual({
      role: 'status',
      kind: 'info',
      text: 'Bạn đang xem dự thảo ở chế độ chỉ đọc.',
    });

    notice.kind = 'final';
    await notice.updateComplete;
    expect(line(notice)).toEqual({
      role: 'status',
      kind: 'info',
      text: 'Dự thảo đã là bản cuối cùng, không sửa được nữa.',
    });
  });

  it('goes away when the notice is cleared', async () => {
    const notice = await mount('vk-editor-notice', { kind: 'offline' });

    notice.kind = null;
    await notice.updateComplete;

    expect(findAll(notice, 'p')).toEqual([]);
  });
});
