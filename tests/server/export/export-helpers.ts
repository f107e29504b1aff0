import { strFromU8, unzipSync } from 'fflate';
import { api } from '../../helpers/http-client.ts';
import type { Testbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

/** The political report template the export tests draft from. */
export const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

/** The header the tests give the draft. */
export const HEADER = {
  superior: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH',
  issuer: 'ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG',
  numberSymbol: '01-BC/ĐU',
  place: 'Hà Nội',
  date: '2026-12-05',
  congressOrdinal: 5,
  term: '2025-2030',
};

/** A sentence with every Vietnamese diacritic class, to check text survives each format. */
export const VIETNAMESE =
  'Đảng bộ lãnh đạo hoàn thành xuất sắc nhiệm vụ chính trị; thu nhập bình quân tăng 8,5% mỗi năm.';

/** A draft made from the template with its header set, plus a collab client to write in it; `env` configures the server. */
export async function exportDraft(bed: Testbed, env: Record<string, string> = {}) {
  const server = await bed.start(env);
  const token = server.workspace.users.editor.token;
  const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
  const { id } = (await created.json()) as { id: string };
  await api(server, `/drafts/${id}`, { token, method: 'PATCH', body: { header: HEADER } });
  const writer = bed.connect(id);
  await writer.synced();
  return { server, id, writer };
}

/** Writes runs (plain, bold, italic) into the paragraph after a section's heading, in one transaction. */
export const writeRuns = writeInSection;

/** GET an export as `persona`; a test that just wrote awaits its writer's `flushed()` first. */
export async function fetchExport(
  server: TestServer,
  id: string,
  query: string,
  persona: Persona = 'editor',
) {
  return api(server, `/drafts/${id}/export?${query}`, { token: server.workspace.users[persona].token });
}

/** The error code of an error response. */
export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** One part of a DOCX package as text. */
export function docxPart(file: Uint8Array, part = 'word/document.xml'): string {
  const entry = unzipSync(file)[part];
  if (entry === undefined) throw new Error(`no ${part} in the DOCX`);
  return strFromU8(entry);
}

/** The `<w:p>` elements of a DOCX part whose text contains `text`. */
export function paragraphsWith(xml: string, text: string): string[] {
  return (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).filter((p) => textOf(p).includes(text));
}

/** The text of a piece of WordprocessingML. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
