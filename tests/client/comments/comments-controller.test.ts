import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EventStream } from '../../../client/api/event-stream.ts';
import { CommentsController } from '../../../client/comments/comments-controller.ts';
import type { CommentEvent, RoundEvent } from '../../../shared/api/events.ts';
import { comment, reply } from '../comments-data.ts';
import { eventually, json, stubFetch, type SentRequest } from '../fixture.ts';
import { invitation, round, tally } from '../rounds-data.ts';

/** A page's event stream without the network: the test sends the events. */
class FakeStream {
  private readonly handlers = new Map<string, { schema: z.ZodType; handler: (value: unknown) => void }>();
  private readonly reopen = new Set<() => void>();

  on(name: string, schema: z.ZodType, handler: (value: unknown) => void) {
    this.handlers.set(name, { schema, handler });
    return () => this.handlers.delete(name);
  }

  onReopen(listener: () => void) {
    this.reopen.add(listener);
    return () => this.reopen.delete(listener);
  }

  send(name: string, value: unknown) {
    const h = this.handlers.get(name);
    if (h !== undefined) h.handler(h.schema.parse(value));
  }

  comeBack() {
    for (const listener of this.reopen) listener();
  }
}

function host(): ReactiveControllerHost & { updates: number } {
  const controllers: ReactiveController[] = [];
  return {
    updates: 0,
    addController: (c) => controllers.push(c),
    removeController: () => undefined,
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
}

/** The API for draft d1 as a commenter of Chi bộ 1 sees it, with `comments` as the list. */
function api(
  comments: () => unknown[],
  mineState: 'not_started' | 'in_progress' | 'submitted' = 'in_progress',
) {
  return stubFetch((r: SentRequest) => {
    if (r.path === '/api/drafts/d1/comments') return json(200, { comments: comments(), sections: [] });
    if (r.path === '/api/drafts/d1/rounds')
      return json(200, { rounds: [{ round: round(3), tally: tally() }] });
    if (r.path === '/api/rounds')
      return json(200, {
        rounds: [
          {
            round: round(3),
            tally: tally(),
            draft: { id: 'd1', title: 'Dự thảo', orgId: 2, orgName: 'Đảng bộ' },
            mine: invitation(21, 'Chi bộ 1', { state: mineState, comments: 1 }),
          },
        ],
      });
    return undefined;
  });
}

async function watching(access: 'edit' | 'comment' | 'read' = 'comment') {
  const controller = new CommentsController(host());
  controller.access = access;
  const stream = new FakeStream();
  controller.watch('d1', stream as unknown as EventStream);
  await eventually(() => expect(controller.loaded).toBe(true));
  return { controller, stream };
}

const event = (action: CommentEvent['action'], c: ReturnType<typeof comment>): CommentEvent => ({
  action,
  comment: c,
});

describe('CommentsController', () => {
  it('loads the comments as threads, the round and the organisation’s state; a commenter may comment', async () => {
    const sent = api(() => [
      comment(1),
      reply(3, 1, { createdAt: '2026-03-06T00:00:00.000Z' }),
      reply(2, 1),
      comment(4),
    ]);
    const { controller } = await watching();

    expect(controller.threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      [1, [2, 3]],
      [4, []],
    ]);
    expect(controller.openRound?.id).toBe(3);
    expect(controller.myOrg).toMatchObject({ orgId: 21, state: 'in_progress', comments: 2, answered: 0 });
    expect(controller.canComment).toBe(true);
    expect(sent.map((r) => r.path).sort()).toEqual([
      '/api/drafts/d1/comments',
      '/api/drafts/d1/rounds',
      '/api/rounds',
    ]);
  });

  it('the committee and readers do not ask for an invitation of their own, and do not comment', async () => {
    for (const access of ['edit', 'read'] as const) {
      const sent = api(() => [comment(1)]);
      const { controller } = await watching(access);

      expect(sent.map((r) => r.path)).not.toContain('/api/rounds');
      expect(controller.threads).toHaveLength(1);
      expect(controller.canComment).toBe(false);
    }
  });

  it('shows the comments even when the rounds cannot be read', async () => {
    stubFetch((r) =>
      r.path === '/api/drafts/d1/comments'
        ? json(200, { comments: [comment(1)], sections: [] })
        : json(403, { error: { code: 'forbidden', message: 'no' } }),
    );
    const { controller } = await watching();

    expect(controller.threads).toHaveLength(1);
    expect(controller.round).toBeNull();
    expect(controller.error).toBeNull();
  });

  it('takes comments created, changed and withdrawn as the events say, never an older state over a newer one', async () => {
    api(() => [comment(1)]);
    const { controller, stream } = await watching();

    stream.send('comment', event('created', comment(5)));
    stream.send('comment', event('created', reply(6, 5)));
    stream.send(
      'comment',
      event('updated', comment(1, { body: 'Mới', updatedAt: '2026-03-07T00:00:00.000Z' })),
    );
    stream.send('comment', event('updated', comment(1, { body: 'Cũ' })));
    expect(controller.threads.map((t) => [t.root.id, t.root.body, t.replies.length])).toEqual([
      [1, 'Mới', 0],
      [5, 'Cần nêu rõ số liệu.', 1],
    ]);

    stream.send('comment', event('withdrawn', comment(5)));
    stream.send('comment', event('updated', comment(5, { updatedAt: '2026-03-08T00:00:00.000Z' })));
    expect(controller.threads.map((t) => t.root.id)).toEqual([1]);
  });

  it('keeps events that arrive while the list is on its way', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    stubFetch(async (r) => {
      if (r.path === '/api/drafts/d1/comments') {
        await held;
        return json(200, { comments: [comment(1)], sections: [] });
      }
      if (r.path === '/api/drafts/d1/rounds') return json(200, { rounds: [] });
      return json(200, { rounds: [] });
    });
    const controller = new CommentsController(host());
    controller.access = 'edit';
    const stream = new FakeStream();
    controller.watch('d1', stream as unknown as EventStream);

    stream.send('comment', event('created', comment(2)));
    release();

    await eventually(() => expect(controller.threads.map((t) => t.root.id)).toEqual([1, 2]));
    expect(controller.round).toBeNull();
  });

  it('reads everything again when the stream comes back, or a round changes', async () => {
    let list = [comment(1)];
    const sent = api(() => list);
    const { controller, stream } = await watching();

    list = [comment(1), comment(2)];
    stream.comeBack();
    await eventually(() => expect(controller.threads).toHaveLength(2));

    const closed: RoundEvent = {
      action: 'closed',
      round: round(3, { status: 'closed' }),
      tally: tally(),
      invitation: null,
    };
    stream.send('round', closed);
    expect(controller.openRound).toBeNull();
    expect(controller.canComment).toBe(false);
    await eventually(() => expect(sent.filter((r) => r.path === '/api/drafts/d1/comments')).toHaveLength(3));
  });

  it('makes the organisation’s comments read-only once it has sent them', async () => {
    api(() => [comment(1), comment(2, { orgId: 22, editable: true })]);
    const { controller } = await watching();

    controller.submitted(invitation(21, 'Chi bộ 1', { state: 'submitted' }));

    expect(controller.threads.map((t) => t.root.editable)).toEqual([false, true]);
    expect(controller.canComment).toBe(false);
    expect(controller.myOrg?.state).toBe('submitted');
  });
});
