import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { z } from 'zod';
import type { VersionSummary } from '../../../shared/api/versions.ts';
import { VersionFrozenEvent } from '../../../client/versions/vk-versions-freeze.ts';
import {
  captureEvents,
  deferred,
  eventually,
  find,
  findAll,
  json,
  mount,
  stubFetch,
  textOf,
  type Route,
} from '../fixture.ts';

/** What `POST /api/drafts/d1/versions` answers (201) when version 3 is frozen. */
const FROZEN: z.infer<typeof VersionSummary> = {
  number: 3,
  label: 'Dự thảo lần 3',
  note: 'Đã tiếp thu ý kiến của Thường trực Đảng ủy',
  createdBy: 7,
  createdByName: 'Nguyễn Văn An',
  createdAt: '2026-03-02T08:00:00.000Z',
};

const noChanges = () =>
  json(409, { error: { code: 'no_changes', message: 'nothing changed since version 2' } });

/** The freeze form of draft d1, whose next version is 3, with `freeze` answering the POST. */
async function freezeForm(freeze: Route = () => json(201, FROZEN)) {
  const sent = stubFetch((r) =>
    r.method === 'POST' && r.path === '/api/drafts/d1/versions' ? freeze(r) : undefined,
  );
  const form = await mount('vk-versions-freeze', { draftId: 'd1', next: 3 });
  const frozen = captureEvents(VersionFrozenEvent.type);
  return {
    form,
    sent,
    frozen,
    note: find<HTMLTextAreaElement>(form, 'textarea'),
    button: find<HTMLButtonElement>(form, 'button[type="submit"]'),
    notice: () => {
      const p = findAll(form, '.notice')[0];
      return p && { role: p.getAttribute('role'), kind: p.className, text: textOf(p) };
    },
  };
}

describe('vk-versions-freeze', () => {
  it('offers to freeze the next numbered version, with an optional labelled note', async () => {
    const { form, button, note } = await freezeForm();

    expect(textOf(button)).toBe('Chốt dự thảo lần 3');
    expect(textOf(find(form, 'label[for="note"]'))).toBe('Ghi chú cho lần chốt (không bắt buộc)');
    expect(note.id).toBe('note');
    expect(note.required).toBe(false);
    expect(note.maxLength).toBe(1000);
  });

  it('posts the trimmed note, then says which version was frozen and announces it', async () => {
    const { form, sent, frozen, note, button, notice } = await freezeForm();

    await userEvent.fill(note, '  Đã tiếp thu ý kiến của Thường trực Đảng ủy \n');
    await userEvent.click(button);

    await eventually(() => expect(frozen).toHaveLength(1));
    expect(sent.map((r) => [r.method, r.path, r.headers.get('content-type'), r.body])).toEqual([
      [
        'POST',
        '/api/drafts/d1/versions',
        'application/json',
        { note: 'Đã tiếp thu ý kiến của Thường trực Đảng ủy' },
      ],
    ]);
    expect(frozen[0]?.version).toEqual(FROZEN);
    await form.updateComplete;
    expect(notice()).toEqual({ role: 'status', kind: 'notice ok', text: 'Đã chốt Dự thảo lần 3.' });
    expect(note.value).toBe('');
  });

  it('freezes without a note as an empty one', async () => {
    const { sent, frozen, button } = await freezeForm();

    await userEvent.click(button);

    await eventually(() => expect(frozen).toHaveLength(1));
    expect(sent[0]?.body).toEqual({ note: '' });
  });

  it('says plainly that nothing changed since the last version, keeping the note and announcing nothing', async () => {
    const { form, frozen, note, button, notice } = await freezeForm(noChanges);

    await userEvent.fill(note, 'Lần chốt thứ ba');
    await userEvent.click(button);

    await eventually(() => expect(notice()?.text).toBe('Chưa có thay đổi nào kể từ lần dự thảo trước.'));
    await form.updateComplete;
    expect(frozen).toEqual([]);
    expect(note.value).toBe('Lần chốt thứ ba');
    expect(button.disabled).toBe(false);
  });

  // BUG client/versions/vk-versions-freeze.ts:74-79: every refusal, no_changes
  // included, becomes kind 'error' (a red role="alert"); the 'info' kind is never used.
  // Drop `.fails` once no_changes is shown as information.
  it('shows "nothing changed" as information, not as an error', async () => {
    const { button, notice } = await freezeForm(noChanges);

    await userEvent.click(button);

    await eventually(() => expect(notice()).toBeDefined());
    expect(notice()).toEqual({
      role: 'status',
      kind: 'notice info',
      text: 'Chưa có thay đổi nào kể từ lần dự thảo trước.',
    });
  });

  it('alerts when the server refuses the freeze', async () => {
    const { frozen, button, notice } = await freezeForm(() =>
      json(403, { error: { code: 'forbidden', message: 'edit access required' } }),
    );

    await userEvent.click(button);

    await eventually(() =>
      expect(notice()).toEqual({
        role: 'alert',
        kind: 'notice error',
        text: 'Bạn không có quyền làm việc này.',
      }),
    );
    expect(frozen).toEqual([]);
  });

  it('says the server cannot be reached when the network fails', async () => {
    const { button, notice } = await freezeForm(() => Promise.reject(new TypeError('Failed to fetch')));

    await userEvent.click(button);

    await eventually(() =>
      expect(notice()?.text).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'),
    );
  });

  it('freezes once while the request runs, then clears the earlier message on the next try', async () => {
    const answer = deferred<Response>();
    const { form, sent, button, notice } = await freezeForm(() => answer.promise);

    await userEvent.click(button);
    await form.updateComplete;
    expect(button.disabled).toBe(true);
    button.click();
    expect(sent).toHaveLength(1);

    answer.resolve(noChanges());
    await eventually(() => expect(notice()).toBeDefined());
    expect(button.disabled).toBe(false);

    const again = deferred<Response>();
    stubFetch(() => again.promise);
    await userEvent.click(button);
    await form.updateComplete;
    expect(notice()).toBeUndefined();
    again.resolve(json(201, FROZEN));
    await eventually(() => expect(notice()?.text).toBe('Đã chốt Dự thảo lần 3.'));
  });
});
