import { TemplateDetail, TemplateList, TemplateSummary } from '../../shared/api/templates.ts';
import { apiPath, request } from '../api/api-client.ts';

/** The outline templates, newest version of each. */
export function listTemplates() {
  return request(apiPath(['templates']), TemplateList);
}

/** One template in full: version `version`, or the newest one. */
export function loadTemplate(templateId: string, version?: number) {
  return request(apiPath(['templates', templateId], { version }), TemplateDetail);
}

/** Imports a template file as read (the server validates it and answers which fields are wrong). */
export function importTemplate(template: unknown) {
  return request(apiPath(['templates']), TemplateSummary, { body: template });
}
