import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The four Tinos TTFs (Times New Roman metrics, full Vietnamese coverage; T6). */
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
  ascent: number;
  descent: number;
  lineGap: number;
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

  /**
   * Word's "single" line is the font's ascent, descent and line gap; pdfkit's leaves the gap
   * out. Multiplying pdfmake's `lineHeight` by this makes "1.15 lines" the same height in the
   * PDF as in Word and LibreOffice, so both break pages alike.
   */
  wordLineFactor(): number {
    const font = this.font(TINOS_FILES.normal);
    return (font.ascent - font.descent + font.lineGap) / (font.ascent - font.descent);
  }

  /** The height of one body line in points, as Word lays out `lineSpacing` lines at `sizePt`. */
  lineHeightPt(sizePt: number, lineSpacing: number): number {
    const font = this.font(TINOS_FILES.normal);
    return ((font.ascent - font.descent + font.lineGap) / font.unitsPerEm) * sizePt * lineSpacing;
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

/** One measurer per thread: the fonts are parsed once, on first use. */
export const textMeasure = new TextMeasure();
