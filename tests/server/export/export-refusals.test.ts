import { describe, expect, it } from 'vitest';
import { EXPORT_LIMITS } from '../../../shared/limits.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { consultation } from '../comments/consultation.ts';
import { TEMPLATE } from './export-helpers.ts';

const bed = useTestbed();

describe('refused exports', () => {
  it("a round that is not one of the draft's is refused with round_not_found, whatever the format", async () => {
    const c = await consultation(bed);
    const token = c.server.workspace.users.editor.token;
    const created = await api(c.server, '/drafts', { token, body: { templateId: TEMPLATE } });
    const { id: other } = (await created.json()) as { id: string };
    const refusals = [
      [c.draftId, 'format=docx&comments=999999'],
      [c.draftId, 'format=md&comments=999999'],
      // A real round, but of another draft.
      [other, `format=docx&comments=${c.roundId}`],
    ];
    for (const [draft, query] of refusals) {
      const response = await api(c.server, `/drafts/${draft}/export?${query}`, { token });
      expect([response.status, await response.json()]).toMatchObject([
        404,
        { error: { code: 'round_not_found' } },
      ]);
    }
    const check = await c.call('editor', '/export/check?format=docx&comments=999999');
    expect([check.status, check.body.error?.code]).toEqual([404, 'round_not_found']);
  });

  it('a commenter of an open round is told that exporting is for the drafting committee', async () => {
    const c = await consultation(bed);
    const refused = await c.call('commenter', `/export?format=docx&comments=${c.roundId}`);
    expect(refused).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: 'Only the drafting committee exports the draft' } },
    });
    const plain = await c.call('commenter', '/export?format=pdf');
    expect(plain.body.error?.message).toBe('Only the drafting committee exports the draft');
    const list = await c.call('commenter', '/exports');
    expect([list.status, list.body.error?.message]).toEqual([
      403,
      'Only the drafting committee sees who exported the draft',
    ]);
  });

  it('refused exports do not spend the per-user export budget; served ones do', async () => {
    const c = await consultation(bed);
    const { users } = c.server.workspace;
    const get = (query: string) =>
      api(c.server, `/drafts/${c.draftId}/export?${query}`, { token: users.editor.token });
    // More refusals than the whole budget: bad options (400), no right (403), unknown things (404).
    const refusals = [
      'format=exe',
      'format=md&kind=final',
      'format=md&profile=hd99-2030',
      'format=md&comments=999999',
      'format=md&version=99',
    ];
    const statuses: number[] = [];
    for (let i = 0; i < EXPORT_LIMITS.perWindow + 2; i++)
      statuses.push((await get(refusals[i % refusals.length]!)).status);
    expect(new Set(statuses)).toEqual(new Set([400, 403, 404]));
    for (let i = 0; i < EXPORT_LIMITS.perWindow; i++) expect((await get('format=md')).status).toBe(200);
    const over = await get('format=md');
    expect(over.status).toBe(429);
  });
});
