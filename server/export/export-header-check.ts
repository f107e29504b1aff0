import type { Draft } from '../../shared/api/drafts.ts';
import type { Template } from '../../shared/templates/template.ts';
import { ConflictError } from '../http/app-error.ts';

/** A header field the final text cannot go out without, by its name in the draft's header. */
export type RequiredHeaderField = 'numberSymbol' | 'place' | 'date' | 'congressOrdinal';

/**
 * The header fields a final text still lacks: its number, place and date always (a final
 * text with "Số   -BC/…" or "……, ngày … tháng …" is not one), and the congress ordinal when
 * the template's header prints it. (The issuer falls back to the unit's name, the term to the
 * template's.)
 */
export function missingHeaderFields(draft: Draft, template: Template | null): RequiredHeaderField[] {
  const h = draft.header;
  const printed = template === null ? '' : Object.values(template.header).flat().join('\n');
  const missing: RequiredHeaderField[] = [];
  if (h.numberSymbol === undefined) missing.push('numberSymbol');
  if (h.place === undefined) missing.push('place');
  if (h.date === undefined) missing.push('date');
  if (h.congressOrdinal === undefined && printed.includes('{ordinal}')) missing.push('congressOrdinal');
  return missing;
}

/** Refuses a final export whose header is incomplete: 409 `export_header_incomplete`, naming the fields. */
export function requireCompleteHeader(draft: Draft, template: Template | null): void {
  const missing = missingHeaderFields(draft, template);
  if (missing.length > 0)
    throw new ConflictError(
      'export_header_incomplete',
      `The final text needs these header fields filled in first: ${missing.join(', ')}`,
    );
}
