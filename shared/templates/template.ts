import { z } from 'zod';

/** A section id: stable across template versions, unique within a template, safe in URLs. */
export const SECTION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** One section of an outline (phần / mục), as the template file declares it. */
export interface TemplateSection {
  /** Stable id; the draft's heading node carries it, so renaming the heading keeps the link. */
  id: string;
  /** Numbering label as printed: "Phần thứ nhất", "I.", "1.", "a)". */
  label: string;
  title: string;
  /** Hướng dẫn viết: what to cover, which figures, the tone. Shown beside the text, never in it. */
  guidance: string;
  required: boolean;
  /** Rough length the bloc expects, in words. */
  lengthHint?: { minWords?: number; maxWords?: number } | undefined;
  children: TemplateSection[];
}

const LengthHint = z
  .object({
    minWords: z.number().int().min(0).max(100_000).optional(),
    maxWords: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((h) => h.minWords === undefined || h.maxWords === undefined || h.minWords <= h.maxWords, {
    message: 'minWords must not exceed maxWords',
  });

/** Schema of one section, recursively. */
export const TemplateSectionSchema: z.ZodType<TemplateSection> = z.lazy(() =>
  z
    .object({
      id: z.string().regex(SECTION_ID_PATTERN, 'lower-case letters, digits and dashes, at most 64'),
      label: z.string().trim().max(40),
      title: z.string().trim().min(1).max(300),
      guidance: z.string().trim().max(4000),
      required: z.boolean().default(true),
      lengthHint: LengthHint.optional(),
      children: z.array(TemplateSectionSchema).max(60).default([]),
    })
    .strict()
    // A named component: OpenAPI refers to it instead of inlining the recursion forever.
    .meta({ id: 'TemplateSection' }),
);

/** Deepest section nesting (Phần → I. → 1. → a)). */
export const MAX_SECTION_DEPTH = 4;

/** Header defaults a draft starts with (each editable per draft). */
export const TemplateHeader = z
  .object({
    /** The upper level's name, first line of the issuer block (e.g. "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"). */
    superior: z.string().trim().max(200).default(''),
    /**
     * The issuing body. For a congress document it is the congress ("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ
     * {ordinal}", docs/domain.md#issuer), printed under the unit's name; `{ordinal}` and `{term}` are
     * filled from the draft.
     */
    issuer: z.string().trim().max(200).default(''),
    /** Document title as printed ("BÁO CÁO CHÍNH TRỊ"). */
    documentTitle: z.string().trim().min(1).max(200),
    /** Subtitle (trích yếu) under the title; `{unit}` (the unit's name), `{ordinal}` and `{term}` are filled. */
    subtitle: z.string().trim().max(400).default(''),
    /** "Nơi nhận" lines, naming the receiving committee ("- Ban Thường vụ Đảng ủy Khối (để báo cáo),"). */
    recipients: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  })
  .strict();

/** An outline template file: `templates/<id>.json`. */
export const TemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(300),
    /** Genre abbreviation used in the document number (BC = báo cáo). */
    documentType: z.string().regex(/^[A-ZĐ]{1,5}$/),
    /** Which congresses it is for: a grassroots unit's or a sub-branch's. */
    level: z.enum(['unit', 'branch']),
    /** Nhiệm kỳ, e.g. "2025-2030". */
    term: z.string().regex(/^\d{4}-\d{4}$/),
    header: TemplateHeader,
    /** Which layout rules export applies (e.g. "hd36-vptw"). */
    formatProfile: z.string().regex(/^[a-z0-9-]{1,40}$/),
    sections: z.array(TemplateSectionSchema).min(1).max(60),
  })
  .strict()
  .meta({ id: 'Template' })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    const walk = (sections: TemplateSection[], path: (string | number)[], depth: number) => {
      sections.forEach((section, index) => {
        const at = [...path, index];
        if (depth > MAX_SECTION_DEPTH)
          ctx.addIssue({
            code: 'custom',
            path: at,
            message: `sections nest at most ${MAX_SECTION_DEPTH} deep`,
          });
        if (seen.has(section.id))
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'id'],
            message: `duplicate section id "${section.id}"`,
          });
        seen.add(section.id);
        walk(section.children, [...at, 'children'], depth + 1);
      });
    };
    walk(template.sections, ['sections'], 1);
  });

/** A validated outline template. */
export type Template = z.infer<typeof TemplateSchema>;
