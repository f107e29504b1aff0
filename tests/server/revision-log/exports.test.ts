import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_LIMITS } from '../../../shared/limits.ts';
import type { RevisionHistory, RevisionLog, RevisionReport } from '../../../shared/api/revision-log.ts';
import { api } from '../../helpers/http-client.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';
import { ORGS, plan, SUBMITTED } from './near-duplicates.ts';
import { revisionRound, type RevisionRound } from './revision-round.ts';

const HEADERS = [
  'STT',
  'Vị trí trong dự thảo lần 1',
  'Nội dung góp ý',
  'Đơn vị góp ý',
  'Số ý kiến',
  'Hướng xử lý',
  'Nội dung tiếp thu, giải trình',
  'Vị trí trong dự thảo lần 2',
];
const ADDED = ' Số liệu thu ngân sách từng năm được nêu trong phụ lục kèm theo.';
const GOAL = 'Xây dựng Đảng bộ trong sạch, vững mạnh toàn diện.';

describe('exports and edit history of a round of 60 organisations', () => {
  let server: TestServer;
  let round: RevisionRound;
  let log: RevisionLog;
  const download = async (path: string) => {
    const response = await api(server, `/drafts/${round.draftId}/rounds/${round.roundId}/log/${path}`, {
      token: server.workspace.users.editor.token,
    });
    expect(response.status).toBe(200);
    return {
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    round = await revisionRound(server, { orgs: ORGS, plan, submitted: SUBMITTED });
    const path = `/rounds/${round.roundId}/log`;
    const budget = (await round.call<RevisionLog>('editor', path)).body.groups[0]!;
    await round.call('editor', `${path}/groups`, {
      body: {
        commentIds: budget.comments.map((c) => c.id),
        disposition: 'accepted',
        answer: 'Tiếp thu, đã bổ sung số liệu vào mục I, có phụ lục kèm theo.',
      },
    });
    // Two drafters write in two sections, then Dự thảo lần 2 is frozen with both.
    const writer = server.connect(round.draftId);
    const colleague = server.connect(round.draftId, { as: 'coeditor' });
    await Promise.all([writer.synced(), colleague.synced()]);
    writeInSection(writer.doc, 'p1-chi-tieu', ADDED);
    writeInSection(colleague.doc, 'p2-muc-tieu-tong-quat', GOAL);
    await waitForAsync(async () => {
      const { body } = await round.call<{ sections: { id: string; words: number }[] }>('editor', '/progress');
      const words = (id: string) => body.sections.find((s) => s.id === id)?.words ?? 0;
      return words('p1-chi-tieu') === 28 && words('p2-muc-tieu-tong-quat') === 10;
    }, 'both edits on the server');
    expect((await round.call('editor', '/versions', { body: { note: 'Sau lấy ý kiến' } })).status).toBe(201);
    log = (await round.call<RevisionLog>('editor', path)).body;
  }, 120_000);
  afterAll(() => server?.stop());

  it('the edit history shows which sections changed and how much, with the word diff one call away', async () => {
    const history = (await round.call<RevisionHistory>('editor', `/rounds/${round.roundId}/log/history`))
      .body;
    expect(history).toMatchObject({
      fromLabel: 'Dự thảo lần 1',
      fromVersion: 1,
      toLabel: 'Dự thảo lần 2',
      toVersion: 2,
      editedBy: 'Nguyễn Văn An',
    });
    const changed = history.sections.filter((s) => s.status !== 'unchanged');
    expect(changed).toEqual([
      expect.objectContaining({
        sectionId: 'p1-chi-tieu',
        wordsAdded: 14,
        wordsRemoved: 0,
        editors: ['Nguyễn Văn An'],
        // Budget and digital requests; the unsent organisations' comments are not in the table.
        groups: 2,
        accepted: 1,
      }),
      expect.objectContaining({
        sectionId: 'p2-muc-tieu-tong-quat',
        wordsAdded: 10,
        editors: ['Trần Thị Bình'],
        groups: 0,
      }),
    ]);
    const diff = await round.call<{ parts: { value: string; added: boolean }[] }>(
      'editor',
      `/rounds/${round.roundId}/log/history/p1-chi-tieu`,
    );
    expect(
      diff.body.parts
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toBe(ADDED);
    // The accepted group points at the change and at its place in Dự thảo lần 2.
    expect(log.nextLabel).toBe('Dự thảo lần 2');
    expect(log.groups[0]).toMatchObject({
      disposition: 'accepted',
      sectionChanged: true,
      nextPosition: 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
    });
  });

  it('the CSV starts with the BOM, keeps the diacritics and quotes fields per RFC 4180', async () => {
    const { type, bytes } = await download('export?format=csv');
    expect(type).toContain('text/csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(HEADERS.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
    expect(lines).toHaveLength(log.groups.length + 2);
    // The organisation list holds no comma; the answer does, so it is quoted.
    expect(lines[1]).toContain('"Tiếp thu, đã bổ sung số liệu vào mục I, có phụ lục kèm theo."');
    expect(lines[1]).toContain(
      'Có 21 ý kiến (20/60 chi bộ) đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025',
    );
    expect(text).toContain('Phần thứ hai › I. DỰ BÁO TÌNH HÌNH');
  });

  it('the DOCX holds the Party header and every row and column of the table, A4 landscape in Times New Roman', async () => {
    const { bytes } = await download('export?format=docx');
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('TIỂU BAN VĂN KIỆN');
    // No "Số   -BC/…" placeholder: the table has no number of its own.
    expect(xml).not.toContain('-BC/…');
    // Rows never split across pages; pages are numbered from page 2.
    const rowCount = (xml.match(/<w:tr>|<w:tr /g) ?? []).length;
    expect((xml.match(/<w:cantSplit\/>/g) ?? []).length).toBeGreaterThanOrEqual(rowCount - 1);
    expect(xml).toContain('<w:titlePg/>');
    const parts = unzipSync(bytes);
    const numbered = Object.keys(parts).filter(
      (p) => /^word\/header\d+\.xml$/.test(p) && strFromU8(parts[p]!).includes('PAGE'),
    );
    expect(numbered).toHaveLength(1);
    // The round is named once ("Lấy ý kiến Dự thảo lần 1" repeats the version above it).
    const words = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(words.match(/Dự thảo lần 1/g)?.length).toBe(1);
    expect(strFromU8(unzipSync(bytes)['word/styles.xml']!)).toContain('Times New Roman');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    const table = html.slice(html.lastIndexOf('<table>'));
    const rows = table.split('<tr>').slice(1);
    expect(rows).toHaveLength(log.groups.length + 1);
    for (const row of rows) expect(row.split('<td').length - 1 + (row.split('<th').length - 1)).toBe(8);
    const cells = (row: string) =>
      [...row.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gsu)].map((m) => strip(m[1]!));
    expect(cells(rows[0]!)).toEqual(HEADERS);
    log.groups.forEach((g, i) => {
      const got = cells(rows[i + 1]!);
      expect(got[0]).toBe(String(i + 1));
      expect(got[2]).toBe(g.headline);
      expect(got[3]).toBe(g.orgs.map((o) => o.name).join('; '));
      expect(got[4]).toBe(String(g.comments.length));
    });
    expect(cells(rows[1]!).slice(5)).toEqual([
      'Tiếp thu',
      'Tiếp thu, đã bổ sung số liệu vào mục I, có phụ lục kèm theo.',
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU (đã sửa)',
    ]);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(text).toContain('BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý');
    expect(text).toContain('45/60 chi bộ (75%) đã gửi góp ý');
  });

  it('the narrative report is generated from the table, edited by the committee, and exported', async () => {
    const path = `/rounds/${round.roundId}/log/report`;
    const generated = (await round.call<RevisionReport>('editor', path)).body;
    expect(generated.generated).toBe(true);
    for (const part of [
      'I. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN',
      'III. Ý KIẾN CỤ THỂ THEO TỪNG PHẦN',
      'VI. KIẾN NGHỊ',
    ])
      expect(generated.text).toContain(part);
    expect(generated.text).toContain('Tổng số 46 ý kiến của 45 chi bộ, tổng hợp thành 3 nhóm ý kiến');
    const edited = generated.text.replace('[Tiểu ban văn kiện bổ sung]', 'Các ý kiến đều nhất trí cao.');
    const saved = await round.call<RevisionReport>('editor', path, { method: 'PUT', body: { text: edited } });
    expect(saved.body).toMatchObject({ generated: false, updatedByName: 'Nguyễn Văn An' });
    expect((await round.call<RevisionReport>('reader', path)).body.text).toBe(edited);
    const refused = await round.call('reader', path, { method: 'PUT', body: { text: 'x' } });
    expect(refused.status).toBe(403);
    const { bytes } = await download('report/export?format=docx');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(text).toContain('Các ý kiến đều nhất trí cao.');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('the Word files share the per-user export budget with the draft export; other users keep theirs', async () => {
    const get = (as: 'coeditor' | 'editor', path: string) =>
      api(server, `/drafts/${round.draftId}${path}`, { token: server.workspace.users[as].token });
    const log = `/rounds/${round.roundId}/log`;
    // The co-editor spends the whole budget on the draft export, half of it the table, half the report.
    for (let i = 0; i < EXPORT_LIMITS.perWindow; i++) {
      const path =
        i % 2 === 0 ? '/export?format=md' : `${log}/${i % 4 === 1 ? '' : 'report/'}export?format=docx`;
      expect((await get('coeditor', path)).status).toBe(200);
    }
    for (const path of [
      `${log}/export?format=docx`,
      `${log}/report/export?format=docx`,
      '/export?format=md',
    ]) {
      const refused = await get('coeditor', path);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    // The CSV is cheap and not counted; the editor's budget is untouched.
    expect((await get('coeditor', `${log}/export?format=csv`)).status).toBe(200);
    expect((await get('editor', `${log}/export?format=docx`)).status).toBe(200);
  });
});

function strip(html: string): string {
  return html
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&')
    .replace(/&quot;/gu, '"')
    .trim();
}
