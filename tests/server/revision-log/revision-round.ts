import type { User } from '../../../server/users/user.service.ts';
import { api } from '../../helpers/http-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { TEMPLATE } from '../comments/consultation.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

/** A comment an invited organisation makes on a whole section. */
export interface PlannedComment {
  readonly sectionId: string;
  readonly body: string;
}

/** A round of many organisations, made through the real services and REST API. */
export interface RevisionRound {
  readonly draftId: string;
  readonly roundId: number;
  /** The invited organisations, in the order `plan` was called with. */
  readonly orgIds: readonly number[];
  /** Each organisation's commenter, in the same order. */
  readonly commenters: readonly User[];
  /** Calls `/api/drafts/{id}{path}` as a persona; JSON body (or text for files) and status. */
  call<T = Record<string, unknown>>(
    as: Persona,
    path: string,
    options?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: T & { error?: { code: string } } }>;
}

/** Text written into the draft before it is frozen as Dự thảo lần 1. */
export const SECTION_TEXT: Record<string, string> = {
  'p1-chi-tieu': 'Tổng thu ngân sách đạt 105% kế hoạch. Thu hút đầu tư tăng mạnh.',
  'p2-du-bao': 'Tình hình thế giới còn nhiều biến động khó lường.',
};

/**
 * Makes `orgs` sub-branches with a commenter each, a draft frozen as Dự thảo lần 1, a
 * round inviting exactly those sub-branches, the comments `plan(i)` gives for the i-th,
 * and submits the first `submitted` organisations' comments.
 */
export async function revisionRound(
  server: TestServer,
  options: { orgs: number; plan: (i: number) => readonly PlannedComment[]; submitted?: number },
): Promise<RevisionRound> {
  const { services } = server.server.app;
  const { workspace } = server;
  const token = (as: Persona) => workspace.users[as].token;
  const created = await api(server, '/drafts', { token: token('editor'), body: { templateId: TEMPLATE } });
  const { id: draftId } = (await created.json()) as { id: string };
  const writer = server.connect(draftId);
  await writer.synced();
  // One transaction, one update: the freeze below sees all of the text or none of it.
  writer.doc.transact(() => {
    for (const [section, text] of Object.entries(SECTION_TEXT)) writeInSection(writer.doc, section, text);
  });
  // The first freeze would succeed on the bare outline: wait until the server has stored the text.
  await writer.flushed();
  const frozen = await api(server, `/drafts/${draftId}/versions`, { token: token('editor'), body: {} });
  if (frozen.status !== 201) throw new Error(`not frozen: ${await frozen.text()}`);
  writer.destroy();
  const stamp = Date.now().toString(36);
  const members = [];
  for (let i = 0; i < options.orgs; i++) {
    const org = await services.orgs.create({
      kind: 'branch',
      name: `Chi bộ ${String(i + 1).padStart(3, '0')}`,
      shortName: `CB${i + 1}`,
      parentId: workspace.orgs.unit,
    });
    const { user } = await services.users.create({
      username: `cb-${stamp}-${i + 1}`,
      displayName: `Bí thư Chi bộ ${i + 1}`,
      orgId: org.id,
      password: 'mat-khau-chi-bo-123',
      roles: ['commenter'],
    });
    members.push({ org, user });
  }
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const opened = await api(server, `/drafts/${draftId}/rounds`, {
    token: token('editor'),
    body: { version: 1, title: 'Lấy ý kiến Dự thảo lần 1', deadline, orgIds: members.map((m) => m.org.id) },
  });
  if (opened.status !== 201) throw new Error(`round not opened: ${await opened.text()}`);
  const roundId = ((await opened.json()) as { round: { id: number } }).round.id;
  for (const [i, { user }] of members.entries())
    for (const c of options.plan(i))
      await services.comments.create(user, draftId, {
        kind: 'comment',
        body: c.body,
        sectionId: c.sectionId,
      });
  for (const { user } of members.slice(0, options.submitted ?? 0))
    await services.rounds.submit(user, draftId, roundId);
  return {
    draftId,
    roundId,
    orgIds: members.map((m) => m.org.id),
    commenters: members.map((m) => m.user),
    async call(as, path, opts = {}) {
      const response = await api(server, `/drafts/${draftId}${path}`, { token: token(as), ...opts });
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('json') === true;
      const body: unknown = isJson && text !== '' ? JSON.parse(text) : text;
      return { status: response.status, body: body as never };
    },
  };
}
