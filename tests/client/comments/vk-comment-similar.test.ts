import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/comments/vk-comment-similar.ts';
import { comment } from '../comments-data.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';
import { revisionLog } from '../revision-log-data.ts';

const member = (id: number, orgName: string, body: string, together: boolean) => ({
  ...revisionLog().groups[0]!.comments[0]!,
  id,
  orgName,
  body,
  together,
});

describe('vk-comment-similar', () => {
  it("lists the round's most similar comments of other rows and merges one into this comment's row in one click", async () => {
    const sent = stubFetch(({ path }) => {
      if (path.includes('/similar/')) {
        return json(200, {
          comments: [
            member(7, 'Chi bộ 2', 'Đề nghị bổ sung số liệu thu ngân sách.', true),
            member(8, 'Chi bộ 3', 'Bổ sung số liệu thu ngân sách từng năm.', false),
            member(9, 'Đoàn Thanh niên', 'Đề nghị làm rõ số liệu thu.', false),
          ],
          row: [comment(5).id, 7],
        });
      }
      if (path.endsWith('/log/groups')) return json(201, revisionLog());
      return undefined;
    });
    const c = await mount('vk-comment-similar', { draftId: 'd1', comment: comment(5) });

    await eventually(() => expect(findAll(c, 'li').length).toBe(2));
    expect(findAll(c, 'li strong').map(textOf)).toEqual(['Chi bộ 3:', 'Đoàn Thanh niên:']);
    await userEvent.click(findAll(c, 'button')[0]!);
    await eventually(() => expect(textOf(find(c, '.done'))).toBe('Đã gộp'));
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { commentIds: [comment(5).id, 7, 8] },
    ]);
  });
});
