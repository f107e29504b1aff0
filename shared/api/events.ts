import { z } from 'zod';
import { Comment } from './comments.ts';
import { Invitation, Round, RoundTally } from './rounds.ts';

/**
 * The `comment` event on `/api/drafts/{id}/events`: a comment or reply the receiver may see
 * was created, changed, answered or withdrawn (then `comment` is its last state).
 */
export const CommentEvent = z
  .object({
    action: z.enum(['created', 'updated', 'answered', 'withdrawn']),
    comment: Comment,
  })
  .meta({ id: 'CommentEvent' });
/** A change of a comment. */
export type CommentEvent = z.infer<typeof CommentEvent>;

/**
 * The `round` event on `/api/drafts/{id}/events`: a round was opened, extended or closed,
 * or an organisation submitted (`invitation` is then its new state).
 */
export const RoundEvent = z
  .object({
    action: z.enum(['opened', 'updated', 'closed', 'submitted']),
    round: Round,
    tally: RoundTally,
    invitation: Invitation.nullable(),
  })
  .meta({ id: 'RoundEvent' });
/** A change of a round. */
export type RoundEvent = z.infer<typeof RoundEvent>;

/**
 * The `assignments` event on `/api/drafts/{id}/events`: a section was assigned, reassigned
 * or taken back; open pages read `GET …/assignments` again (each reader's view is the same).
 */
export const AssignmentsEvent = z.object({ sectionId: z.string() }).meta({ id: 'AssignmentsEvent' });
/** A change of a section's assignment. */
export type AssignmentsEvent = z.infer<typeof AssignmentsEvent>;

/** Names of the server-sent events of a draft page. */
export const DRAFT_EVENT_NAMES = ['progress', 'comment', 'round', 'assignments', 'discussion'] as const;
