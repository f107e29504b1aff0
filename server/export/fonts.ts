import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The four Tinos TTFs (Times New Roman metrics, full Vietnamese coverage; STACK.md T6). */
export const TINOS_FILES = {
  normal: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italics: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  bolditalics: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const;

/** The folder holding the Tinos files: the only local files the PDF renderer may read (T19). */
export const TINOS_DIR = path.dirname(path.dirname(TINOS_FILES.normal));

/** The part of fontkit used here (it comes with pdfmake's pdfkit and ships no types). */
interface MeasuringFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

/**
 * Measures text in Tinos (same advance widths as Times New Roman), so that the rule under
 * "ĐẢNG CỘNG SẢN VIỆT NAM" is exactly as long as the title in both DOCX and PDF.
 */
export class TextMeasure {
  private readonly fonts = new Map<string, MeasuringFont>();

  /** Width of `text` in points at `sizePt`. */
  widthPt(text: string, sizePt: number, bold: boolean): number {
    const font = this.font(bold ? TINOS_FILES.bold : TINOS_FILES.normal);
    return (font.layout(text).advanceWidth / font.unitsPerEm) * sizePt;
  }

  private font(file: string): MeasuringFont {
    let font = this.fonts.get(file);
    if (font === undefined) {
      const fontkit = require('fontkit') as { openSync(file: string): MeasuringFont };
      font = fontkit.openSync(file);
      this.fonts.set(file, font);
    }
    return font;
  }
}
