import type { Draft } from '../../shared/api/drafts.ts';
import type { ExportFormat, ExportQuery } from '../../shared/api/exports.ts';

/** What a file name is made of, besides the draft: its template's wording and its organisation. */
export interface FileNaming {
  /** The template's document title ("BÁO CÁO CHÍNH TRỊ"), or null for a blank draft. */
  documentTitle: string | null;
  /** The template's issuer line ("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ {ordinal}"), or null. */
  congress: string | null;
  /** The organisation's name ("Đảng bộ Sở Tài nguyên và Môi trường"). */
  orgName: string | null;
}

/**
 * A short ASCII file name that says what the file is, e.g.
 * "BCCT-DHDB-So-TNMT-lan-VII-du-thao-lan-2.docx": the document's initials, the congress's,
 * the organisation, the congress number in Roman numerals, then which text ("du-thao" for
 * the working copy, "du-thao-lan-N" for a numbered version, nothing for the final text;
 * "co-de-xuat" when pending proposals are shown).
 */
export function exportFileName(
  draft: Pick<Draft, 'title' | 'header'>,
  query: Pick<ExportQuery, 'format' | 'kind' | 'version'> & Partial<Pick<ExportQuery, 'suggestions'>>,
  naming: FileNaming = { documentTitle: null, congress: null, orgName: null },
): string {
  const parts: string[] = [];
  if (naming.documentTitle !== null) parts.push(initials(naming.documentTitle));
  else parts.push(ascii(draft.title).split(' ').filter(Boolean).slice(0, 8).join('-'));
  const congress = naming.congress?.split(/\s+(?:LẦN|lần)\b|\{/)[0]?.trim() ?? '';
  if (congress !== '') parts.push(initials(congress));
  if (naming.orgName !== null) parts.push(orgPart(naming.orgName));
  if (draft.header.congressOrdinal !== undefined) parts.push(`lan-${roman(draft.header.congressOrdinal)}`);
  if (query.kind !== 'final')
    parts.push(query.version === undefined ? 'du-thao' : `du-thao-lan-${query.version}`);
  // A copy showing pending proposals must not be mistaken for the clean text.
  if (query.suggestions === 'marked') parts.push('co-de-xuat');
  const name = parts
    .map((p) => ascii(p).replace(/[^A-Za-z0-9-]+/g, '-'))
    .filter((p) => p.replace(/-/g, '') !== '')
    .join('-')
    .replace(/-{2,}/g, '-')
    .slice(0, 120);
  return `${name === '' ? 'van-kien' : name}.${query.format}`;
}

/** Upper-case initials of the words: "BÁO CÁO CHÍNH TRỊ" → "BCCT". */
function initials(text: string): string {
  return ascii(text)
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** "Đảng bộ Sở Tài nguyên và Môi trường" → "So-TNMT": the kind of body, then the initials of its name. */
function orgPart(name: string): string {
  const words = ascii(name.replace(/^(Đảng bộ|Đảng ủy|Chi bộ)\s+/iu, ''))
    .split(/\s+/)
    .filter(Boolean);
  const [head, ...rest] = words;
  if (head === undefined) return '';
  // Every syllable counts ("Tài nguyên" → "TN"), the joiners ("và", "của") do not.
  const tail = rest
    .filter((w) => !JOINERS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return tail === '' ? head : `${head}-${tail}`;
}

const JOINERS = new Set(['va', 'cua', 'cac', 'voi']);

/** 1–99 in Roman numerals. */
function roman(n: number): string {
  const tens = ['', 'X', 'XX', 'XXX', 'XL', 'L', 'LX', 'LXX', 'LXXX', 'XC'];
  const ones = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
  return `${tens[Math.floor(n / 10) % 10]}${ones[n % 10]}`;
}

/** Without diacritics (đ → d), control characters as spaces. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, ' ')
    .trim();
}

/**
 * `Content-Disposition` for a download named in Vietnamese: an ASCII fallback without
 * diacritics for old clients, and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The Content-Type of a format. */
export function contentTypeOf(format: ExportFormat): string {
  return CONTENT_TYPES[format];
}
