/** How many terminal columns a string takes: combining marks (NFD diacritics) take none. */
export function displayWidth(text: string): number {
  return [...text].filter((ch) => !/\p{M}/u.test(ch)).length;
}

/** Pads to a display width, so columns of Vietnamese text stay aligned. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Lines of left-aligned columns, two spaces apart; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i] ?? 0))).join('  '),
  );
}
