import { describe, expect, it } from 'vitest';
import { FixtureRounds } from '../../helpers/fixture-rounds.ts';
import { api, signIn } from '../../helpers/http-client.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const apps = useTestApp();

type Body = {
  error?: { code: string };
  drafts?: { id: string; access: string }[];
  access?: string;
  id?: string;
};
const json = async (response: Response) => (await response.json()) as Body;

describe('drafts over REST', () => {
  it('a drafter creates a draft of their unit and sees it with edit access', async () => {
    const server = await apps.start();
    const cookie = await signIn(server, 'editor');
    const created = await api(server, '/drafts', { cookie, body: { title: 'Dự thảo Báo cáo chính trị' } });
    expect(created.status).toBe(201);
    const draft = await json(created);
    expect(draft.access).toBe('edit');
    const list = await json(await api(server, '/drafts', { cookie }));
    expect(list.drafts?.map((d) => d.id)).toEqual([draft.id]);
  });

  it("another unit's draft is 404 over REST, exactly like one that does not exist, and is not listed", async () => {
    const server = await apps.start();
    const theirs = server.workspace.draft('their-draft', server.workspace.orgs.otherUnit);
    const cookie = await signIn(server, 'editor');
    const hidden = await api(server, `/drafts/${theirs}`, { cookie });
    const missing = await api(server, '/drafts/never-existed', { cookie });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await json(hidden)).toEqual(await json(missing));
    expect((await json(await api(server, '/drafts', { cookie }))).drafts).toEqual([]);
  });

  it('a bloc admin reads every unit draft; a commenter sees only drafts with an open round for its branch', async () => {
    const rounds = new FixtureRounds();
    const server = await apps.start({}, { consultations: rounds });
    const ours = server.workspace.draft('ours');
    server.workspace.draft('theirs', server.workspace.orgs.otherUnit);
    const admin = server.workspace.users.reader.token;
    const accessOf = async (token: string) =>
      Object.fromEntries(
        ((await json(await api(server, '/drafts', { token }))).drafts ?? []).map((d) => [d.id, d.access]),
      );
    expect(await accessOf(admin)).toEqual({ ours: 'read', theirs: 'read' });
    const commenter = server.workspace.users.commenter.token;
    expect(await accessOf(commenter)).toEqual({});
    rounds.openRound(ours, [server.workspace.orgs.branch]);
    expect(await accessOf(commenter)).toEqual({ ours: 'comment' });
    expect((await api(server, `/drafts/${ours}`, { token: commenter })).status).toBe(200);
  });

  it('only drafters and secretaries create drafts (403), and bad input is a 400 with a stable code', async () => {
    const server = await apps.start();
    const admin = server.workspace.users.reader.token;
    const refused = await api(server, '/drafts', { token: admin, body: { title: 'Không được phép' } });
    expect(refused.status).toBe(403);
    const editor = server.workspace.users.editor.token;
    const blank = await api(server, '/drafts', { token: editor, body: { title: '   ' } });
    expect(blank.status).toBe(400);
    expect((await json(blank)).error?.code).toBe('validation_failed');
    const broken = await api(server, '/drafts', {
      token: editor,
      body: '{"title":',
      contentType: 'application/json',
    });
    expect(broken.status).toBe(400);
  });

  it('every resource needs a session or token (401 with a stable code)', async () => {
    const server = await apps.start();
    for (const path of ['/drafts', '/orgs', '/tokens', '/auth/session']) {
      const response = await api(server, path);
      expect(response.status).toBe(401);
      expect((await json(response)).error?.code).toBe('unauthenticated');
    }
  });
});

describe('API tokens over REST', () => {
  it('creates a token shown once, authenticates with it, lists it without the secret and revokes it', async () => {
    const server = await apps.start();
    const cookie = await signIn(server, 'editor');
    const created = (await (
      await api(server, '/tokens', { cookie, body: { name: 'Máy in', expiresInDays: 30 } })
    ).json()) as {
      id: number;
      token: string;
      expiresAt: string;
    };
    expect(created.token).toMatch(/^vkt_/);
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await api(server, '/drafts', { token: created.token })).status).toBe(200);
    const listed = await (await api(server, '/tokens', { cookie })).text();
    expect(listed).not.toContain(created.token);
    expect((await api(server, `/tokens/${created.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect((await api(server, '/drafts', { token: created.token })).status).toBe(401);
    // Someone else's token id is 404, not theirs to revoke.
    const mine = await api(server, `/tokens/${created.id}`, {
      method: 'DELETE',
      token: server.workspace.users.coeditor.token,
    });
    expect(mine.status).toBe(404);
  });
});

describe('the API reference', () => {
  it('serves the OpenAPI document and a reference page whose assets come from this server', async () => {
    const server = await apps.start();
    const doc = (await (await server.fetch(`${server.httpUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/sign-in',
        '/drafts',
        '/drafts/{id}',
        '/tokens',
        '/templates',
        '/drafts/{id}/versions/diff',
        '/drafts/{id}/events',
      ]),
    );
    const page = await (await server.fetch(`${server.httpUrl}/api/docs`)).text();
    expect(page).not.toMatch(/cdn\.jsdelivr|unpkg/);
    const assets = [...page.matchAll(/(?:href|src)="(\/api\/docs\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) expect((await server.fetch(`${server.httpUrl}${asset}`)).status).toBe(200);
  });
});

describe('organisations over REST', () => {
  it('a drafter sees their unit and the bloc above; a bloc admin sees the whole tree below it', async () => {
    const server = await apps.start();
    const { orgs, users } = server.workspace;
    const idsFor = async (token: string) =>
      ((await (await api(server, '/orgs', { token })).json()) as { orgs: { id: number }[] }).orgs.map(
        (o) => o.id,
      );
    expect(await idsFor(users.editor.token)).toEqual([orgs.bloc, orgs.unit]);
    expect(await idsFor(users.reader.token)).toEqual([
      orgs.bloc,
      orgs.unit,
      orgs.branch,
      orgs.branch2,
      orgs.mass,
      orgs.otherUnit,
    ]);
    expect(await idsFor(users.commenter.token)).toEqual([orgs.bloc, orgs.unit, orgs.branch]);
  });
});
