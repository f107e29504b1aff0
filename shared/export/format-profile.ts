import { z } from 'zod';

/** How one printed element looks: size in half-points (as Word stores it), case, weight, slant, alignment. */
export const ElementStyle = z
  .object({
    sizeHalfPt: z.number().int().min(16).max(72),
    bold: z.boolean().default(false),
    italic: z.boolean().default(false),
    underline: z.boolean().default(false),
    /** Printed in capitals whatever the typed case (IN HOA). */
    upper: z.boolean().default(false),
    align: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  })
  .strict();
/** One element's style. */
export type ElementStyle = z.infer<typeof ElementStyle>;

/** Every element a profile styles, by name. */
export const ELEMENT_NAMES = [
  'partyTitle',
  'superior',
  'issuer',
  'congress',
  'issuerMark',
  'numberSymbol',
  'placeDate',
  'draftMark',
  'documentTitle',
  'subtitle',
  'body',
  'partLabel',
  'partTitle',
  'heading2',
  'heading3',
  'heading4',
  'signatureAuthority',
  'signatureTitle',
  'signerName',
  'recipientsLabel',
  'recipient',
  'pageNumber',
] as const;
/** One of {@link ELEMENT_NAMES}. */
export type ElementName = (typeof ELEMENT_NAMES)[number];

const Mm = z.number().min(0).max(100);

/**
 * A versioned set of layout rules for one guidance on Party document format (thể thức).
 * Renderers read every size, case, margin and wording from here, so a new guidance is a
 * new profile, not new code.
 */
export const FormatProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
    version: z.number().int().min(1),
    name: z.string().min(1),
    /** The guidance the rules come from. */
    source: z.string().min(1),
    page: z
      .object({
        /** Exact twips (T7: converting 210 mm truncates to 11905). */
        widthTwips: z.number().int().min(5000).max(30000),
        heightTwips: z.number().int().min(5000).max(30000),
        margins: z.object({ topMm: Mm, bottomMm: Mm, leftMm: Mm, rightMm: Mm }).strict(),
        /** Distance of the page number from the top edge. */
        headerMm: Mm,
      })
      .strict(),
    font: z
      .object({
        /** The typeface named in DOCX and HTML. */
        docx: z.string().min(1),
        /** The embedded TTF family used for PDF (Tinos has Times New Roman's metrics). */
        pdf: z.literal('Tinos'),
      })
      .strict(),
    /** Proofing language written into DOCX runs and the PDF catalogue. */
    language: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
    /** Width of the header table's left (issuer) column, in percent of the text width. */
    headerLeftPercent: z.number().min(20).max(80),
    /**
     * Words a header name too long for its column is preferably broken before ("ĐẢNG BỘ SỞ TÀI
     * NGUYÊN / VÀ MÔI TRƯỜNG"); otherwise the lines are balanced.
     */
    headerBreakBefore: z.array(z.string().min(1)).max(20),
    /** How `{ordinal}` (the congress's number) is printed: "VII" or "7". */
    ordinal: z.enum(['roman', 'arabic']),
    /** How a term or any year range is spelled throughout the text: `{from}` and `{to}` are filled. */
    termFormat: z.string().includes('{from}').includes('{to}'),
    body: z
      .object({
        firstLineIndentMm: Mm,
        /** Line spacing as a multiple of single spacing. */
        lineSpacing: z.number().min(1).max(3),
        spaceAfterPt: z.number().min(0).max(24),
      })
      .strict(),
    /** Page numbers: first numbered page, centred at the top. */
    pageNumbers: z.object({ fromPage: z.number().int().min(1).max(2) }).strict(),
    elements: z.object(
      Object.fromEntries(ELEMENT_NAMES.map((n) => [n, ElementStyle])) as {
        [K in ElementName]: typeof ElementStyle;
      },
    ),
    texts: z
      .object({
        partyTitle: z.string().min(1),
        issuerMark: z.string(),
        /** Before the number and symbol ("Số "). */
        numberPrefix: z.string(),
        /** Shown when the draft has no number yet. */
        numberPlaceholder: z.string(),
        /** `{place}`, `{day}`, `{month}`, `{year}` are filled in. */
        placeDate: z.string().min(1),
        draftMark: z.string().min(1),
        /** `{n}` is the version number. */
        versionMark: z.string().min(1),
        signatureAuthority: z.string(),
        signatureTitle: z.string(),
        recipientsLabel: z.string(),
        /** Recipients when the template names none (a template names the receiving committee). */
        recipients: z.array(z.string()).max(20),
      })
      .strict(),
    /** Heading numbering separators the outline may use ("I." or the traditional "I-"). */
    romanSeparator: z.enum(['.', '-']),
    /** Rules not confirmed against the original guidance, each with what it is and why. */
    unresolved: z.array(z.string()),
  })
  .strict();
/** A validated format profile. */
export type FormatProfile = z.infer<typeof FormatProfileSchema>;

/** Twips per millimetre (1 inch = 1440 twips = 25.4 mm). */
export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to whole twips, rounded (not truncated, see T7). */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** The header fields an export prints in the Party header block (all already filled in). */
export interface PartyHeaderFields {
  /** Upper level (cơ quan cấp trên trực tiếp); empty to leave the line out. */
  superior: string;
  /** Issuing body (cơ quan ban hành), printed bold (with the mark below when no congress line follows). */
  issuer: string;
  /** A congress document's congress line under the issuer ("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ VII"), or empty. */
  congress: string;
  /** "01-BC/ĐU", or empty for a number not yet given. */
  numberSymbol: string;
  place: string;
  /** YYYY-MM-DD, or empty for a date not yet set. */
  date: string;
}

/** The number line: "Số 01-BC/ĐU", or the profile's placeholder when there is none yet. */
export function numberLine(profile: FormatProfile, header: PartyHeaderFields): string {
  return `${profile.texts.numberPrefix}${header.numberSymbol === '' ? profile.texts.numberPlaceholder : header.numberSymbol}`;
}

/** The place and date line: "Hà Nội, ngày 05 tháng 12 năm 2026" (dots where a part is unknown). */
export function placeDateLine(profile: FormatProfile, header: PartyHeaderFields): string {
  const [year, month, day] = header.date === '' ? ['……', '…', '…'] : header.date.split('-');
  return profile.texts.placeDate
    .replace('{place}', header.place === '' ? '……' : header.place)
    .replace('{day}', day ?? '…')
    .replace('{month}', month ?? '…')
    .replace('{year}', year ?? '……');
}

/** An element's text in the case the profile prints it. */
export function styledText(style: ElementStyle, text: string): string {
  return style.upper ? text.toLocaleUpperCase('vi') : text;
}

/** 1–3999 in Roman numerals ("VII"); other numbers as digits. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let left = n;
  for (const [value, numeral] of table)
    while (left >= value) {
      out += numeral;
      left -= value;
    }
  return out;
}

/** A congress ordinal as the profile prints it. */
export function ordinalText(profile: FormatProfile, n: number): string {
  return profile.ordinal === 'roman' ? romanNumeral(n) : String(n);
}

/** Year ranges that read as a term (forward, at most ten years), however they are spelled. */
const YEAR_RANGE = /\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/g;

/** Every term-like year range in `text` in the profile's one spelling ("2025–2030"). */
export function spellTerms(profile: FormatProfile, text: string): string {
  return text.replace(YEAR_RANGE, (whole, from: string, to: string) =>
    Number(to) > Number(from) && Number(to) - Number(from) <= 10
      ? profile.termFormat.replace('{from}', from).replace('{to}', to)
      : whole,
  );
}
