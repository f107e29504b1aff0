import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { consultation } from '../comments/consultation.ts';

const bed = useTestbed();
const LONE = 'Ý kiến \ud800 lỗi';

describe('text with a lone surrogate', () => {
  it('a comment body with a lone surrogate is refused with 400, not stored with U+FFFD in its place', async () => {
    const { call } = await consultation(bed);
    // JSON.stringify escapes the lone surrogate as \ud800: valid JSON, invalid Unicode.
    const refused = await call('commenter', '/comments', {
      body: { kind: 'comment', body: LONE, sectionId: 'p2-du-bao' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('validation_failed');
    expect(refused.body.error?.message).toMatch(/^body: .*surrogate/);
    const list = await call<{ comments: unknown[] }>('commenter', '/comments');
    expect(list.body.comments).toEqual([]);
    // A well-formed pair (an emoji) is ordinary text.
    const emoji = await call('commenter', '/comments', {
      body: { kind: 'comment', body: 'Đồng ý 👍', sectionId: 'p2-du-bao' },
    });
    expect(emoji.status).toBe(201);
  });

  it('a draft title with a lone surrogate is refused and the title is unchanged', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('surrogate-title');
    const token = server.workspace.users.editor.token;
    const before = ((await (await api(server, `/drafts/${room}`, { token })).json()) as { title: string })
      .title;
    const refused = await api(server, `/drafts/${room}`, { method: 'PATCH', token, body: { title: LONE } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    const after = ((await (await api(server, `/drafts/${room}`, { token })).json()) as { title: string })
      .title;
    expect(after).toBe(before);
  });
});
