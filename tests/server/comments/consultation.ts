import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import { api } from '../../helpers/http-client.ts';
import type { Testbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';
import { encodePosition } from '../../../shared/comments/relative-position.ts';
import type { ManualClock } from '../../helpers/manual-clock.ts';

/** The template every consultation test drafts from. */
export const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
/** Text written into section p1-chi-tieu before the round. */
export const TARGETS = 'Tổng thu ngân sách đạt 105% kế hoạch. Thu hút đầu tư tăng mạnh.';
/** Text written into section p2-du-bao before the round. */
export const OUTLOOK = 'Tình hình thế giới còn nhiều biến động khó lường.';

/** A JSON body and the status of a call. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { code: string; message: string } };
}

/** A draft with text, frozen as Dự thảo lần 1, out for comments to the invited organisations. */
export interface Consultation {
  server: TestServer;
  draftId: string;
  roundId: number;
  /** The drafter's live client. */
  writer: CollabClient;
  /** Calls `/api/drafts/{id}{path}` as a persona. */
  call: <T = Record<string, unknown>>(
    as: Persona,
    path: string,
    options?: { method?: string; body?: unknown },
  ) => Promise<Reply<T>>;
}

/** Sets up a consultation; `invite` defaults to both branches and the mass organisation. */
export async function consultation(
  bed: Testbed,
  options: {
    invite?: (orgs: TestServer['workspace']['orgs']) => number[];
    deadlineMs?: number;
    /** The server's clock, to pass the deadline without waiting for it. */
    clock?: ManualClock;
    /** More text in the version sent out, written after the first section's (organisations comment on the version only). */
    write?: (doc: Y.Doc) => void;
  } = {},
): Promise<Consultation> {
  const server = await bed.start({}, { clock: options.clock });
  const { users, orgs } = server.workspace;
  const created = await api(server, '/drafts', { token: users.editor.token, body: { templateId: TEMPLATE } });
  const { id } = (await created.json()) as { id: string };
  const call = async <T>(as: Persona, path: string, opts: { method?: string; body?: unknown } = {}) => {
    const response = await api(server, `/drafts/${id}${path}`, { token: users[as].token, ...opts });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Reply<T>['body'] };
  };
  const writer = bed.connect(id);
  await writer.synced();
  writeInSection(writer.doc, 'p1-chi-tieu', TARGETS);
  options.write?.(writer.doc);
  writeInSection(writer.doc, 'p2-du-bao', OUTLOOK);
  // The first freeze would succeed on the bare outline: wait until the server has stored the text.
  await writer.flushed();
  const frozen = await call('editor', '/versions', { body: { note: 'Gửi lấy ý kiến' } });
  if (frozen.status !== 201) throw new Error(`not frozen: ${JSON.stringify(frozen.body)}`);
  const invite = options.invite?.(orgs) ?? [orgs.branch, orgs.branch2, orgs.mass];
  const deadline = new Date(
    (options.clock?.now() ?? Date.now()) + (options.deadlineMs ?? 7 * 86_400_000),
  ).toISOString();
  const opened = await call<{ round: { id: number } }>('editor', '/rounds', {
    body: { version: 1, title: 'Lấy ý kiến Dự thảo lần 1', deadline, orgIds: invite },
  });
  if (opened.status !== 201) throw new Error(`round not opened: ${JSON.stringify(opened.body)}`);
  return { server, draftId: id, roundId: opened.body.round.id, writer, call };
}

/** The Yjs text holding `quote` in a client's copy of the draft, and where the quote starts. */
export function findText(doc: Y.Doc, quote: string): { text: Y.XmlText; index: number } {
  const walk = (node: Y.XmlElement | Y.XmlFragment): { text: Y.XmlText; index: number } | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = (child.toDelta() as { insert: string }[]).map((d) => d.insert).join('');
        const at = plain.indexOf(quote);
        if (at >= 0) return { text: child, index: at };
      } else if (child instanceof Y.XmlElement) {
        const found = walk(child);
        if (found !== null) return found;
      }
    }
    return null;
  };
  const found = walk(doc.getXmlFragment(CONTENT_FRAGMENT));
  if (found === null) throw new Error(`"${quote}" is not in the draft`);
  return found;
}

/** The relative positions around `quote`, as the browser sends them (each refers to the character after it). */
export function rangeOf(doc: Y.Doc, quote: string): { start: unknown; end: unknown } {
  const { text, index } = findText(doc, quote);
  const at = (i: number): unknown => encodePosition(Y.createRelativePositionFromTypeIndex(text, i));
  return { start: at(index), end: at(index + quote.length) };
}
