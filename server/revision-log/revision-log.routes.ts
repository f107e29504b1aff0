import { createRoute, z } from '@hono/zod-openapi';
import { DraftId } from '../../shared/api/drafts.ts';
import {
  RevisionHistory,
  RevisionLog,
  RevisionLogExportQuery,
  RevisionLogQuery,
  RevisionReportExportQuery,
  RevisionReport,
  RevisionTotals,
  SaveGroupRequest,
  SaveReportRequest,
  SectionWordDiff,
  SimilarComments,
  UpdateGroupRequest,
} from '../../shared/api/revision-log.ts';
import { RoundId } from '../../shared/api/rounds.ts';
import type { MiddlewareHandler } from 'hono';
import { apiRouter, type ApiEnv } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { ExportFile, RevisionExportService } from './revision-export.service.ts';
import type { RevisionLogService } from './revision-log.service.ts';
import type { RevisionTotalsService } from './revision-totals.service.ts';

const round = z.object({ id: DraftId, roundId: RoundId });
const group = round.extend({ groupId: z.coerce.number().int().min(1) });
const section = round.extend({ sectionId: z.string().max(64) });
const oneComment = round.extend({ commentId: z.coerce.number().int().min(1) });
const tags = ['revision log'];
const base = '/{id}/rounds/{roundId}/log';
const notFound = errorResponse('No such draft or round (round_not_found: not a round of this draft)');
const forbidden = errorResponse('Commenters do not see the log; only the committee changes it');
const logResponse = { description: 'The consolidated table', ...json(RevisionLog) };
const file = (...types: string[]) => ({
  description: 'The file',
  content: Object.fromEntries(types.map((type) => [type, { schema: z.string() }])),
});
const empty = errorResponse('The round has no comments yet (revision_log_empty)');

const read = createRoute({
  method: 'get',
  path: base,
  tags,
  summary:
    'The consolidated table (bảng tổng hợp, tiếp thu, giải trình) with counts; ?threshold= tunes grouping, ?unsent=true lists comments not sent yet',
  request: { params: round, query: RevisionLogQuery },
  responses: { 200: logResponse, 403: forbidden, 404: notFound },
});
const similar = createRoute({
  method: 'get',
  path: `${base}/similar/{commentId}`,
  tags,
  summary: 'The comments of the round most like this one, best first (comment_not_found: not in this round)',
  request: { params: oneComment },
  responses: {
    200: { description: 'Similar comments', ...json(SimilarComments) },
    403: forbidden,
    404: notFound,
  },
});
const history = createRoute({
  method: 'get',
  path: `${base}/history`,
  tags,
  summary: "Which sections changed between the round's version and the next one (or the live text)",
  request: { params: round },
  responses: {
    200: { description: 'Edits per section', ...json(RevisionHistory) },
    403: forbidden,
    404: notFound,
  },
});
const diff = createRoute({
  method: 'get',
  path: `${base}/history/{sectionId}`,
  tags,
  summary: "One section's word diff between the round's version and the next one",
  request: { params: section },
  responses: { 200: { description: 'Word diff', ...json(SectionWordDiff) }, 403: forbidden, 404: notFound },
});
const save = createRoute({
  method: 'post',
  path: `${base}/groups`,
  tags,
  summary: 'Save comments as one group (merge or split), with its wording and answer',
  request: { params: round, body: { ...json(SaveGroupRequest), required: true } },
  responses: {
    201: logResponse,
    400: errorResponse('Comments of another round or section (group_invalid); giải trình without a reason'),
    403: forbidden,
    404: notFound,
  },
});
const update = createRoute({
  method: 'patch',
  path: `${base}/groups/{groupId}`,
  tags,
  summary: "A group's wording and answer; the answer is applied to every comment in it",
  request: { params: group, body: { ...json(UpdateGroupRequest), required: true } },
  responses: {
    200: logResponse,
    400: errorResponse('Giải trình or tiếp thu một phần without a reason (answer_reason_required)'),
    403: forbidden,
    404: errorResponse('No such group (group_not_found), draft or round'),
  },
});
const dissolve = createRoute({
  method: 'delete',
  path: `${base}/groups/{groupId}`,
  tags,
  summary: 'Dissolve a saved group: its comments are grouped automatically again',
  request: { params: group },
  responses: { 200: logResponse, 403: forbidden, 404: errorResponse('No such group') },
});
const busy = errorResponse('Every export slot is busy (export_busy); Retry-After says when to try again');
const exportLog = createRoute({
  method: 'get',
  path: `${base}/export`,
  tags,
  summary:
    'The table as a file: format=docx (A4 landscape, Party header block, Times New Roman) or format=csv (UTF-8 with BOM, RFC 4180)',
  request: { params: round, query: RevisionLogExportQuery },
  responses: {
    200: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/csv'),
    403: forbidden,
    404: notFound,
    409: empty,
    503: busy,
  },
});
const report = createRoute({
  method: 'get',
  path: `${base}/report`,
  tags,
  summary: 'The narrative report (báo cáo tổng hợp ý kiến): as edited, or generated from the table',
  request: { params: round },
  responses: { 200: { description: 'Report', ...json(RevisionReport) }, 403: forbidden, 404: notFound },
});
const saveReport = createRoute({
  method: 'put',
  path: `${base}/report`,
  tags,
  summary: 'Store the edited report (empty text returns to the generated one)',
  request: { params: round, body: { ...json(SaveReportRequest), required: true } },
  responses: { 200: { description: 'Report', ...json(RevisionReport) }, 403: forbidden, 404: notFound },
});
const exportReport = createRoute({
  method: 'get',
  path: `${base}/report/export`,
  tags,
  summary: 'The narrative report as a file: format=docx, in the Party layout',
  request: { params: round, query: RevisionReportExportQuery },
  responses: { 200: file('application/octet-stream'), 403: forbidden, 404: notFound, 409: empty, 503: busy },
});
const totals = createRoute({
  method: 'get',
  path: '/totals',
  tags,
  summary: 'Consultation figures per unit the caller drafts for or oversees, summed without double counting',
  responses: { 200: { description: 'Totals', ...json(RevisionTotals) } },
});

