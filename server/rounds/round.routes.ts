import { createRoute, z } from '@hono/zod-openapi';
import { DraftId } from '../../shared/api/drafts.ts';
import {
  Invitation,
  InvitableOrgs,
  OpenRoundRequest,
  RoundDashboard,
  RoundId,
  RoundList,
  RoundOverviewList,
  SubmitRequest,
  UpdateRoundRequest,
} from '../../shared/api/rounds.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { RoundService } from './round.service.ts';

const draft = z.object({ id: DraftId });
const round = z.object({ id: DraftId, roundId: RoundId });
const notFound = errorResponse('No such draft or round');
const tags = ['rounds'];

const open = createRoute({
  method: 'post',
  path: '/{id}/rounds',
  tags,
  summary: 'Send a frozen version out for comments (đợt lấy ý kiến): invited organisations, deadline',
  request: { params: draft, body: { ...json(OpenRoundRequest), required: true } },
  responses: {
    201: { description: 'The new round', ...json(RoundDashboard) },
    400: errorResponse('Past deadline, no or foreign organisations'),
    403: errorResponse('Only the drafting committee opens rounds'),
    404: errorResponse('No such draft or version'),
    409: errorResponse('A round is already open (round_already_open), or the draft is final'),
  },
});
const list = createRoute({
  method: 'get',
  path: '/{id}/rounds',
  tags,
  summary: "The draft's rounds with submitted/invited tallies, newest first",
  request: { params: draft },
  responses: { 200: { description: 'Rounds', ...json(RoundList) }, 404: notFound },
});
const invitable = createRoute({
  method: 'get',
  path: '/{id}/rounds/invitable',
  tags,
  summary: 'Sub-branches and mass organisations of the unit that a round may invite',
  request: { params: draft },
  responses: {
    200: { description: 'Organisations', ...json(InvitableOrgs) },
    403: errorResponse('Not the drafting committee'),
    404: notFound,
  },
});
const dashboard = createRoute({
  method: 'get',
  path: '/{id}/rounds/{roundId}',
  tags,
  summary: 'The round dashboard: submitted/invited (%), each organisation with its counts, overdue ones',
  request: { params: round },
  responses: {
    200: { description: 'Dashboard', ...json(RoundDashboard) },
    403: errorResponse('Commenters do not see the dashboard'),
    404: notFound,
  },
});
const update = createRoute({
  method: 'patch',
  path: '/{id}/rounds/{roundId}',
  tags,
  summary: 'Extend the deadline, or close the round early',
  request: { params: round, body: { ...json(UpdateRoundRequest), required: true } },
  responses: {
    200: { description: 'Dashboard', ...json(RoundDashboard) },
    400: errorResponse('The new deadline is not later'),
    403: errorResponse('Not the drafting committee'),
    404: notFound,
    409: errorResponse('The round was closed early (round_closed)'),
  },
});
const submit = createRoute({
  method: 'post',
  path: '/{id}/rounds/{roundId}/submissions',
  tags,
  summary: "Send the caller's organisation's comments (gửi góp ý); they become read-only",
  request: { params: round, body: { ...json(SubmitRequest), required: true } },
  responses: {
    201: { description: 'The invitation, submitted', ...json(Invitation) },
    403: errorResponse('The organisation is not invited (not_invited)'),
    404: notFound,
    409: errorResponse('Already submitted (org_submitted) or the round is closed (round_closed)'),
  },
});
const overview = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary:
    "Rounds the caller takes part in: their unit's, the units they oversee, and those they are invited to",
  responses: { 200: { description: 'Rounds', ...json(RoundOverviewList) } },
});

/** `/api/drafts/{id}/rounds…`. Mounted behind `requireUser`. */
export function roundRoutes(rounds: RoundService) {
  const app = apiRouter();
  app.openapi(open, async (c) =>
    c.json(await rounds.open(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(list, async (c) => c.json(await rounds.list(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(invitable, async (c) =>
    c.json(await rounds.invitable(c.var.user.id, c.req.valid('param').id), 200),
  );
  app.openapi(dashboard, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await rounds.dashboard(c.var.user.id, id, roundId), 200);
  });
  app.openapi(update, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await rounds.update(c.var.user, id, roundId, c.req.valid('json')), 200);
  });
  app.openapi(submit, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await rounds.submit(c.var.user, id, roundId, c.req.valid('json').orgId), 201);
  });
  return app;
}

/** `/api/rounds`. Mounted behind `requireUser`. */
export function roundOverviewRoutes(rounds: RoundService) {
  const app = apiRouter();
  app.openapi(overview, async (c) => c.json({ rounds: await rounds.overview(c.var.user) }, 200));
  return app;
}
