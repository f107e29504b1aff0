/** Lower case and plain spacing, diacritics kept: "Bổ sung" finds "bổ sung", not "bo sung". */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
}
