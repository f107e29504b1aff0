import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { DraftId } from '../../shared/api/drafts.ts';
import { ExportCheck, ExportList, ExportQuery, WARNINGS_HEADER } from '../../shared/api/exports.ts';
import { apiRouter, type ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import { contentDisposition } from './export-file-name.ts';
import type { ExportService } from './export.service.ts';

const draft = z.object({ id: DraftId });
const notFound = errorResponse('No such draft (or not the caller’s unit), version or format profile');

const download = createRoute({
  method: 'get',
  path: '/{id}/export',
  tags: ['export'],
  summary:
    'The draft in the Party document format (DOCX, PDF, Markdown or HTML); warnings in X-Vankien-Warnings',
  request: { params: draft, query: ExportQuery },
  responses: {
    200: { description: 'The file, as an attachment with a Vietnamese file name' },
    400: errorResponse('Bad options, or the draft is over the export limit (export_too_large)'),
    403: errorResponse('Not the drafting committee, or a final export by someone other than the secretary'),
    404: notFound,
    409: errorResponse(
      'A final export of a draft not marked final (export_not_final), or without its number, place, date or congress ordinal (export_header_incomplete, naming the fields)',
    ),
    429: errorResponse('Too many exports in a minute'),
    503: errorResponse('Every export slot is busy (export_busy); Retry-After says when to try again'),
  },
});

const check = createRoute({
  method: 'get',
  path: '/{id}/export/check',
  tags: ['export'],
  summary: 'What an export with these options would warn about (empty required sections) and its file name',
  request: { params: draft, query: ExportQuery },
  responses: { 200: { description: 'Warnings', ...json(ExportCheck) }, 403: notFound, 404: notFound },
});

const list = createRoute({
  method: 'get',
  path: '/{id}/exports',
  tags: ['export'],
  summary: 'Who exported which text of the draft, in which format, when (newest first)',
  request: { params: draft },
  responses: { 200: { description: 'Exports', ...json(ExportList) }, 403: notFound, 404: notFound },
});

/**
 * `/api/drafts/{id}/export…` and `/exports`. Mounted behind `requireUser`; `limit` is the
 * per-user export budget, shared with the other document exports.
 */
export function exportRoutes(exports: ExportService, limit: MiddlewareHandler<ApiEnv>) {
  const app = apiRouter();
  app.use('/:id/export', limit);
  app.openapi(check, async (c) =>
    c.json(await exports.check(c.var.user, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(list, async (c) => c.json(await exports.list(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(download, async (c) => {
    const file = await exports.export(
      c.var.user,
      c.req.valid('param').id,
      c.req.valid('query'),
      clientAddress(c),
    );
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType,
      'content-length': String(file.body.byteLength),
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'no-store',
      [WARNINGS_HEADER]: encodeURIComponent(JSON.stringify(file.warnings)),
      'access-control-expose-headers': WARNINGS_HEADER,
    });
  });
  return app;
}
