import { describe, expect, it } from 'vitest';
import type { Discussion, DiscussionList, DiscussionMembers } from '../../../shared/api/discussions.ts';
import type { NotificationList } from '../../../shared/api/notifications.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { consultation, rangeOf } from '../comments/consultation.ts';

const bed = useTestbed();

/** Reads the named server-sent events of a response body, one at a time, in order. */
function events(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    /** The next event among `names` (others are skipped). */
    async next(names: readonly string[]): Promise<{ name: string; data: unknown }> {
      for (;;) {
        const match = /event: ([a-z]+)\ndata: (.*)\n\n/.exec(buffer);
        if (match !== null) {
          buffer = buffer.slice(match.index + match[0].length);
          if (names.includes(match[1]!)) return { name: match[1]!, data: JSON.parse(match[2]!) };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

async function notes(server: TestServer, token: string): Promise<NotificationList> {
  return (await (await api(server, '/notifications', { token })).json()) as NotificationList;
}

describe('internal discussions API', () => {
  it('a drafter starts a thread and mentions a colleague, who is notified, replies; the secretary resolves it', async () => {
    const c = await consultation(bed);
    const { users } = c.server.workspace;
    const started = await c.call<Discussion>('editor', '/discussions', {
      body: {
        body: 'Số liệu này cần đối chiếu với báo cáo quý IV, @Trần Thị Bình xem giúp.',
        mentions: [users.coeditor.id],
        ...rangeOf(c.writer.doc, 'đạt 105% kế hoạch'),
      },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      parentId: null,
      authorName: 'Nguyễn Văn An',
      mentions: [{ id: users.coeditor.id, name: 'Trần Thị Bình' }],
      anchor: { sectionId: 'p1-chi-tieu', quote: 'đạt 105% kế hoạch' },
      resolvedAt: null,
    });
    const threadId = started.body.id;

    const bell = await notes(c.server, users.coeditor.token);
    expect(bell.notifications[0]).toMatchObject({
      kind: 'discussion_mentioned',
      draftId: c.draftId,
      actorName: 'Nguyễn Văn An',
    });
    expect(bell.notifications[0]!.text).toContain('đạt 105% kế hoạch');
    // The author is never notified of their own message.
    expect((await notes(c.server, users.editor.token)).notifications.map((n) => n.kind)).not.toContain(
      'discussion_mentioned',
    );

    const reply = await c.call<Discussion>('coeditor', `/discussions/${threadId}/replies`, {
      body: { body: 'Đã đối chiếu, số liệu đúng.' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: threadId, anchor: null, authorName: 'Trần Thị Bình' });

    const resolved = await c.call<Discussion>('secretary', `/discussions/${threadId}/resolved`, {
      method: 'PUT',
      body: { resolved: true },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedByName).toBe('Bùi Văn Khánh');
    expect(resolved.body.resolvedAt).not.toBeNull();

    // Everyone who sees every organisation's comments reads the thread: drafters, secretary, the bloc admin.
    for (const who of ['editor', 'coeditor', 'secretary', 'reader'] as const) {
      const list = await c.call<DiscussionList>(who, '/discussions');
      expect(list.status).toBe(200);
      expect(list.body.discussions.map((d) => [d.id, d.parentId])).toEqual([
        [threadId, null],
        [reply.body.id, threadId],
      ]);
      expect(list.body.discussions[0]!.resolvedAt).not.toBeNull();
    }

    const reopened = await c.call<Discussion>('coeditor', `/discussions/${reply.body.id}/resolved`, {
      method: 'PUT',
      body: { resolved: false },
    });
    expect([reopened.status, reopened.body.id, reopened.body.resolvedAt]).toEqual([200, threadId, null]);

    const members = await c.call<DiscussionMembers>('editor', '/discussions/members');
    expect(members.body.members.map((m) => m.name)).toEqual([
      'Bùi Văn Khánh',
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ]);
  });

  it('a commenter never reads, writes or hears of internal threads; they stay out of comments and the revision log', async () => {
    const c = await consultation(bed);
    const { users } = c.server.workspace;
    const committee = events(
      await api(c.server, `/drafts/${c.draftId}/events`, { token: users.coeditor.token }),
    );
    const commenter = events(
      await api(c.server, `/drafts/${c.draftId}/events`, { token: users.commenter.token }),
    );
    try {
      const started = await c.call<Discussion>('editor', '/discussions', {
        body: { body: 'Nội bộ: chưa công bố con số này.', ...rangeOf(c.writer.doc, 'Thu hút đầu tư') },
      });
      expect(started.status).toBe(201);
      const heard = await committee.next(['discussion']);
      expect(heard.data).toMatchObject({ action: 'created', discussion: { id: started.body.id } });

      const id = started.body.id;
      for (const [method, path, body] of [
        ['GET', '/discussions', undefined],
        ['GET', '/discussions/members', undefined],
        ['POST', '/discussions', { body: 'x', ...rangeOf(c.writer.doc, 'Thu hút đầu tư') }],
        ['POST', `/discussions/${id}/replies`, { body: 'x' }],
        ['PUT', `/discussions/${id}/resolved`, { resolved: true }],
      ] as const) {
        const answer = await c.call('commenter', path, { method, body });
        expect([path, answer.status, answer.body.error?.code]).toEqual([path, 403, 'forbidden']);
        const outsider = await c.call('outsider', path, { method, body });
        expect([path, outsider.status]).toEqual([path, 404]);
      }

      // The commenter's next event is their own comment: the thread's event never reached them.
      const comment = await c.call<{ id: number }>('commenter', '/comments', {
        body: { kind: 'comment', body: 'Góp ý của chi bộ.', ...rangeOf(c.writer.doc, 'đạt 105% kế hoạch') },
      });
      expect(comment.status).toBe(201);
      const next = await commenter.next(['comment', 'discussion']);
      expect(next).toMatchObject({ name: 'comment', data: { comment: { id: comment.body.id } } });

      const seen = JSON.stringify((await c.call('commenter', '/comments')).body);
      expect(seen).not.toContain('chưa công bố');
      const log = await c.call('editor', `/rounds/${c.roundId}/log`);
      expect(log.status).toBe(200);
      expect(JSON.stringify(log.body)).not.toContain('chưa công bố');
      expect(JSON.stringify((await c.call('editor', '/comments')).body)).not.toContain('chưa công bố');
    } finally {
      await committee.cancel();
      await commenter.cancel();
    }
  });

  it('refuses mentions outside the committee, empty bodies and unknown threads, storing nothing', async () => {
    const c = await consultation(bed);
    const { users } = c.server.workspace;
    const range = rangeOf(c.writer.doc, 'đạt 105% kế hoạch');
    for (const mentions of [[users.commenter.id], [users.outsider.id], [999_999]]) {
      const r = await c.call('editor', '/discussions', { body: { body: 'Xem giúp', mentions, ...range } });
      expect([r.status, r.body.error?.code]).toEqual([400, 'mention_invalid']);
    }
    let r = await c.call('editor', '/discussions', { body: { body: '   ', ...range } });
    expect([r.status, r.body.error?.code]).toEqual([400, 'comment_empty']);
    r = await c.call('editor', '/discussions/9999/replies', { body: { body: 'Trả lời' } });
    expect([r.status, r.body.error?.code]).toEqual([404, 'discussion_not_found']);
    const list = await c.call<DiscussionList>('editor', '/discussions');
    expect(list.body.discussions).toEqual([]);
    expect((await notes(c.server, users.commenter.token)).notifications.map((n) => n.kind)).not.toContain(
      'discussion_mentioned',
    );
  });
});
