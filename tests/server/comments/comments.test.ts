import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor, waitForAsync } from '../../helpers/wait.ts';
import { consultation, findText, rangeOf } from './consultation.ts';
import { encodePosition } from '../../../shared/comments/relative-position.ts';

const bed = useTestbed();

type C = {
  id: number;
  orgName: string;
  quote?: string;
  anchor: { quote: string; sectionId: string | null } | null;
  orphaned: boolean;
  body: string;
  disposition: { value: string; appliedAt: string | null } | null;
};
type List = { comments: C[] };

describe('comments and suggestions', () => {
  it('a range comment takes its quote and section from the live draft; each branch sees only its own', async () => {
    const { call, writer } = await consultation(bed);
    const one = await call<C>('commenter', '/comments', {
      body: { kind: 'comment', body: 'Nêu số liệu cụ thể.', ...rangeOf(writer.doc, 'đạt 105% kế hoạch') },
    });
    expect(one.status).toBe(201);
    expect(one.body.anchor).toMatchObject({ quote: 'đạt 105% kế hoạch', sectionId: 'p1-chi-tieu' });
    expect(
      (
        await call('commenter2', '/comments', {
          body: { kind: 'comment', body: 'Ý kiến chung về mục này.', sectionId: 'p2-du-bao' },
        })
      ).status,
    ).toBe(201);
    expect((await call<List>('commenter', '/comments')).body.comments.map((c) => c.body)).toEqual([
      'Nêu số liệu cụ thể.',
    ]);
    expect((await call<List>('commenter2', '/comments')).body.comments.map((c) => c.body)).toEqual([
      'Ý kiến chung về mục này.',
    ]);
    expect((await call<List>('editor', '/comments')).body.comments).toHaveLength(2);
  });

  it('refuses bad comments with clear codes and stores none of them', async () => {
    const { call, writer } = await consultation(bed, { invite: (o) => [o.branch] });
    const range = rangeOf(writer.doc, 'Tổng thu');
    // Well-formed positions of items the draft does not have.
    const bogus = {
      start: encodePosition(Y.createRelativePositionFromJSON({ item: { client: 1, clock: 999 }, assoc: 0 })),
      end: encodePosition(Y.createRelativePositionFromJSON({ item: { client: 1, clock: 1000 }, assoc: 0 })),
    };
    const cases: [string, unknown, number, string][] = [
      ['commenter', { kind: 'comment', body: '   ', ...range }, 400, 'comment_empty'],
      ['commenter', { kind: 'comment', body: 'a'.repeat(5001), ...range }, 400, 'comment_too_long'],
      [
        'commenter',
        { kind: 'comment', body: 'Xem <script>alert(1)</script>', ...range },
        400,
        'comment_html',
      ],
      ['commenter', { kind: 'comment', body: 'Vị trí sai', ...bogus }, 400, 'anchor_unresolved'],
      // Not base64 at all, and base64 of bytes that are no position (cut short).
      [
        'commenter',
        { kind: 'comment', body: 'x', start: '{"item":1}', end: range.end },
        400,
        'validation_failed',
      ],
      ['commenter', { kind: 'comment', body: 'x', start: 'AA==', end: range.end }, 400, 'anchor_unresolved'],
      [
        'commenter',
        { kind: 'comment', body: 'Không có mục', sectionId: 'khong-co' },
        400,
        'anchor_unresolved',
      ],
      [
        'commenter',
        {
          kind: 'suggestion',
          body: '',
          replacement: 'x',
          start: rangeOf(writer.doc, 'Tổng thu').start,
          end: rangeOf(writer.doc, 'biến động').end,
        },
        400,
        'suggestion_span',
      ],
      [
        'commenter2',
        { kind: 'comment', body: 'Chưa được mời', sectionId: 'p1-chi-tieu' },
        403,
        'not_invited',
      ],
      ['editor', { kind: 'comment', body: 'Ban soạn thảo', sectionId: 'p1-chi-tieu' }, 403, 'not_invited'],
    ];
    for (const [as, body, status, code] of cases) {
      const reply = await call(as as 'commenter', '/comments', { body });
      expect([reply.status, reply.body.error?.code], code).toEqual([status, code]);
    }
    expect((await call<List>('editor', '/comments')).body.comments).toEqual([]);
  });

  it('accepting a suggestion writes its replacement into the live draft, where open editors see it', async () => {
    const { call, writer } = await consultation(bed);
    const suggestion = await call<C>('commenter', '/comments', {
      body: {
        kind: 'suggestion',
        body: 'Chính xác hơn.',
        replacement: 'đạt 107%',
        ...rangeOf(writer.doc, 'đạt 105%'),
      },
    });
    expect(suggestion.status).toBe(201);
    const noReason = await call('editor', `/comments/${suggestion.body.id}/disposition`, {
      method: 'PUT',
      body: { value: 'explained' },
    });
    expect([noReason.status, noReason.body.error?.code]).toEqual([400, 'comment_empty']);
    const accepted = await call<C>('editor', `/comments/${suggestion.body.id}/disposition`, {
      method: 'PUT',
      body: { value: 'accepted' },
    });
    expect(accepted.body.disposition).toMatchObject({ value: 'accepted' });
    expect(accepted.body.disposition?.appliedAt).not.toBeNull();
    await waitFor(
      () => writer.text().includes('Tổng thu ngân sách đạt 107% kế hoạch.'),
      'the replacement in the open editor',
    );
    // The comment now points at the new text; the branch is told its comment was answered.
    const listed = (await call<List>('commenter', '/comments')).body.comments[0]!;
    expect([listed.orphaned, listed.anchor?.quote]).toEqual([false, 'đạt 107%']);
  });

  it('a comment whose text is deleted stays, marked orphaned, with its quote; concurrent edits elsewhere keep it anchored', async () => {
    const { call, writer } = await consultation(bed);
    const made = await call<C>('commenter', '/comments', {
      body: { kind: 'comment', body: 'Bỏ câu này?', ...rangeOf(writer.doc, 'Thu hút đầu tư tăng mạnh.') },
    });
    expect(made.status).toBe(201);
    const { text, index } = findText(writer.doc, 'Tổng thu');
    text.insert(index, 'Năm 2025: ');
    await waitForAsync(
      async () => !(await call<List>('editor', '/comments')).body.comments[0]!.orphaned,
      'still anchored',
    );
    const at = findText(writer.doc, 'Thu hút đầu tư tăng mạnh.');
    at.text.delete(at.index, 'Thu hút đầu tư tăng mạnh.'.length);
    await waitForAsync(
      async () => (await call<List>('editor', '/comments')).body.comments[0]!.orphaned,
      'orphaned',
    );
    const listed = (await call<List>('editor', '/comments')).body.comments[0]!;
    expect(listed.anchor).toMatchObject({ quote: 'Thu hút đầu tư tăng mạnh.', sectionId: 'p1-chi-tieu' });
  });

  it("after the round closes a commenter still reads their organisation's comments and answers, titled by section, but not the draft", async () => {
    const { call, writer, roundId } = await consultation(bed);
    const made = await call<C>('commenter', '/comments', {
      body: { kind: 'comment', body: 'Nêu số tuyệt đối.', ...rangeOf(writer.doc, 'đạt 105%') },
    });
    await call('commenter2', '/comments', {
      body: { kind: 'comment', body: 'Khác', sectionId: 'p2-du-bao' },
    });
    await call('editor', `/comments/${made.body.id}/disposition`, {
      method: 'PUT',
      body: { value: 'noted', note: 'Sẽ bổ sung.' },
    });
    await call('editor', `/rounds/${roundId}`, { method: 'PATCH', body: { status: 'closed' } });

    expect((await call('commenter', '')).status).toBe(404);
    const listed = await call<List & { sections: { id: string; title: string }[] }>('commenter', '/comments');
    expect(listed.body.comments.map((c) => [c.body, c.disposition?.value])).toEqual([
      ['Nêu số tuyệt đối.', 'noted'],
    ]);
    expect(listed.body.sections.find((s) => s.id === 'p1-chi-tieu')?.title).toBe(
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
    );
  });
  it('once answered, a comment can no longer be changed or withdrawn by its author; its words stay as answered', async () => {
    const { call, writer } = await consultation(bed);
    const made = await call<C>('commenter', '/comments', {
      body: { kind: 'comment', body: 'Nêu số tuyệt đối.', ...rangeOf(writer.doc, 'đạt 105%') },
    });
    await call('editor', `/comments/${made.body.id}/disposition`, {
      method: 'PUT',
      body: { value: 'accepted', note: 'Đã bổ sung.' },
    });
    const edit = await call('commenter', `/comments/${made.body.id}`, {
      method: 'PATCH',
      body: { body: 'Đề nghị bỏ đoạn này.' },
    });
    expect([edit.status, edit.body.error?.code]).toEqual([409, 'comment_locked']);
    const withdraw = await call('commenter', `/comments/${made.body.id}`, { method: 'DELETE' });
    expect([withdraw.status, withdraw.body.error?.code]).toEqual([409, 'comment_locked']);
    const listed = (await call<List>('editor', '/comments')).body.comments.find(
      (c) => c.id === made.body.id,
    )!;
    expect([listed.body, listed.disposition?.value]).toEqual(['Nêu số tuyệt đối.', 'accepted']);
  });
});
