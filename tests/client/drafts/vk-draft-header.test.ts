import { describe, expect, it } from 'vitest';
import '../../../client/drafts/vk-draft-header.ts';
import type { VkEditorStatus } from '../../../client/editor/vk-editor-status.ts';
import type { VkPresence } from '../../../client/collab/vk-presence.ts';
import { find, findAll, json, mount, settle, stubFetch, textOf } from '../fixture.ts';
import { draft } from '../rounds-data.ts';

describe('vk-draft-header', () => {
  it('shows the title, the status and the user’s access', async () => {
    const header = await mount('vk-draft-header', { draft: draft({ access: 'comment' }) });

    expect(textOf(find(header, 'h1'))).toBe('Báo cáo chính trị Đại hội VI');
    expect(findAll(header, '.chip').map(textOf)).toEqual(['Đang lấy ý kiến', 'Được góp ý']);
  });

  it('gives a commenter neither the rounds nor the export', async () => {
    const header = await mount('vk-draft-header', { draft: draft({ access: 'comment' }) });

    expect(findAll(header, 'a.rounds, button.export, vk-export-dialog')).toHaveLength(0);
  });

  it('gives the committee the way to its rounds and opens the export dialog on "Xuất văn bản"', async () => {
    const lists: Record<string, unknown> = {
      '/api/drafts/d1/versions': { versions: [] },
      '/api/drafts/d1/rounds': { rounds: [] },
      '/api/drafts/d1/exports': { exports: [] },
    };
    const sent = stubFetch((request) => (request.path in lists ? json(200, lists[request.path]) : undefined));
    const header = await mount('vk-draft-header', { draft: draft() });

    expect(find<HTMLAnchorElement>(header, 'a.rounds').getAttribute('href')).toBe('/drafts/d1/rounds');
    find(header, 'button.export').click();
    const dialog = find(header, 'vk-export-dialog');
    await settle(dialog);

    expect(find<HTMLDialogElement>(dialog, 'dialog').open).toBe(true);
    expect(sent.map((r) => r.path)).toEqual(expect.arrayContaining(Object.keys(lists)));
  });

  it('passes the connection state and the people here to their elements', async () => {
    const peers = [{ userId: 9, name: 'Lê Thị Phương', color: '#336699', self: false }];
    const header = await mount('vk-draft-header', {
      draft: draft(),
      status: 'connected',
      synced: true,
      peers,
    });

    expect(find<VkEditorStatus>(header, 'vk-editor-status').synced).toBe(true);
    expect(find<VkPresence>(header, 'vk-presence').peers).toEqual(peers);
  });
});
