import { describe, expect, it } from 'vitest';
import '../../../client/editor/vk-editor-status.ts';
import { find, mount, textOf, viewport } from '../fixture.ts';

/** The status as a reader hears it, and the kind of dot shown. */
function shown(status: Element) {
  const wrap = find(status, '[role="status"]');
  return { text: textOf(wrap), title: wrap.title, kind: wrap.className.replace('wrap', '').trim() };
}

describe('vk-editor-status', () => {
  it('says it is connecting before the first sync', async () => {
    const status = await mount('vk-editor-status');

    expect(shown(status)).toEqual({ text: 'Đang kết nối…', title: 'Đang kết nối…', kind: 'connecting' });
  });

  it('still says connecting, not connected, while the socket is open but not yet synced', async () => {
    const status = await mount('vk-editor-status', { status: 'connected', synced: false });

    expect(shown(status).text).toBe('Đang kết nối…');
  });

  it('says connected with a green dot once connected and synced', async () => {
    const status = await mount('vk-editor-status', { status: 'connected', synced: true });

    expect(shown(status)).toEqual({ text: 'Đã kết nối', title: 'Đã kết nối', kind: 'connected' });
  });

  it('says it is reconnecting when the connection drops after a sync', async () => {
    const status = await mount('vk-editor-status', { status: 'connected', synced: true });

    status.status = 'disconnected';
    await status.updateComplete;

    expect(shown(status)).toEqual({
      text: 'Đang kết nối lại…',
      title: 'Đang kết nối lại…',
      kind: 'reconnecting',
    });
  });

  it('says disconnected when the server ended the session, whatever the socket status', async () => {
    for (const ended of ['session-ended', 'access-revoked'] as const) {
      const status = await mount('vk-editor-status', { status: 'connected', synced: true, ended });

      expect(shown(status)).toEqual({ text: 'Đã ngắt kết nối', title: 'Đã ngắt kết nối', kind: 'ended' });
    }
  });

  it('announces changes through a single live region with the dot hidden from screen readers', async () => {
    const status = await mount('vk-editor-status');

    expect(find(status, '.dot').getAttribute('aria-hidden')).toBe('true');
    expect(status.shadowRoot?.querySelectorAll('[role="status"]')).toHaveLength(1);
  });

  it('keeps only the dot on a phone, with the words still in its tooltip', async () => {
    await viewport(400);
    const status = await mount('vk-editor-status', { status: 'connected', synced: true });

    expect(getComputedStyle(find(status, '.text')).display).toBe('none');
    expect(shown(status).title).toBe('Đã kết nối');

    await viewport(1280);
    expect(getComputedStyle(find(status, '.text')).display).not.toBe('none');
  });
});
