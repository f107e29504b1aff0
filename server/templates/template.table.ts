import type { Selectable } from 'kysely';

/** Every version of every outline template: shipped ones from `templates/`, imported ones by admins. */
export interface TemplateTable {
  id: string;
  version: number;
  /** The validated template as JSON. */
  body: string;
  source: 'shipped' | 'imported';
  imported_by: number | null;
  created_at: number;
}

/** The templates module's tables. */
export interface TemplateTables {
  templates: TemplateTable;
}

/** A template row as read. */
export type TemplateRow = Selectable<TemplateTable>;
