import type { Kysely } from 'kysely';
import type { Template } from '../../shared/templates/template.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/app-error.ts';
import type { Logger } from '../logger.ts';
import { parseTemplate, readTemplateDir } from './template-file.ts';
import {
  findTemplate,
  insertTemplate,
  listLatestTemplates,
  listTemplateVersions,
} from './template.repository.ts';
import type { Clock } from '../time/clock.ts';

/** A template's list entry. */
export interface TemplateSummary {
  id: string;
  version: number;
  title: string;
  documentType: string;
  level: 'unit' | 'branch';
  term: string;
  sectionCount: number;
}

/** Outline templates: the shipped ones and those a bloc admin imports; every version is kept. */
export class TemplateService {
  constructor(
    private readonly db: Kysely<Database>,
    /** Whether a user administers a bloc (only they may import templates). */
    private readonly isBlocAdmin: (userId: number) => Promise<boolean>,
    private readonly clock: Clock,
  ) {}

  /** Stores the shipped templates' versions that the database does not have yet. */
  async syncShipped(dir: string, log: Logger): Promise<void> {
    for (const template of readTemplateDir(dir)) {
      const added = await insertTemplate(this.db, row(template, 'shipped', null, this.clock.now()));
      if (added) log.info({ template: template.id, version: template.version }, 'template added');
    }
  }

  /** The newest version of each template. */
  async list(): Promise<TemplateSummary[]> {
    return (await listLatestTemplates(this.db)).map((r) => summary(JSON.parse(r.body) as Template));
  }

  /** One version (the newest if omitted) and the versions that exist; 404 if unknown. */
  async get(id: string, version?: number): Promise<{ template: Template; versions: number[] }> {
    const found = await findTemplate(this.db, id, version);
    if (found === undefined)
      throw new NotFoundError(
        'template_not_found',
        `No template ${id}${version === undefined ? '' : ` v${version}`}`,
      );
    return {
      template: JSON.parse(found.body) as Template,
      versions: await listTemplateVersions(this.db, id),
    };
  }

  /** Imports a template or a newer version of one (bloc admins only); `where` names the source in errors. */
  async import(userId: number | null, text: string, where: string): Promise<TemplateSummary> {
    if (userId !== null && !(await this.isBlocAdmin(userId)))
      throw new ForbiddenError('forbidden', 'Only a bloc administrator imports templates');
    const template = parseTemplate(text, where);
    const latest = await findTemplate(this.db, template.id);
    if (latest !== undefined && template.version <= latest.version)
      throw new ConflictError(
        'conflict',
        `${where}: version: template ${template.id} already has version ${latest.version}; import version ${latest.version + 1} or higher`,
      );
    await insertTemplate(this.db, row(template, 'imported', userId, this.clock.now()));
    return summary(template);
  }
}

function row(template: Template, source: 'shipped' | 'imported', importedBy: number | null, at: number) {
  return {
    id: template.id,
    version: template.version,
    body: JSON.stringify(template),
    source,
    imported_by: importedBy,
    created_at: at,
  };
}

/** The list entry of a template. */
export function summary(template: Template): TemplateSummary {
  let sectionCount = 0;
  const count = (sections: Template['sections']): void => {
    for (const section of sections) {
      sectionCount++;
      count(section.children);
    }
  };
  count(template.sections);
  const { id, version, title, documentType, level, term } = template;
  return { id, version, title, documentType, level, term, sectionCount };
}
