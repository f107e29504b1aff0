/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import * as Y from 'yjs';
import { tableElement } from '../server/drafts/table-helpers.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { waitFor, waitForAsync } from '../helpers/wait.ts';
import {
  createDraft,
  focusSection,
  openDraft,
  twoDraftersOnNewDraft,
  writeHundredPages,
} from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string };

/** The first table of the editor's document as JSON (null when there is none). */
function firstTable(page: Page): Promise<Json | null> {
  return page.evaluate(() => {
    const json = (window as unknown as { __vkEditor: { getJSON(): Json } }).__vkEditor.getJSON();
    return json.content?.find((n) => n.type === 'table') ?? null;
  });
}

/** A table's cells as text, row by row ("H:" before header cells, "×2" after a cell spanning two columns). */
function cellTexts(table: Json | null): string[][] {
  const text = (n: Json): string => (n.text ?? '') + (n.content ?? []).map(text).join(' ');
  return (table?.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => {
      const span = Number(cell.attrs?.colspan ?? 1);
      return `${cell.type === 'tableHeader' ? 'H:' : ''}${text(cell).trim()}${span > 1 ? `×${span}` : ''}`;
    }),
  );
}

/** Pastes HTML into the focused editor as the browser does when a user pastes from Word or LibreOffice. */
function pasteHtml(page: Page, markup: string): Promise<void> {
  return page.evaluate((html) => {
    const target = (window as unknown as { __vkEditor: { view: { dom: HTMLElement } } }).__vkEditor.view.dom;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'bảng');
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, markup);
}

/** What Word (Microsoft 365, Windows) puts on the clipboard for a 2×2 table with a bold header row. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0cm;font-size:14.0pt;font-family:"Times New Roman",serif;} --></style></head><body lang=VI><!--StartFragment--><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'><tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b><span style='font-size:13.0pt'>Đơn vị<o:p></o:p></span></b></p></td><td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b><span style='font-size:13.0pt'>Số đảng viên<o:p></o:p></span></b></p></td></tr><tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>Chi bộ Văn phòng<o:p></o:p></p></td><td width=301 valign=top style='width:225.4pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=right style='text-align:right'>27<o:p></o:p></p></td></tr></table><!--EndFragment--></body></html>`;

/** What LibreOffice Writer 7 puts on the clipboard for a table with a merged first row. */
const LIBREOFFICE_HTML = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/></head><body lang="vi-VN" dir="ltr"><table width="100%" cellpadding="4" cellspacing="0"><col width="128*"/><col width="128*"/><tr valign="top"><td colspan="2" width="100%" style="border: 1px solid #000000; padding: 0.1cm"><p align="center">Kết quả kết nạp đảng viên</p></td></tr><tr valign="top"><td width="50%" style="border-top: none; border-bottom: 1px solid #000000; border-left: 1px solid #000000; border-right: none; padding: 0.1cm"><p>Năm 2024</p></td><td width="50%" style="border: 1px solid #000000; border-top: none; padding: 0.1cm"><p>18</p></td></tr></table><p><br/></p></body></html>`;

describe('tables in the shared editor', () => {
  it('two drafters build a table together: insert, type, add a row and a column, header row, merge cells; the server keeps it', async () => {
    const { server, draftId, a, b } = await twoDraftersOnNewDraft(bed, browser, {
      a: { width: 1440, height: 900 },
    });
    await focusSection(a.page, 'p1-chi-tieu');
    await a.page.getByRole('button', { name: 'Chèn bảng' }).click();
    // Three columns, a header row and two rows; Tab moves to the next cell.
    for (const cell of ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Thu ngân sách', '100', '105']) {
      await a.page.keyboard.type(cell);
      await a.page.keyboard.press('Tab');
    }
    await a.page.keyboard.type('Đảng viên mới');
    await a.page.getByRole('button', { name: 'Thêm hàng bên dưới' }).click();
    await a.page.keyboard.press('ArrowDown');
    await a.page.keyboard.type('Tổng hợp');
    // Select this cell and the next (Shift+→ past the cell's end makes a cell selection), then merge.
    await a.page.keyboard.press('Shift+ArrowRight');
    await a.page.getByRole('button', { name: 'Gộp ô' }).click();
    await a.page.getByRole('button', { name: 'Thêm cột bên phải' }).click();

    const expected = [
      // The new column goes right of the merged cell's columns.
      ['H:Chỉ tiêu', 'H:Kế hoạch', 'H:', 'H:Thực hiện'],
      ['Thu ngân sách', '100', '', '105'],
      ['Đảng viên mới', '', '', ''],
      ['Tổng hợp×2', '', ''],
    ];
    await b.page.waitForFunction((want) => {
      const json = (window as unknown as { __vkEditor: { getJSON(): Json } }).__vkEditor.getJSON();
      return JSON.stringify(json).includes(want);
    }, 'Tổng hợp');
    // B converges to A's table (the collaboration), and A's table is the one built (the editing):
    // two checks, so a failure says which of the two went wrong.
    const onA = JSON.stringify(cellTexts(await firstTable(a.page)));
    await waitForAsync(
      async () => JSON.stringify(cellTexts(await firstTable(b.page))) === onA,
      `B to hold A's table ${onA}`,
    );
    expect(cellTexts(await firstTable(a.page))).toEqual(expected);
    await screenshot(a.page, 'table-1440');

    // Header row off and on again, then the server's Markdown export holds the table.
    await a.page.getByRole('button', { name: 'Hàng tiêu đề' }).click();
    expect(cellTexts(await firstTable(a.page))[0]).toEqual(['Chỉ tiêu', 'Kế hoạch', '', 'Thực hiện']);
    await a.page.getByRole('button', { name: 'Hàng tiêu đề' }).click();
    const token = server.workspace.users.editor.token;
    await waitForAsync(async () => {
      const md = await (await api(server, `/drafts/${draftId}/export?format=md`, { token })).text();
      return md.includes('| Chỉ tiêu | Kế hoạch |   | Thực hiện |') && md.includes('| Tổng hợp |');
    }, 'the table in the Markdown export');
    await b.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(b.page, 'table-390');
    expect(a.errors, a.errors.join('\n')).toEqual([]);
    expect(b.errors, b.errors.join('\n')).toEqual([]);
  });

  it('pasting a table from Word or LibreOffice keeps it a table, and a colleague receives it', async () => {
    const { a, b } = await twoDraftersOnNewDraft(bed, browser);
    await focusSection(a.page, 'p1-chi-tieu');
    await pasteHtml(a.page, WORD_HTML);
    await focusSection(a.page, 'p2-du-bao');
    await pasteHtml(a.page, LIBREOFFICE_HTML);
    const tables = (page: Page) =>
      page.evaluate(() => {
        const json = (window as unknown as { __vkEditor: { getJSON(): Json } }).__vkEditor.getJSON();
        return (json.content ?? []).filter((n) => n.type === 'table');
      });
    await waitForAsync(async () => (await tables(b.page)).length === 2, 'both pasted tables on B');
    const [word, office] = await tables(b.page);
    expect(cellTexts(word!)).toEqual([
      ['Đơn vị', 'Số đảng viên'],
      ['Chi bộ Văn phòng', '27'],
    ]);
    expect(JSON.stringify(word)).toContain('"bold"');
    expect(cellTexts(office!)).toEqual([['Kết quả kết nạp đảng viên×2'], ['Năm 2024', '18']]);
    expect(a.errors, a.errors.join('\n')).toEqual([]);
    expect(b.errors, b.errors.join('\n')).toEqual([]);
  });
});

