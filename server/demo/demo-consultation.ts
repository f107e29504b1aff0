import * as Y from 'yjs';
import type { RelativePosition } from '../../shared/api/comments.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';
import type { Services } from '../services.ts';
import type { User } from '../users/user.service.ts';
import { DEMO_COMMENTS, DEMO_TEXT } from './demo-text.ts';
import { encodePosition } from '../../shared/comments/relative-position.ts';

/**
 * Puts the demo draft where a unit is a month before its congress: text in the main sections,
 * frozen as Dự thảo lần 1, out for comments to every sub-branch and mass organisation, with a
 * few comments and suggestions already in, sent by all but one organisation, and two answered. Everything goes through the
 * services, as a drafter's and the sub-branches' own actions would.
 */
export async function seedDemoConsultation(
  services: Services,
  draftId: string,
  secretary: User,
  people: ReadonlyMap<string, User>,
): Promise<void> {
  await services.texts.edit(draftId, secretary.id, (doc) => {
    for (const [sectionId, paragraphs] of Object.entries(DEMO_TEXT)) writeSection(doc, sectionId, paragraphs);
  });
  await services.versions.freeze(secretary, draftId, 'Gửi lấy ý kiến các chi bộ và đoàn thể');
  const deadline = new Date(services.clock.now() + 14 * 86_400_000).toISOString();
  await services.rounds.open(secretary, draftId, {
    version: 1,
    title: 'Lấy ý kiến góp ý Dự thảo lần 1',
    deadline,
    orgIds: [],
    allOf: ['branch', 'mass'],
  });
  const answers: { id: number; answer: NonNullable<(typeof DEMO_COMMENTS)[number]['answer']> }[] = [];
  const senders: User[] = [];
  for (const c of DEMO_COMMENTS) {
    const author = people.get(c.by);
    if (author === undefined) throw new Error(`demo data: unknown commenter ${c.by}`);
    const range =
      c.quote === undefined ? {} : await services.texts.read(draftId, (doc) => rangeOf(doc, c.quote!));
    const made = await services.comments.create(author, draftId, {
      kind: c.replacement === undefined ? 'comment' : 'suggestion',
      body: c.body,
      ...(c.replacement === undefined ? {} : { replacement: c.replacement }),
      ...(c.quote === undefined ? { sectionId: c.sectionId } : range),
    });
    if (c.answer !== undefined) answers.push({ id: made.id, answer: c.answer });
    if (!senders.includes(author)) senders.push(author);
  }
  // Every organisation but the last has sent (gửi góp ý), so the table holds their comments
  // and the last one's wait, marked "chưa gửi", until it sends too.
  const roundId = (await services.rounds.list(secretary.id, draftId)).rounds[0]!.round.id;
  for (const sender of senders.slice(0, -1)) await services.rounds.submit(sender, draftId, roundId);
  for (const { id, answer } of answers) await services.comments.dispose(secretary, draftId, id, answer);
}

/** Fills the empty paragraph under a section's heading, adding paragraphs after it. */
function writeSection(doc: Y.Doc, sectionId: string, paragraphs: readonly string[]): void {
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  const at = fragment
    .toArray()
    .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute(SECTION_ID_ATTR) === sectionId);
  if (at < 0) throw new Error(`demo data: the outline has no section ${sectionId}`);
  const [first, ...rest] = paragraphs;
  (fragment.get(at + 1) as Y.XmlElement).insert(0, [new Y.XmlText(first)]);
  fragment.insert(
    at + 2,
    rest.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
}

/** The Yjs positions around the first occurrence of `quote`, as a browser sends them. */
function rangeOf(doc: Y.Doc, quote: string): { start: RelativePosition; end: RelativePosition } {
  for (const node of doc.getXmlFragment(CONTENT_FRAGMENT).toArray()) {
    const text = node instanceof Y.XmlElement ? node.get(0) : null;
    if (!(text instanceof Y.XmlText)) continue;
    const index = text.toJSON().indexOf(quote);
    if (index < 0) continue;
    const at = (i: number) => encodePosition(Y.createRelativePositionFromTypeIndex(text, i));
    return { start: at(index), end: at(index + quote.length) };
  }
  throw new Error(`demo data: "${quote}" is not in the draft`);
}
