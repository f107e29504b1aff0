import { describe, expect, it } from 'vitest';
import { api, signIn } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { TEST_ORIGIN, type TestServer } from '../../helpers/test-server.ts';
import { consultation } from '../comments/consultation.ts';

const bed = useTestbed();

/** Opens a server-sent event stream; `ended` resolves with how long after `since()` it ended. */
async function openStream(server: TestServer, path: string, headers: Record<string, string>) {
  const response = await fetch(`${server.httpUrl}/api${path}`, { headers });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let from = Date.now();
  const ended = (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // a reset counts as an end too
    }
    return Date.now() - from;
  })();
  return { ended, since: () => (from = Date.now()) };
}

describe('open event streams follow rights as sockets do', () => {
  it('signing out ends the session’s draft and notification streams within 5 s; they cannot be reopened', async () => {
    const server = await bed.start();
    const cookie = await signIn(server, 'editor');
    const headers = { cookie, origin: TEST_ORIGIN };
    const draft = server.workspace.draft('stream-signout');
    const events = await openStream(server, `/drafts/${draft}/events`, headers);
    const notes = await openStream(server, '/notifications/events', headers);

    events.since();
    notes.since();
    expect((await api(server, '/auth/sign-out', { method: 'POST', cookie })).status).toBe(204);
    expect(await events.ended).toBeLessThan(5000);
    expect(await notes.ended).toBeLessThan(5000);
    expect((await fetch(`${server.httpUrl}/api/drafts/${draft}/events`, { headers })).status).toBe(401);
  });

  it('a commenter’s stream of the draft ends when the round closes and the draft is no longer theirs', async () => {
    const { server, draftId, roundId, call } = await consultation(bed);
    const token = server.workspace.users.commenter.token;
    const stream = await openStream(server, `/drafts/${draftId}/events`, {
      authorization: `Bearer ${token}`,
    });

    stream.since();
    expect(
      (await call('editor', `/rounds/${roundId}`, { method: 'PATCH', body: { status: 'closed' } })).status,
    ).toBe(200);
    expect(await stream.ended).toBeLessThan(5000);
  });
});