describe('a 100-page draft with 40 tables', () => {
  it('opens in the browser (figure printed; target 2 s)', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    // 100 pages: about 50,000 words in 830 paragraphs of 60, with a 6×4 table after every 20th of the first 800.
    const writer = bed.connect(draftId);
    await writer.synced();
    writeHundredPages(writer.doc, (p, fragment) => {
      if (p % 20 === 19 && p < 800)
        fragment.insert(fragment.length, [
          tableElement([
            ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ'].map((text) => ({ text, header: true })),
            ...Array.from({ length: 5 }, (_, r) => [
              `Chỉ tiêu ${p}.${r}`,
              '100',
              String(95 + r),
              `${95 + r}%`,
            ]),
          ]),
        ]);
    });
    const tables = writer.doc
      .getXmlFragment('content')
      .toArray()
      .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'table').length;
    expect(tables).toBe(40);
    // A second client that joins now gets only what the server has committed: once it holds
    // the 40 tables, the page below loads the whole draft.
    const check = bed.connect(draftId);
    await check.synced();
    const stored = () =>
      check.doc
        .getXmlFragment('content')
        .toArray()
        .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'table').length;
    await waitFor(() => stored() === 40, 'the 40 tables committed by the server');
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'coeditor');
    const t0 = Date.now();
    await openDraft(page, draftId);
    await page.waitForFunction(
      () =>
        (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor.getText().length > 200_000,
    );
    await page.waitForFunction(
      (n) =>
        (
          window as unknown as { __vkEditor: { view: { dom: HTMLElement } } }
        ).__vkEditor.view.dom.querySelectorAll('table').length === n,
      tables,
    );
    const ms = Date.now() - t0;
    console.log(`first load of the draft page on a 100-page draft with ${tables} tables: ${ms} ms`);
    expect(ms).toBeLessThan(10_000); // the 2 s target is a benchmark figure; this only catches a hang
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
