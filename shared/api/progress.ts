import { z } from 'zod';

/** How far a section is: no text, some text, enough text, or its heading was deleted. */
export const SECTION_STATES = ['empty', 'writing', 'written', 'missing'] as const;

/** One section's progress, in outline order. */
export const SectionProgress = z
  .object({
    id: z.string(),
    label: z.string(),
    /** The template's title. */
    title: z.string(),
    /** The heading as it reads in the draft now (renamed headings keep their section), or null if deleted. */
    heading: z.string().nullable(),
    depth: z.number().int(),
    required: z.boolean(),
    /** Words under this section, its subsections included. */
    words: z.number().int(),
    state: z.enum(SECTION_STATES),
    /** A required section with no text (or no heading). */
    flagged: z.boolean(),
  })
  .meta({ id: 'SectionProgress' });
/** One section's progress. */
export type SectionProgress = z.infer<typeof SectionProgress>;

/** `GET /api/drafts/{id}/progress` and the `progress` event. */
export const DraftProgress = z
  .object({
    draftId: z.string(),
    sections: z.array(SectionProgress),
    totals: z.object({
      words: z.number().int(),
      written: z.number().int(),
      writing: z.number().int(),
      empty: z.number().int(),
      missing: z.number().int(),
      flagged: z.number().int(),
    }),
  })
  .meta({ id: 'DraftProgress' });
/** A draft's progress. */
export type DraftProgress = z.infer<typeof DraftProgress>;
