import { z } from 'zod';
import { DraftId } from './drafts.ts';

/** A comment id in a path (`/api/drafts/{id}/comments/{commentId}`). */
export const CommentId = z.coerce.number().int().min(1);

/** A comment (góp ý) or a suggestion (đề xuất sửa: replacement text for the range). */
export const COMMENT_KINDS = ['comment', 'suggestion'] as const;
/** One of {@link COMMENT_KINDS}. */
export type CommentKind = (typeof COMMENT_KINDS)[number];

/**
 * The committee's answer: tiếp thu (accepted), tiếp thu một phần (partly), giải trình
 * (explained, not accepted, with the reason), ghi nhận (noted).
 */
export const DISPOSITIONS = ['accepted', 'partly', 'explained', 'noted'] as const;
/** One of {@link DISPOSITIONS}. */
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * A position in the draft: base64 of `Y.encodeRelativePosition`, made in the browser with
 * `absolutePositionToRelativePosition` from @tiptap/y-tiptap (see
 * `shared/comments/relative-position.ts`). Opaque to the API; the server checks that it
 * resolves in the live draft.
 */
export const RelativePosition = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'an encoded Yjs relative position (base64)')
  .meta({ id: 'RelativePosition' });
/** A stored relative position. */
export type RelativePosition = z.infer<typeof RelativePosition>;

/**
 * Where a comment points: its section, the text it quotes (with a little context before
 * and after, to find it again), and the Yjs positions of its start and end, which follow
 * concurrent edits. A whole-section comment has no range: empty quote, null positions.
 */
export const Anchor = z
  .object({
    sectionId: z.string().nullable(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: RelativePosition.nullable(),
    end: RelativePosition.nullable(),
  })
  .meta({ id: 'Anchor' });
/** A comment's anchor. */
export type Anchor = z.infer<typeof Anchor>;

/** The committee's answer to a comment. */
export const CommentDisposition = z
  .object({
    value: z.enum(DISPOSITIONS),
    note: z.string(),
    by: z.number().int().nullable(),
    byName: z.string().nullable(),
    at: z.string(),
    /** For an accepted suggestion: when its replacement was written into the draft. */
    appliedAt: z.string().nullable(),
    /**
     * The suggestion was written into the draft, but its text no longer reads so (removed or
     * changed since, e.g. by restoring an older version): the answer no longer describes the draft.
     */
    textRemoved: z.boolean(),
  })
  .meta({ id: 'CommentDisposition' });
/** The committee's answer. */
export type CommentDisposition = z.infer<typeof CommentDisposition>;

/** A comment, suggestion or reply. Replies have `parentId` and no anchor. */
export const Comment = z
  .object({
    id: z.number().int(),
    draftId: DraftId,
    roundId: z.number().int(),
    parentId: z.number().int().nullable(),
    /** The organisation the author speaks for. */
    orgId: z.number().int(),
    orgName: z.string(),
    authorId: z.number().int().nullable(),
    authorName: z.string().nullable(),
    kind: z.enum(COMMENT_KINDS),
    body: z.string(),
    /** The proposed text of a suggestion (may be empty: "delete this"); null for comments. */
    replacement: z.string().nullable(),
    anchor: Anchor.nullable(),
    /** The quoted text is gone from the draft; the comment keeps its quote and section. */
    orphaned: z.boolean(),
    /** What the anchored text reads now, when the draft's text there was changed; else null. */
    nowReads: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    disposition: CommentDisposition.nullable(),
    /** The author may still change or withdraw it (round open, organisation not submitted). */
    editable: z.boolean(),
  })
  .meta({ id: 'Comment' });
/** A comment as the API returns it. */
export type Comment = z.infer<typeof Comment>;

/** `GET /api/drafts/{id}/comments`: filters, all optional. */
export const CommentQuery = z.object({
  round: z.coerce.number().int().min(1).optional(),
  section: z.string().max(64).optional(),
  org: z.coerce.number().int().optional(),
  kind: z.enum(COMMENT_KINDS).optional(),
  /** A disposition, or `none` for comments not answered yet. */
  disposition: z.enum([...DISPOSITIONS, 'none']).optional(),
});

/**
 * `GET /api/drafts/{id}/comments`: comments and replies in document order of their
 * sections, oldest first within a section. Drafters, the secretary and admins above see
 * every organisation's; a commenter sees their own organisation's, with the answers.
 */
export const CommentList = z
  .object({
    comments: z.array(Comment),
    /** The draft's section headings in document order, to title comments where no editor is open. */
    sections: z.array(z.object({ id: z.string(), title: z.string() })),
  })
  .meta({ id: 'CommentList' });
/** A list of comments. */
export type CommentList = z.infer<typeof CommentList>;

/**
 * `POST /api/drafts/{id}/comments`. The body is plain text (HTML is refused). With `start`
 * and `end` it comments on that range (quote and section are taken from the live draft);
 * without them, on the whole section `sectionId`. A suggestion needs a range within one
 * paragraph and `replacement`.
 */
export const CreateCommentRequest = z
  .object({
    kind: z.enum(COMMENT_KINDS),
    body: z.string().max(100_000),
    replacement: z.string().max(100_000).optional(),
    sectionId: z.string().max(64).optional(),
    start: RelativePosition.optional(),
    end: RelativePosition.optional(),
    /** Needed only when the caller comments for more than one invited organisation. */
    orgId: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'CreateCommentRequest' });
/** Body of a new comment. */
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;

/** `POST /api/drafts/{id}/comments/{commentId}/replies`. */
export const ReplyRequest = z
  .object({ body: z.string().max(100_000) })
  .strict()
  .meta({ id: 'ReplyRequest' });

/** `PATCH /api/drafts/{id}/comments/{commentId}`: the author changes their text. */
export const EditCommentRequest = z
  .object({ body: z.string().max(100_000).optional(), replacement: z.string().max(100_000).optional() })
  .strict()
  .meta({ id: 'EditCommentRequest' });
/** Body of editing a comment. */
export type EditCommentRequest = z.infer<typeof EditCommentRequest>;

/**
 * `PUT /api/drafts/{id}/comments/{commentId}/disposition`: the committee's answer. A note
 * is required for `explained` (the reason) and `partly`. Accepting a suggestion writes its
 * replacement into the draft, once.
 */
export const DispositionRequest = z
  .object({ value: z.enum(DISPOSITIONS), note: z.string().max(100_000).default('') })
  .strict()
  .meta({ id: 'DispositionRequest' });
/** Body of answering a comment. */
export type DispositionRequest = z.input<typeof DispositionRequest>;