/** `/api/drafts/{id}/rounds/{roundId}/log…`. Mounted behind `requireUser`. */
export function revisionLogRoutes(
  log: RevisionLogService,
  exports: RevisionExportService,
  limit: MiddlewareHandler<ApiEnv>,
) {
  const app = apiRouter();
  // The Word files cost a second of CPU each: they share the per-user export budget (a CSV
  // costs milliseconds and does not).
  const wordOnly: MiddlewareHandler<ApiEnv> = (c, next) =>
    c.req.query('format') === 'csv' ? next() : limit(c, next);
  app.use('/:id/rounds/:roundId/log/export', wordOnly);
  app.use('/:id/rounds/:roundId/log/report/export', limit);
  app.openapi(read, async (c) => {
    const { id, roundId } = c.req.valid('param');
    const { threshold, unsent } = c.req.valid('query');
    return c.json(await log.log(c.var.user.id, id, roundId, threshold, unsent), 200);
  });
  app.openapi(similar, async (c) => {
    const { id, roundId, commentId } = c.req.valid('param');
    return c.json(await log.similar(c.var.user.id, id, roundId, commentId), 200);
  });
  app.openapi(history, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await log.history(c.var.user.id, id, roundId), 200);
  });
  app.openapi(diff, async (c) => {
    const { id, roundId, sectionId } = c.req.valid('param');
    return c.json(await log.sectionDiff(c.var.user.id, id, roundId, sectionId), 200);
  });
  app.openapi(save, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await log.saveGroup(c.var.user, id, roundId, c.req.valid('json')), 201);
  });
  app.openapi(update, async (c) => {
    const { id, roundId, groupId } = c.req.valid('param');
    return c.json(await log.updateGroup(c.var.user, id, roundId, groupId, c.req.valid('json')), 200);
  });
  app.openapi(dissolve, async (c) => {
    const { id, roundId, groupId } = c.req.valid('param');
    return c.json(await log.dissolve(c.var.user, id, roundId, groupId), 200);
  });
  app.openapi(exportLog, async (c) => {
    const { id, roundId } = c.req.valid('param');
    const { format, threshold } = c.req.valid('query');
    const userId = c.var.user.id;
    return download(
      format === 'csv'
        ? await exports.csv(userId, id, roundId, threshold)
        : await exports.docx(userId, id, roundId, threshold),
    );
  });
  app.openapi(report, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await exports.report(c.var.user.id, id, roundId), 200);
  });
  app.openapi(saveReport, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return c.json(await exports.saveReport(c.var.user, id, roundId, c.req.valid('json').text), 200);
  });
  app.openapi(exportReport, async (c) => {
    const { id, roundId } = c.req.valid('param');
    return download(await exports.reportDocx(c.var.user.id, id, roundId));
  });
  return app;
}

/** `/api/revision-log/totals`. Mounted behind `requireUser`. */
export function revisionTotalsRoutes(totalsService: RevisionTotalsService) {
  const app = apiRouter();
  app.openapi(totals, async (c) => c.json(await totalsService.totals(c.var.user), 200));
  return app;
}

/** A file response: its type, and a download name (ASCII, so no header encoding is needed). */
function download(file: ExportFile): Response {
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
