import { z } from 'zod';
import { TemplateSchema } from '../templates/template.ts';

/** A template in lists: what a drafting committee needs to pick one. */
export const TemplateSummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    documentType: z.string(),
    level: z.enum(['unit', 'branch']),
    term: z.string(),
    sectionCount: z.number().int(),
  })
  .meta({ id: 'TemplateSummary' });

/** `GET /api/templates`: the newest version of each template. */
export const TemplateList = z.object({ templates: z.array(TemplateSummary) }).meta({ id: 'TemplateList' });

/** `GET /api/templates/{id}`: one version in full, and which versions exist. */
export const TemplateDetail = z
  .object({ template: TemplateSchema, versions: z.array(z.number().int()) })
  .meta({ id: 'TemplateDetail' });
