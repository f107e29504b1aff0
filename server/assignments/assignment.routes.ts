import { createRoute, z } from '@hono/zod-openapi';
import {
  AssignmentList,
  AssignRequest,
  MyAssignments,
  SectionAssignment,
} from '../../shared/api/assignments.ts';
import { DraftId } from '../../shared/api/drafts.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { AssignmentService } from './assignment.service.ts';

const tags = ['assignments'];
const draft = z.object({ id: DraftId });
const section = z.object({ id: DraftId, sectionId: z.string().min(1).max(200) });
const notFound = errorResponse('No such draft (section_not_found: no such section in its outline)');
const forbidden = errorResponse('Not the secretary of the draft’s unit (not_secretary)');

const list = createRoute({
  method: 'get',
  path: '/{id}/assignments',
  tags,
  summary: 'Who writes each outline section, by when, its state and whether it is late',
  request: { params: draft },
  responses: { 200: { description: 'Assignments', ...json(AssignmentList) }, 404: notFound },
});

const assign = createRoute({
  method: 'put',
  path: '/{id}/assignments/{sectionId}',
  tags,
  summary: 'Assign a section to a drafting member with a due date (the secretary); notifies the assignee',
  request: { params: section, body: { ...json(AssignRequest), required: true } },
  responses: {
    200: { description: 'The section as assigned', ...json(SectionAssignment) },
    400: errorResponse('Bad date (invalid_due_date) or an assignee who does not draft for the unit'),
    403: forbidden,
    404: notFound,
    409: errorResponse('The draft is final'),
  },
});

const unassign = createRoute({
  method: 'delete',
  path: '/{id}/assignments/{sectionId}',
  tags,
  summary: 'Take a section back (the secretary)',
  request: { params: section },
  responses: {
    204: { description: 'Unassigned' },
    403: forbidden,
    404: notFound,
    409: errorResponse('The draft is final'),
  },
});

const mine = createRoute({
  method: 'get',
  path: '/mine',
  tags,
  summary: "The caller's sections in every draft, with how many are late",
  responses: { 200: { description: 'My sections', ...json(MyAssignments) } },
});

/** `/api/drafts/{id}/assignments…`. Mounted behind `requireUser`. */
export function assignmentRoutes(assignments: AssignmentService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json(await assignments.list(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(assign, async (c) => {
    const { id, sectionId } = c.req.valid('param');
    return c.json(await assignments.assign(c.var.user, id, sectionId, c.req.valid('json')), 200);
  });
  app.openapi(unassign, async (c) => {
    const { id, sectionId } = c.req.valid('param');
    await assignments.unassign(c.var.user, id, sectionId);
    return c.body(null, 204);
  });
  return app;
}

/** `/api/assignments/mine`. Mounted behind `requireUser`. */
export function myAssignmentRoutes(assignments: AssignmentService) {
  const app = apiRouter();
  app.openapi(mine, async (c) => c.json(await assignments.mine(c.var.user.id), 200));
  return app;
}
