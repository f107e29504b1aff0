import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/revision-log/vk-revision-group-editor.ts';
import { RevisionLogChangedEvent } from '../../../client/revision-log/revision-events.ts';
import { captureEvents, eventually, find, json, mount, settle, stubFetch, textOf } from '../fixture.ts';
import { group, revisionLog } from '../revision-log-data.ts';

describe('vk-revision-group-editor', () => {
  it('refuses giải trình without a reason before sending anything', async () => {
    const sent = stubFetch(() => undefined);
    const e = await mount('vk-revision-group-editor', { draftId: 'd1', roundId: 4 });
    await e.show(group('a2', 2));
    await settle(e);

    await userEvent.selectOptions(find<HTMLSelectElement>(e, 'select'), 'explained');
    await userEvent.click(find(e, 'button.primary'));
    expect(textOf(find(e, '.error'))).toBe(
      'Giải trình hoặc tiếp thu một phần cần ghi rõ lý do, nội dung giải trình.',
    );
    expect(sent).toEqual([]);
  });

  it('saves an automatic group with its comments, wording and answer, and hands on the new table', async () => {
    const changed = captureEvents(RevisionLogChangedEvent.type);
    const sent = stubFetch((r) => (r.method === 'POST' ? json(201, revisionLog()) : undefined));
    const e = await mount('vk-revision-group-editor', { draftId: 'd1', roundId: 4 });
    await e.show(group('a2', 2));
    await settle(e);

    await userEvent.fill(find<HTMLTextAreaElement>(e, 'textarea'), 'Đề nghị bổ sung chuyển đổi số');
    await userEvent.selectOptions(find<HTMLSelectElement>(e, 'select'), 'accepted');
    await userEvent.click(find(e, 'button.primary'));
    await eventually(() => expect(changed).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/api/drafts/d1/rounds/4/log/groups',
      body: {
        commentIds: [200, 201],
        summary: 'Đề nghị bổ sung chuyển đổi số',
        disposition: 'accepted',
        answer: '',
      },
    });
  });

  it('changes a saved group in place and shows the server refusal', async () => {
    const sent = stubFetch(() => json(400, { error: { code: 'answer_reason_required', message: 'reason' } }));
    const e = await mount('vk-revision-group-editor', { draftId: 'd1', roundId: 4 });
    await e.show(group('a1', 3, { groupId: 12, disposition: 'explained', answer: 'x' }));
    await settle(e);

    await userEvent.click(find(e, 'button.primary'));
    await eventually(() => expect(e.shadowRoot?.querySelector('.error')).toBeTruthy());
    expect(sent[0]).toMatchObject({ method: 'PATCH', path: '/api/drafts/d1/rounds/4/log/groups/12' });
  });
});
