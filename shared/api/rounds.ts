import { z } from 'zod';
import { ORG_KINDS } from '../access.ts';
import { COMMENT_LIMITS } from '../limits.ts';
import { DraftId } from './drafts.ts';

/** A round id in a path (`/api/drafts/{id}/rounds/{roundId}`). */
export const RoundId = z.coerce.number().int().min(1);

/**
 * A round is `open` until its deadline passes or the committee closes it early; then
 * `closed` (no new comments, edits or submissions).
 */
export const ROUND_STATUSES = ['open', 'closed'] as const;

/** Why a round is closed. */
export const ROUND_CLOSE_REASONS = ['deadline', 'closed_early'] as const;

/**
 * An invited organisation's progress: no comment yet, some comments, or its comments sent
 * (gửi góp ý), after which they are read-only.
 */
export const INVITATION_STATES = ['not_started', 'in_progress', 'submitted'] as const;
/** One of {@link INVITATION_STATES}. */
export type InvitationState = (typeof INVITATION_STATES)[number];

/** A consultation round (đợt lấy ý kiến) on a frozen version of a draft. */
export const Round = z
  .object({
    id: z.number().int(),
    draftId: DraftId,
    /** The frozen version sent out ("Dự thảo lần N"). */
    version: z.number().int(),
    versionLabel: z.string(),
    title: z.string(),
    /** ISO 8601. */
    deadline: z.string(),
    status: z.enum(ROUND_STATUSES),
    closedReason: z.enum(ROUND_CLOSE_REASONS).nullable(),
    openedBy: z.number().int().nullable(),
    openedByName: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    /**
     * The invited organisations may compare the version with the committee's current text;
     * otherwise they read and comment on the version only.
     */
    allowCompare: z.boolean(),
  })
  .meta({ id: 'Round' });
/** A consultation round. */
export type Round = z.infer<typeof Round>;

/** `POST /api/drafts/{id}/rounds`: send a frozen version out for comments. */
export const OpenRoundRequest = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(COMMENT_LIMITS.roundTitleMax),
    /** ISO 8601 date-time, in the future and at most a year ahead. */
    deadline: z.iso.datetime({ offset: true }),
    /** Organisations to invite: sub-branches or mass organisations under the draft's unit. */
    orgIds: z.array(z.number().int()).max(COMMENT_LIMITS.invitedMax).default([]),
    /** Also invite every organisation of these kinds under the unit ("all sub-branches" in one click). */
    allOf: z
      .array(z.enum(['branch', 'mass']))
      .max(2)
      .default([]),
    /** Let the invited organisations compare the version with the current text (off unless asked). */
    allowCompare: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'OpenRoundRequest' });
/** Body of opening a round. */
export type OpenRoundRequest = z.input<typeof OpenRoundRequest>;

/** `PATCH /api/drafts/{id}/rounds/{roundId}`: extend the deadline, or close the round early. */
export const UpdateRoundRequest = z
  .object({
    /** A later deadline (ISO 8601); re-opens a round closed by its deadline. */
    deadline: z.iso.datetime({ offset: true }).optional(),
    /** `closed` ends the round now. */
    status: z.literal('closed').optional(),
  })
  .strict()
  .meta({ id: 'UpdateRoundRequest' });
/** Body of updating a round. */
export type UpdateRoundRequest = z.infer<typeof UpdateRoundRequest>;

/** One invited organisation's submission state and comment counts. */
export const Invitation = z
  .object({
    orgId: z.number().int(),
    orgName: z.string(),
    orgKind: z.enum(ORG_KINDS),
    state: z.enum(INVITATION_STATES),
    submittedBy: z.number().int().nullable(),
    submittedByName: z.string().nullable(),
    submittedAt: z.string().nullable(),
    /** Comments and suggestions (replies not counted), withdrawn ones excluded. */
    comments: z.number().int(),
    /** Of those, how many have the committee's disposition. */
    answered: z.number().int(),
    /** Not submitted and the deadline has passed. */
    overdue: z.boolean(),
  })
  .meta({ id: 'Invitation' });
/** An invited organisation's state. */
export type Invitation = z.infer<typeof Invitation>;

/** Submitted out of invited, e.g. 200/277 (72%). */
export const RoundTally = z
  .object({
    invited: z.number().int(),
    submitted: z.number().int(),
    /** Whole percent, rounded down (199.9 of 200 is not 100%). */
    percent: z.number().int(),
    overdue: z.number().int(),
    comments: z.number().int(),
    answered: z.number().int(),
  })
  .meta({ id: 'RoundTally' });
/** Submitted out of invited. */
export type RoundTally = z.infer<typeof RoundTally>;

/** `GET /api/drafts/{id}/rounds/{roundId}`: the round dashboard. */
export const RoundDashboard = z
  .object({ round: Round, tally: RoundTally, invitations: z.array(Invitation) })
  .meta({ id: 'RoundDashboard' });
/** A round with every invitation. */
export type RoundDashboard = z.infer<typeof RoundDashboard>;

/** `GET /api/drafts/{id}/rounds`: the draft's rounds, newest first. */
export const RoundList = z
  .object({ rounds: z.array(z.object({ round: Round, tally: RoundTally })) })
  .meta({ id: 'RoundList' });
/** A draft's rounds. */
export type RoundList = z.infer<typeof RoundList>;

/**
 * `GET /api/rounds`: every round the caller takes part in, newest first: the rounds of
 * drafts they edit or oversee (bloc admins: every unit), and those their organisations are
 * invited to, with their own organisation's state in `mine`.
 */
export const RoundOverview = z
  .object({
    round: Round,
    tally: RoundTally,
    draft: z.object({ id: DraftId, title: z.string(), orgId: z.number().int(), orgName: z.string() }),
    /** The caller's invited organisation, when they comment for one. */
    mine: Invitation.nullable(),
  })
  .meta({ id: 'RoundOverview' });
/** A round seen from the caller's side. */
export type RoundOverview = z.infer<typeof RoundOverview>;

/** `GET /api/rounds`. */
export const RoundOverviewList = z
  .object({ rounds: z.array(RoundOverview) })
  .meta({ id: 'RoundOverviewList' });
/** The caller's rounds. */
export type RoundOverviewList = z.infer<typeof RoundOverviewList>;

/** `POST /api/drafts/{id}/rounds/{roundId}/submissions`: send an organisation's comments. */
export const SubmitRequest = z
  .object({
    /** Needed only when the caller comments for more than one invited organisation. */
    orgId: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'SubmitRequest' });

/**
 * `GET /api/drafts/{id}/rounds/invitable`: the organisations a round on this draft may invite
 * (sub-branches and mass organisations under the draft's unit), for the drafting committee.
 */
export const InvitableOrgs = z
  .object({
    orgs: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(['branch', 'mass']),
        name: z.string(),
        shortName: z.string(),
      }),
    ),
  })
  .meta({ id: 'InvitableOrgs' });
/** Organisations a round may invite. */
export type InvitableOrgs = z.infer<typeof InvitableOrgs>;
