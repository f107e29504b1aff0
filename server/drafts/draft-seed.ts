import type { JSONContent } from '@tiptap/core';
import type { Template, TemplateSection } from '../../shared/templates/template.ts';

/**
 * The first text of a draft made from a template: each section's heading (its label and
 * title, carrying the section id; level = depth, at most 4) followed by an empty paragraph
 * to write in. Guidance stays out of the text: the editor shows it beside the section.
 */
export function templateToDoc(template: Template): JSONContent {
  const content: JSONContent[] = [];
  const walk = (sections: readonly TemplateSection[], depth: number): void => {
    for (const section of sections) {
      const text = `${section.label} ${section.title}`.trim();
      content.push({
        type: 'heading',
        attrs: { level: Math.min(depth, 4), sectionId: section.id },
        content: [{ type: 'text', text }],
      });
      content.push({ type: 'paragraph' });
      walk(section.children, depth + 1);
    }
  };
  walk(template.sections, 1);
  return { type: 'doc', content };
}
