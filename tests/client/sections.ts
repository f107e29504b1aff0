import type { SectionProgress } from '../../shared/api/progress.ts';
import type { Template, TemplateSection } from '../../shared/templates/template.ts';

/** A template section with the fields a test does not care about filled in. */
export function section(
  id: string,
  label: string,
  title: string,
  more: Partial<TemplateSection> = {},
): TemplateSection {
  return { id, label, title, guidance: '', required: true, children: [], ...more };
}

/** A political report template (báo cáo chính trị) around the given sections. */
export function template(sections: TemplateSection[]): Template {
  return {
    id: 'bao-cao-chinh-tri',
    version: 1,
    title: 'Báo cáo chính trị',
    documentType: 'BC',
    level: 'unit',
    term: '2025-2030',
    header: { superior: '', issuer: '', documentTitle: 'BÁO CÁO CHÍNH TRỊ', subtitle: '', recipients: [] },
    formatProfile: 'hd36-vptw',
    sections,
  };
}

/** One section's progress as the server reports it. */
export function progressOf(
  s: TemplateSection,
  depth: number,
  state: SectionProgress['state'],
  words: number,
): SectionProgress {
  return {
    id: s.id,
    label: s.label,
    title: s.title,
    heading: state === 'missing' ? null : `${s.label} ${s.title}`.trim(),
    depth,
    required: s.required,
    words,
    state,
    flagged: s.required && (state === 'empty' || state === 'missing'),
  };
}
