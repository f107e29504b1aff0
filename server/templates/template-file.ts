import fs from 'node:fs';
import path from 'node:path';
import { TemplateSchema, type Template } from '../../shared/templates/template.ts';
import { ValidationError } from '../http/app-error.ts';

/** Parses and validates a template; the error names `where` and the exact field at fault. */
export function parseTemplate(text: string, where: string): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('invalid_template', `${where}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = TemplateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? '(root)' : formatPath(issue.path);
    throw new ValidationError('invalid_template', `${where}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Reads every `<id>.json` of a directory; a file whose name is not its id is refused. */
export function readTemplateDir(dir: string): Template[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const template = parseTemplate(fs.readFileSync(file, 'utf8'), file);
      if (`${template.id}.json` !== name)
        throw new ValidationError(
          'invalid_template',
          `${file}: id: "${template.id}" must match the file name`,
        );
      return template;
    });
}

/** `sections[1].children[0].id` from a zod issue path. */
function formatPath(parts: readonly PropertyKey[]): string {
  return parts
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
