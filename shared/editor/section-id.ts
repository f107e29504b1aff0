import { Extension } from '@tiptap/core';

/** The heading attribute that ties a heading to its outline section. */
export const SECTION_ID_ATTR = 'sectionId';

/**
 * Headings carry the id of the outline section they open. The id is a node attribute, so it
 * travels with the heading when it is moved or renamed, and section progress, comments and
 * the revision log keep finding the section. In HTML it is `data-section-id`.
 */
export const SectionId = Extension.create({
  name: 'sectionId',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          [SECTION_ID_ATTR]: {
            default: null,
            // Pasting a heading must not duplicate a section: copies lose the id.
            keepOnSplit: false,
            // The DOM lib is not in the server's types; the browser passes an HTMLElement.
            parseHTML: (element) =>
              (element as { getAttribute(name: string): string | null }).getAttribute('data-section-id'),
            renderHTML: (attributes) => {
              const id = attributes[SECTION_ID_ATTR] as unknown;
              return typeof id === 'string' ? { 'data-section-id': id } : {};
            },
          },
        },
      },
    ];
  },
});
