import { describe, expect, it } from 'vitest';
import type { PresencePeer } from '../../../client/collab/collab-controller.ts';
import '../../../client/collab/vk-presence.ts';
import { find, findAll, mount, textOf } from '../fixture.ts';

const peer = (userId: number, name: string, color: string, self = false): PresencePeer => ({
  userId,
  name,
  color,
  self,
});

const me = peer(1, 'Lê Thị Minh Phương', '#1f77b4', true);
const others = [
  peer(2, 'Nguyễn Văn An', '#d62728'),
  peer(3, 'Trần Đức', '#2ca02c'),
  peer(4, 'Phạm Thu Hà', '#9467bd'),
  peer(5, 'Hoàng Nam', '#8c564b'),
  peer(6, 'Vũ Thị Lan', '#e377c2'),
  peer(7, 'Đỗ Quang Huy', '#7f7f7f'),
];

const avatars = (presence: Element) => findAll(presence, 'li:not(.more)');

describe('vk-presence', () => {
  it('shows one avatar per person with the initial of their given name', async () => {
    const presence = await mount('vk-presence', { peers: [me, others[0]!, others[1]!] });

    expect(avatars(presence).map(textOf)).toEqual(['P', 'A', 'Đ']);
  });

  it('paints each avatar in the colour of that person’s caret', async () => {
    const presence = await mount('vk-presence', { peers: [me, others[0]!] });

    expect(avatars(presence).map((li) => getComputedStyle(li).backgroundColor)).toEqual([
      'rgb(31, 119, 180)',
      'rgb(214, 39, 40)',
    ]);
  });

  it('names each person, and marks the local user as “you”', async () => {
    const presence = await mount('vk-presence', { peers: [me, others[0]!] });
    const [mine, theirs] = avatars(presence) as [HTMLElement, HTMLElement];

    expect(mine.getAttribute('aria-label')).toBe('Lê Thị Minh Phương (bạn)');
    expect(mine.title).toBe('Lê Thị Minh Phương (bạn)');
    expect(mine.classList).toContain('self');
    expect(theirs.getAttribute('aria-label')).toBe('Nguyễn Văn An');
    expect(theirs.classList).not.toContain('self');
    expect(find(presence, 'ul').getAttribute('aria-label')).toBe(
      'Đang mở dự thảo: Lê Thị Minh Phương (bạn), Nguyễn Văn An',
    );
  });

  it('collapses everyone past the fifth into a "+N" that names them', async () => {
    const presence = await mount('vk-presence', { peers: [me, ...others] });

    expect(avatars(presence)).toHaveLength(5);
    const more = find(presence, 'li.more');
    expect(textOf(more)).toBe('+2');
    expect(more.getAttribute('aria-label')).toBe('Vũ Thị Lan, Đỗ Quang Huy');
    // The list's own name still counts everyone.
    expect(find(presence, 'ul').getAttribute('aria-label')).toContain('Đỗ Quang Huy');
  });

  it('keeps five people as five avatars without a "+" badge', async () => {
    const presence = await mount('vk-presence', { peers: [me, ...others.slice(0, 4)] });

    expect(avatars(presence)).toHaveLength(5);
    expect(findAll(presence, 'li.more')).toEqual([]);
  });

  it('follows people arriving and leaving', async () => {
    const presence = await mount('vk-presence', { peers: [me] });

    presence.peers = [me, others[2]!];
    await presence.updateComplete;
    expect(avatars(presence).map((li) => li.getAttribute('aria-label'))).toEqual([
      'Lê Thị Minh Phương (bạn)',
      'Phạm Thu Hà',
    ]);

    presence.peers = [me];
    await presence.updateComplete;
    expect(avatars(presence)).toHaveLength(1);
  });
});
