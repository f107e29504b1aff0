import { describe, expect, it } from 'vitest';
import { newCollabClient } from '../../helpers/collab-client.ts';
import { signIn } from '../../helpers/http-client.ts';
import { HandshakeError, openRawSocket } from '../../helpers/raw-socket.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { TEST_ORIGIN } from '../../helpers/test-server.ts';

const bed = useTestbed();

/** The HTTP status a raw upgrade ends with (101 when it succeeds). */
async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const socket = await openRawSocket(url, { headers });
    socket.destroy();
    return 101;
  } catch (error) {
    if (error instanceof HandshakeError) return error.status;
    throw error;
  }
}

describe('the collaboration upgrade', () => {
  it('is refused with 401 without credentials or with a bad token', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('draft-a');
    expect(await upgradeStatus(`${server.wsUrl}/${room}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${room}?token=vkt_not-a-token`)).toBe(401);
    expect(
      await upgradeStatus(`${server.wsUrl}/${room}`, { Cookie: 'vk_sid=s_forged', Origin: TEST_ORIGIN }),
    ).toBe(401);
  });

  it('takes a session cookie only with an allowed Origin (403 for a foreign or missing one)', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('draft-a');
    const cookie = await signIn(server, 'editor');
    const url = `${server.wsUrl}/${room}`;
    expect(await upgradeStatus(url, { Cookie: cookie, Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(url, { Cookie: cookie, Origin: TEST_ORIGIN })).toBe(101);
  });

  it('takes a token without an Origin (API clients), but not from a foreign Origin', async () => {
    const server = await bed.start();
    const url = server.rawUrl('draft-a');
    expect(await upgradeStatus(url)).toBe(101);
    expect(await upgradeStatus(url, { Origin: 'https://evil.example' })).toBe(403);
  });

  it("answers 404 for another unit's draft exactly as for a draft that does not exist, loading no document", async () => {
    const server = await bed.start();
    server.workspace.draft('other-units-draft', server.workspace.orgs.otherUnit);
    const { registry } = server.server.app;
    expect(await upgradeStatus(server.rawUrl('draft-a', 'outsider'))).toBe(404);
    expect(
      await upgradeStatus(`${server.wsUrl}/other-units-draft?token=${server.workspace.users.editor.token}`),
    ).toBe(404);
    expect(
      await upgradeStatus(`${server.wsUrl}/no-such-draft?token=${server.workspace.users.editor.token}`),
    ).toBe(404);
    expect(registry.loadCount).toBe(0);
  });

  it('lets a bloc admin in to read', async () => {
    const server = await bed.start();
    expect(await upgradeStatus(server.rawUrl('draft-a', 'reader'))).toBe(101);
  });

  it('lets a browser session sync with the stock client', async () => {
    const server = await bed.start();
    const room = server.workspace.draft('draft-a');
    const cookie = await signIn(server, 'coeditor');
    const writer = bed.connect(room);
    await writer.synced();
    writer.type('Đại hội đại biểu');
    // Stored before the browser joins, so its first sync must already hold it.
    await writer.flushed();
    const browser = newCollabClient(server.wsUrl, room, { headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
    try {
      await browser.synced();
      expect(browser.text()).toBe('Đại hội đại biểu');
    } finally {
      browser.destroy();
    }
  });
});
