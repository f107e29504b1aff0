import type { RevisionGroup, RevisionLog } from '../../shared/api/revision-log.ts';
import { DISPOSITION_TEXT } from './revision-table.ts';

/** The part headings of the narrative report, in the order docs/domain.md#consolidation gives. */
export const REPORT_PARTS = [
  'I. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN',
  'II. Ý KIẾN CHUNG',
  'III. Ý KIẾN CỤ THỂ THEO TỪNG PHẦN',
  'IV. NHỮNG Ý KIẾN TIẾP THU',
  'V. NHỮNG Ý KIẾN GIẢI TRÌNH, XIN BẢO LƯU',
  'VI. KIẾN NGHỊ',
] as const;

/** Placeholder the secretary replaces with what only the meeting knows. */
const TO_WRITE = '[Tiểu ban văn kiện bổ sung]';

/** The round's figures in one sentence: submitted/invited units, comments, groups, answers. */
export function countsSentence(log: RevisionLog): string {
  const c = log.counts;
  const d = c.byDisposition;
  return (
    `Đã gửi ${log.round.versionLabel.toLowerCase()} xin ý kiến ${c.invited} ${log.unitNoun}; ` +
    `${c.submitted}/${c.invited} ${log.unitNoun} (${c.percent}%) đã gửi góp ý. ` +
    `Tổng số ${c.comments} ý kiến của ${c.commenting} ${log.unitNoun}, tổng hợp thành ${c.groups} nhóm ý kiến; ` +
    `tiếp thu ${d.accepted}, tiếp thu một phần ${d.partly}, giải trình ${d.explained}, ghi nhận ${d.noted}` +
    (d.none > 0 ? `, chưa xử lý ${d.none} ý kiến.` : '.')
  );
}

/**
 * A first draft of the báo cáo tổng hợp ý kiến, as plain text the secretary edits in the app:
 * the organisation of the round with its counts, general opinions, opinions by section with
 * the answers, what was taken up, what was explained, and recommendations. Parts that only
 * the meeting can judge (the degree of agreement, the recommendations) are left marked.
 */
export function generateReport(log: RevisionLog, draftTitle: string): string {
  const general = log.groups.filter((g) => g.sectionId === null);
  const specific = log.groups.filter((g) => g.sectionId !== null);
  const taken = log.groups.filter((g) => g.disposition === 'accepted' || g.disposition === 'partly');
  const explained = log.groups.filter((g) => g.disposition === 'explained');
  const lines = [
    'BÁO CÁO',
    `Tổng hợp ý kiến góp ý vào ${draftTitle} (${log.round.versionLabel})`,
    '',
    REPORT_PARTS[0],
    `Thực hiện kế hoạch lấy ý kiến "${log.round.title}", từ ngày ${day(log.round.openedAt)} đến ngày ${day(log.round.deadline)}. ` +
      countsSentence(log),
    '',
    REPORT_PARTS[1],
    `Các ý kiến cơ bản nhất trí với ${log.round.versionLabel.toLowerCase()}. ${TO_WRITE}`,
    ...general.map(bullet),
    '',
    REPORT_PARTS[2],
    ...bySection(specific),
    '',
    REPORT_PARTS[3],
    `Tiểu ban văn kiện tiếp thu ${taken.length} nhóm ý kiến, đã chỉnh sửa trong ${log.nextLabel.toLowerCase()}:`,
    ...taken.map((g) => `- ${g.position}: ${g.summary}${g.answer === '' ? '' : ` — ${g.answer}`}`),
    '',
    REPORT_PARTS[4],
    explained.length === 0
      ? 'Không có ý kiến phải giải trình.'
      : `Có ${explained.length} nhóm ý kiến Tiểu ban văn kiện xin giải trình, bảo lưu như dự thảo:`,
    ...explained.map((g) => `- ${g.position}: ${g.summary} — ${g.answer}`),
    '',
    REPORT_PARTS[5],
    TO_WRITE,
  ];
  return lines.join('\n');
}

function bySection(groups: readonly RevisionGroup[]): string[] {
  const lines: string[] = [];
  let current: string | null = null;
  for (const g of groups) {
    if (g.position !== current) {
      current = g.position;
      lines.push(`${g.position}:`);
    }
    lines.push(bullet(g));
  }
  return lines;
}

function bullet(g: RevisionGroup): string {
  const answer =
    g.disposition === null
      ? ' (chưa xử lý)'
      : ` Tiểu ban văn kiện: ${DISPOSITION_TEXT[g.disposition].toLowerCase()}${g.answer === '' ? '' : ` — ${sentence(g.answer)}`}.`;
  return `- ${g.headline}.${answer}`;
}

/** Text without its closing full stop, so the report can close the sentence once. */
function sentence(text: string): string {
  return text.trim().replace(/[.;]+$/u, '');
}

/** Day/month/year in Vietnam's time zone, whatever the server's. */
const DAY = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function day(iso: string): string {
  return DAY.format(new Date(iso));
}
