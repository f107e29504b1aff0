// The audit log through a real server: what each security-relevant action leaves behind, and
// who may read it.
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../../shared/api/audit.ts';
import { api, signIn } from '../../helpers/http-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { spawnCli } from '../cli/cli-harness.ts';
import { markFinal } from '../drafts/draft-header-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

/** The whole log as the bloc admin reads it, newest first. */
async function auditLog(server: TestServer): Promise<AuditEntry[]> {
  const response = await api(server, '/audit?limit=500', { token: server.workspace.users.reader.token });
  expect(response.status).toBe(200);
  return ((await response.json()) as AuditPage).entries;
}

const pick = (e: AuditEntry) => ({ action: e.action, actor: e.actor, target: e.target, address: e.address });

describe('audit log', () => {
  it('records sign-ins and failed sign-ins with the client address, and never a password', async () => {
    const server = await bed.start();
    const { password } = server.workspace;
    await signIn(server, 'editor');
    const wrong = await api(server, '/auth/sign-in', {
      body: { username: 'editor', password: 'sai-mat-khau-1' },
    });
    expect(wrong.status).toBe(401);
    // People type their password into the name field too: an unknown name is not kept.
    const typo = await api(server, '/auth/sign-in', { body: { username: 'matkhau-bi-mat', password } });
    expect(typo.status).toBe(401);

    const entries = (await auditLog(server)).filter((e) => e.action.startsWith('sign_in'));
    expect(entries.map(pick)).toEqual([
      { action: 'sign_in_failed', actor: 'unknown', target: null, address: '127.0.0.1' },
      { action: 'sign_in_failed', actor: 'unknown', target: 'user:editor', address: '127.0.0.1' },
      { action: 'sign_in', actor: 'editor', target: 'user:editor', address: '127.0.0.1' },
    ]);
    const stored = JSON.stringify(await auditLog(server));
    for (const secret of [password, 'sai-mat-khau-1', 'matkhau-bi-mat']) expect(stored).not.toContain(secret);
  });

  it('records token creation and revocation, a role change, a version restore and a final export, by whom', async () => {
    const server = await bed.start();
    const { users, orgs } = server.workspace;
    const created = await api(server, '/tokens', { token: users.editor.token, body: { name: 'kịch bản' } });
    const { id: tokenId, token: secret } = (await created.json()) as { id: number; token: string };
    expect(
      (await api(server, `/tokens/${tokenId}`, { token: users.editor.token, method: 'DELETE' })).status,
    ).toBe(204);
    const granted = await api(server, '/users/commenter/roles', {
      token: users.reader.token,
      body: { orgId: orgs.branch, role: 'admin', granted: true },
    });
    expect(granted.status).toBe(200);

    const draft = await api(server, '/drafts', { token: users.editor.token, body: { templateId: TEMPLATE } });
    const { id: draftId } = (await draft.json()) as { id: string };
    const call = (
      as: 'editor' | 'secretary',
      path: string,
      options: { method?: string; body?: unknown } = {},
    ) => api(server, `/drafts/${draftId}${path}`, { token: users[as].token, ...options });
    expect((await call('editor', '/versions', { body: { note: 'Lần 1' } })).status).toBe(201);
    expect((await call('editor', '/versions/1/restore', { method: 'POST' })).status).toBe(204);
    expect((await call('editor', '/export?format=md&kind=working')).status).toBe(200);
    await markFinal(server, draftId);
    expect((await call('secretary', '/export?format=md&kind=final')).status).toBe(200);

    const entries = (await auditLog(server)).filter(
      (e) => !(e.action === 'token_created' && e.actor === 'cli'),
    );
    expect(entries.map((e) => ({ ...pick(e), detail: e.detail }))).toEqual([
      {
        action: 'final_exported',
        actor: 'secretary',
        target: `draft:${draftId}`,
        address: '127.0.0.1',
        detail: { format: 'md', version: null, bytes: expect.any(Number) as number },
      },
      {
        action: 'draft_finalised',
        actor: 'secretary',
        target: `draft:${draftId}`,
        address: '127.0.0.1',
        detail: {},
      },
      {
        action: 'version_restored',
        actor: 'editor',
        target: `draft:${draftId}`,
        address: '127.0.0.1',
        detail: { version: 1 },
      },
      {
        action: 'role_granted',
        actor: 'reader',
        target: 'user:commenter',
        address: '127.0.0.1',
        detail: { userId: users.commenter.id, orgId: orgs.branch, role: 'admin' },
      },
      {
        action: 'token_revoked',
        actor: 'editor',
        target: `token:${tokenId}`,
        address: '127.0.0.1',
        detail: { ownerId: users.editor.id, name: 'kịch bản' },
      },
      {
        action: 'token_created',
        actor: 'editor',
        target: `token:${tokenId}`,
        address: '127.0.0.1',
        detail: { ownerId: users.editor.id, name: 'kịch bản', expiresAt: null },
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('is read by the bloc admin only, newest first a page at a time, and by the operator at the CLI', async () => {
    const server = await bed.start();
    const { users, orgs } = server.workspace;
    expect((await api(server, '/audit')).status).toBe(401);
    for (const persona of ['editor', 'secretary'] as const) {
      const response = await api(server, '/audit', { token: users[persona].token });
      expect(response.status).toBe(403);
    }

    // A role change at the CLI is the operator's ('cli', no address).
    const setRole = await spawnCli(server.dataDir, [
      'user',
      'set-role',
      'youth',
      'drafter',
      '--org',
      String(orgs.unit),
      '--revoke',
    ]);
    expect(setRole.code).toBe(0);
    const all = await auditLog(server);
    expect(pick(all[0]!)).toEqual({
      action: 'role_revoked',
      actor: 'cli',
      target: 'user:youth',
      address: null,
    });

    const first = (await (
      await api(server, '/audit?limit=3', { token: users.reader.token })
    ).json()) as AuditPage;
    expect(first.entries.map((e) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id));
    expect(first.nextBefore).toBe(all[2]!.id);
    const second = (await (
      await api(server, `/audit?limit=3&before=${first.nextBefore}`, { token: users.reader.token })
    ).json()) as AuditPage;
    expect(second.entries.map((e) => e.id)).toEqual(all.slice(3, 6).map((e) => e.id));

    const listed = await spawnCli(server.dataDir, ['audit', 'list', '--limit', '2']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TIME\s+ACTION\s+ACTOR\s+ADDRESS\s+TARGET\s+DETAIL$/);
    expect(lines[1]).toMatch(/\brole_revoked\s+cli\s+-\s+user:youth\b/);
    expect(lines).toHaveLength(3);
    expect(listed.stderr).toContain(`--before ${all[1]!.id}`);

    const doc = (await (await fetch(`${server.httpUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/audit']?.get?.responses ?? {})).toEqual(['200', '400', '401', '403']);
  });
});
