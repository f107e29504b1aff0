import type { z } from 'zod';
import type { FormatProfileSchema } from '../format-profile.ts';

/**
 * Hướng dẫn 36-HD/VPTW (03/04/2018), Phụ lục 3, as collected in docs/domain.md#hd36. Values tagged
 * [S] there are the guidance's own; the others are marked below and listed in `unresolved`
 * so that a reviewer holding the original can correct the data, not the code.
 */
export const HD36_2018: z.input<typeof FormatProfileSchema> = {
  id: 'hd36-2018',
  version: 1,
  name: 'Hướng dẫn 36-HD/VPTW (2018)',
  source: 'Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng, Phụ lục 3',
  page: {
    // A4 [S]; exact twips, not converted from mm (T7).
    widthTwips: 11906,
    heightTwips: 16838,
    // UNRESOLVED (docs/domain.md#margins): sources disagree (20/20/30/15 vs 25/25/35/15 mm); the
    // third-party HD36 reading is used until the original's "định lề" paragraph is checked.
    margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
    // Page number 10 mm from the top edge [S, possibly pre-HD36].
    headerMm: 10,
  },
  font: { docx: 'Times New Roman', pdf: 'Tinos' },
  language: 'vi-VN',
  // The right column holds "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt bold, 73 mm) and the date line
  // (72 mm); 53 % leaves the left column 87 mm, so "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" (84 mm) is one line.
  headerLeftPercent: 53,
  // Long names break before "VÀ", as in "ĐẢNG BỘ SỞ TÀI NGUYÊN / VÀ MÔI TRƯỜNG" [I: common practice].
  headerBreakBefore: ['VÀ'],
  // Congresses are numbered in Roman numerals ("lần thứ VII") [S: 01-HD/VPTW examples, docs/domain.md#issuer].
  ordinal: 'roman',
  // UNRESOLVED: "2025–2030" and "2025 - 2030" are both seen; one spelling is used throughout.
  termFormat: '{from}–{to}',
  body: {
    // First-line indent and spacing are common practice [I]; 36-HD/VPTW's values were not read.
    firstLineIndentMm: 10,
    lineSpacing: 1.15,
    spaceAfterPt: 6,
  },
  // From page 2, centred at the top [S Bình Thuận e-handbook / S3]; treated as [I].
  pageNumbers: { fromPage: 2 },
  elements: {
    partyTitle: { sizeHalfPt: 30, bold: true, upper: true, align: 'center' },
    superior: { sizeHalfPt: 28, upper: true, align: 'center' },
    issuer: { sizeHalfPt: 28, bold: true, upper: true, align: 'center' },
    // UNRESOLVED: the congress line's weight; bold like the issuing body it stands for [I].
    congress: { sizeHalfPt: 28, bold: true, upper: true, align: 'center' },
    issuerMark: { sizeHalfPt: 28, align: 'center' },
    numberSymbol: { sizeHalfPt: 28, align: 'center' },
    placeDate: { sizeHalfPt: 28, italic: true, align: 'center' },
    // UNRESOLVED: ô 11b's size and style were not found [NF]; bold caps in the right cell [I].
    draftMark: { sizeHalfPt: 28, bold: true, align: 'center' },
    // 15–16 pt in the guidance; 16 chosen for the report title.
    documentTitle: { sizeHalfPt: 32, bold: true, upper: true, align: 'center' },
    // Trích yếu of a non-công văn: 14–15 pt, bold, normal case.
    subtitle: { sizeHalfPt: 28, bold: true, align: 'center' },
    body: { sizeHalfPt: 28, align: 'justify' },
    // "Phần thứ nhất" line, then its title in bold capitals [S].
    partLabel: { sizeHalfPt: 28, bold: true, align: 'center' },
    partTitle: { sizeHalfPt: 28, bold: true, upper: true, align: 'center' },
    // Levels below "Phần" follow common practice [I]: I. bold caps, 1. bold, a) bold italic.
    heading2: { sizeHalfPt: 28, bold: true, upper: true, align: 'justify' },
    heading3: { sizeHalfPt: 28, bold: true, align: 'justify' },
    heading4: { sizeHalfPt: 28, bold: true, italic: true, align: 'justify' },
    // Signature block and recipients: third-party values [S3], not yet checked against Phụ lục 3.
    signatureAuthority: { sizeHalfPt: 28, bold: true, upper: true, align: 'center' },
    signatureTitle: { sizeHalfPt: 28, bold: true, upper: true, align: 'center' },
    signerName: { sizeHalfPt: 28, bold: true, align: 'center' },
    // Bold italic 12 pt, not underlined [S3]; see `unresolved`.
    recipientsLabel: { sizeHalfPt: 24, bold: true, italic: true, align: 'left' },
    recipient: { sizeHalfPt: 22, align: 'left' },
    pageNumber: { sizeHalfPt: 28, align: 'center' },
  },
  texts: {
    partyTitle: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    issuerMark: '*',
    numberPrefix: 'Số ',
    numberPlaceholder: '   -BC/…',
    placeDate: '{place}, ngày {day} tháng {month} năm {year}',
    // UNRESOLVED: the exact wording rule of ô 11b was not found; practice [I].
    draftMark: 'DỰ THẢO',
    versionMark: 'Dự thảo lần {n}',
    signatureAuthority: 'T/M BAN CHẤP HÀNH',
    signatureTitle: 'BÍ THƯ',
    recipientsLabel: 'Nơi nhận:',
    // The receiving committee is named by the bloc's template ("Ban Thường vụ Đảng ủy Khối").
    recipients: ['- Các chi bộ trực thuộc,', '- Lưu Văn phòng Đảng ủy.'],
  },
  romanSeparator: '.',
  unresolved: [
    'page margins: 20/20/30/15 mm (third-party HD36) vs 25/25/35/15 mm (Bình Thuận handbook)',
    'page number: size and exact distance from the top edge',
    'draft marking (ô 11b): position, size and wording rule',
    'signature block and "Nơi nhận:" sizes: third-party values, Phụ lục 3 rows not read',
    'body first-line indent, line spacing and paragraph spacing',
    'leading zeros in the date (ISO form gives "ngày 05 tháng 02")',
    'term spelling: "2025–2030" chosen over "2025 - 2030"; one spelling throughout',
    '"Nơi nhận:" label: bold italic 12 pt without underline (third-party reading); some units underline it',
    'congress documents: unit line then "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ …", both bold; the weight of the unit line is not settled',
    'header names: break before "VÀ", else balanced lines (practice, not written in the guidance)',
    'keep-together rules (heading with the next two lines, closing block with the last lines): practice',
  ],
};
