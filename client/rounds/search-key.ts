/**
 * Text folded for matching: lower case, without Vietnamese tone and vowel marks, đ as d, so
 * "chi bo van phong" finds "Chi bộ Văn phòng" (people often type without diacritics).
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
