import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import type { TestApp } from '../../helpers/test-app.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { COMPLETE_HEADER, markFinal } from './draft-header-helpers.ts';

const apps = useTestApp();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; fields?: string[]; missing?: string[] } };
}

async function newDraft(server: TestApp): Promise<string> {
  const token = server.workspace.users.editor.token;
  const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
  return ((await created.json()) as { id: string }).id;
}

function caller(server: TestApp, draftId: string) {
  return async (
    as: Persona,
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<Reply> => {
    const response = await api(server, `/drafts/${draftId}${path}`, {
      token: server.workspace.users[as].token,
      ...options,
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  };
}

describe('the draft header', () => {
  it("a new draft starts with the unit's name, its superior's, its secretary as signer and the template's term", async () => {
    const server = await apps.start();
    const call = caller(server, await newDraft(server));
    const { status, body } = await call('editor', '/header');
    expect(status).toBe(200);
    expect(body.header).toMatchObject({
      superior: 'ĐẢNG BỘ KHỐI THỬ NGHIỆM',
      issuer: 'ĐẢNG BỘ SỞ THỬ NGHIỆM',
      signerTitle: 'BÍ THƯ',
      signerName: 'Bùi Văn Khánh',
      term: '2025-2030',
    });
    // Recipients stay empty: the export then prints the profile's lines, which follow the superior.
    expect(body.header).not.toHaveProperty('recipients');
    expect(body.missing).toEqual(['numberSymbol', 'place', 'date', 'congressOrdinal']);
    expect([body.editable, body.secretary]).toEqual([true, false]);
    expect((await call('secretary', '/header')).body.secretary).toBe(true);
  });

  it('the committee fills the header; bad input is a 400 naming the fields and changes nothing', async () => {
    const server = await apps.start();
    const call = caller(server, await newDraft(server));
    const bad = await call('editor', '/header', {
      method: 'PUT',
      body: { ...COMPLETE_HEADER, numberSymbol: 'số mười hai', date: '2026-13-45' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_failed');
    expect(bad.body.error?.fields?.sort()).toEqual(['date', 'numberSymbol']);
    expect((await call('editor', '/header')).body.header).not.toHaveProperty('numberSymbol');
    const unknown = await call('editor', '/header', { method: 'PUT', body: { colour: 'red' } });
    expect(unknown.status).toBe(400);
    const good = await call('coeditor', '/header', { method: 'PUT', body: COMPLETE_HEADER });
    expect(good.status).toBe(200);
    expect(good.body.missing).toEqual([]);
    expect(good.body.header).toEqual(COMPLETE_HEADER);
    // A field left out of the form is cleared, so it is missing again.
    const withoutPlace: Partial<typeof COMPLETE_HEADER> = { ...COMPLETE_HEADER };
    delete withoutPlace.place;
    expect((await call('editor', '/header', { method: 'PUT', body: withoutPlace })).body.missing).toEqual([
      'place',
    ]);
  });

  it('those outside the committee read the header but may not change it; outsiders do not see it', async () => {
    const server = await apps.start();
    const call = caller(server, await newDraft(server));
    const asAdmin = await call('reader', '/header');
    expect([asAdmin.status, asAdmin.body.editable, asAdmin.body.secretary]).toEqual([200, false, false]);
    const put = await call('reader', '/header', { method: 'PUT', body: COMPLETE_HEADER });
    expect([put.status, put.body.error?.code]).toEqual([403, 'forbidden']);
    expect((await call('outsider', '/header')).status).toBe(404);
    expect((await call('outsider', '/header', { method: 'PUT', body: COMPLETE_HEADER })).status).toBe(404);
  });

  it('marking final needs the secretary, a complete header and no open round, and says what is missing', async () => {
    const server = await apps.start();
    const call = caller(server, await newDraft(server));
    expect((await call('editor', '', { method: 'PATCH', body: { status: 'consultation' } })).status).toBe(
      200,
    );
    const early = await call('secretary', '', { method: 'PATCH', body: { status: 'final' } });
    expect([early.status, early.body.error?.code]).toEqual([409, 'draft_not_ready']);
    expect(early.body.error?.missing).toEqual(['numberSymbol', 'place', 'date', 'congressOrdinal']);
    await call('editor', '/header', { method: 'PUT', body: COMPLETE_HEADER });
    const drafter = await call('editor', '', { method: 'PATCH', body: { status: 'final' } });
    expect(drafter.status).toBe(403);

    expect((await call('editor', '/versions', { body: { note: 'Lần 1' } })).status).toBe(201);
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const round = await call('editor', '/rounds', {
      body: { version: 1, title: 'Lấy ý kiến lần 1', deadline, allOf: ['branch'] },
    });
    expect(round.status).toBe(201);
    const during = await call('secretary', '', { method: 'PATCH', body: { status: 'final' } });
    expect([during.status, during.body.error?.missing]).toEqual([409, ['open_round']]);
    const roundId = (round.body.round as { id: number }).id;
    expect(
      (await call('editor', `/rounds/${roundId}`, { method: 'PATCH', body: { status: 'closed' } })).status,
    ).toBe(200);
    const done = await call('secretary', '', { method: 'PATCH', body: { status: 'final' } });
    expect([done.status, done.body.status]).toEqual([200, 'final']);
    const locked = await call('editor', '/header', { method: 'PUT', body: COMPLETE_HEADER });
    expect([locked.status, locked.body.error?.code]).toEqual([409, 'draft_final']);
    expect((await call('editor', '/header')).body.editable).toBe(false);
  });

  it('the secretary reopens a final draft; the reason stays in its status log and the audit log', async () => {
    const server = await apps.start();
    const id = await newDraft(server);
    const call = caller(server, id);
    await markFinal(server, id);
    const reason = 'Bổ sung số liệu quý IV theo ý kiến Thường trực';
    const drafter = await call('editor', '/reopen', { body: { reason } });
    expect([drafter.status, drafter.body.error?.code]).toEqual([403, 'forbidden']);
    const empty = await call('secretary', '/reopen', { body: { reason: ' ' } });
    expect([empty.status, empty.body.error?.fields]).toEqual([400, ['reason']]);
    const reopened = await call('secretary', '/reopen', { body: { reason } });
    expect([reopened.status, reopened.body.status]).toEqual([200, 'drafting']);
    expect((await call('secretary', '/reopen', { body: { reason } })).body.error?.code).toBe(
      'draft_not_final',
    );
    expect((await call('editor', '/header')).body.editable).toBe(true);

    const log = await call('reader', '/status-log');
    const changes = log.body.changes as {
      from: string;
      to: string;
      reason: string | null;
      userName: string;
    }[];
    expect(changes.map((c) => [c.from, c.to, c.reason, c.userName])).toEqual([
      ['final', 'drafting', reason, 'Bùi Văn Khánh'],
      ['drafting', 'final', null, 'Bùi Văn Khánh'],
    ]);
    const audit = await api(server, '/audit', { token: server.workspace.users.reader.token });
    const entries = ((await audit.json()) as { entries: { action: string; detail: object }[] }).entries;
    expect(entries.find((e) => e.action === 'draft_reopened')?.detail).toEqual({ reason });
    expect(entries.some((e) => e.action === 'draft_finalised')).toBe(true);
  });
});
