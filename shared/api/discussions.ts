import { z } from 'zod';
import { Anchor, RelativePosition } from './comments.ts';
import { DraftId } from './drafts.ts';

/** A discussion id in a path (`/api/drafts/{id}/discussions/{discussionId}`). */
export const DiscussionId = z.coerce.number().int().min(1);

/** A member of the drafting committee, as mentions and the composer's suggestions name them. */
export const DiscussionMember = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'DiscussionMember' });
/** A committee member. */
export type DiscussionMember = z.infer<typeof DiscussionMember>;

/**
 * An internal message of the drafting committee (trao đổi nội bộ): a thread's first message,
 * anchored on words of the draft, or a reply (`parentId`, no anchor). Never part of a
 * consultation round: commenters never see it and the revision log never lists it.
 */
export const Discussion = z
  .object({
    id: z.number().int(),
    draftId: DraftId,
    parentId: z.number().int().nullable(),
    authorId: z.number().int().nullable(),
    authorName: z.string().nullable(),
    body: z.string(),
    /** Members @mentioned in the body (each was notified). */
    mentions: z.array(DiscussionMember),
    anchor: Anchor.nullable(),
    /** The anchored words are gone from the draft; the thread keeps its quote. */
    orphaned: z.boolean(),
    createdAt: z.string(),
    /** When the thread was marked resolved (threads only); null while open. */
    resolvedAt: z.string().nullable(),
    resolvedByName: z.string().nullable(),
  })
  .meta({ id: 'Discussion' });
/** An internal message as the API returns it. */
export type Discussion = z.infer<typeof Discussion>;

/** `GET /api/drafts/{id}/discussions`: every thread of the draft, each followed by its replies, oldest first. */
export const DiscussionList = z.object({ discussions: z.array(Discussion) }).meta({ id: 'DiscussionList' });
/** The committee's threads. */
export type DiscussionList = z.infer<typeof DiscussionList>;

/** Who may be @mentioned: the drafters and the secretary of the draft's unit. */
export const DiscussionMembers = z
  .object({ members: z.array(DiscussionMember) })
  .meta({ id: 'DiscussionMembers' });
/** The committee. */
export type DiscussionMembers = z.infer<typeof DiscussionMembers>;

/** Users @mentioned in a message: at most a committee's worth, each once. */
const Mentions = z.array(z.number().int().min(1)).max(50).optional();

/**
 * `POST /api/drafts/{id}/discussions`: a new thread on the words between `start` and `end`
 * (quote and section are read from the live draft). The body is plain text.
 */
export const CreateDiscussionRequest = z
  .object({
    body: z.string().max(100_000),
    start: RelativePosition,
    end: RelativePosition,
    mentions: Mentions,
  })
  .strict()
  .meta({ id: 'CreateDiscussionRequest' });
/** A new thread. */
export type CreateDiscussionRequest = z.infer<typeof CreateDiscussionRequest>;

/** `POST /api/drafts/{id}/discussions/{discussionId}/replies`. */
export const DiscussionReplyRequest = z
  .object({ body: z.string().max(100_000), mentions: Mentions })
  .strict()
  .meta({ id: 'DiscussionReplyRequest' });
/** A reply. */
export type DiscussionReplyRequest = z.infer<typeof DiscussionReplyRequest>;

/** `PUT /api/drafts/{id}/discussions/{discussionId}/resolved`: resolve or reopen a thread. */
export const ResolveDiscussionRequest = z
  .object({ resolved: z.boolean() })
  .strict()
  .meta({ id: 'ResolveDiscussionRequest' });

/**
 * The `discussion` event on `/api/drafts/{id}/events`, sent only to the committee and those
 * overseeing the draft: a thread or reply was created, or a thread resolved or reopened.
 */
export const DiscussionEvent = z
  .object({
    action: z.enum(['created', 'resolved', 'reopened']),
    discussion: Discussion,
  })
  .meta({ id: 'DiscussionEvent' });
/** A change of the committee's threads. */
export type DiscussionEvent = z.infer<typeof DiscussionEvent>;
