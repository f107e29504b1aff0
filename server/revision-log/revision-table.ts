import type { Disposition } from '../../shared/api/comments.ts';
import type { RevisionLog } from '../../shared/api/revision-log.ts';

/** The disposition as the table writes it. */
export const DISPOSITION_TEXT: Record<Disposition, string> = {
  accepted: 'Tiếp thu',
  partly: 'Tiếp thu một phần',
  explained: 'Giải trình',
  noted: 'Ghi nhận',
};

/** The columns of the consolidated table, as docs/domain.md#consolidation sets them. */
export function tableHeaders(log: RevisionLog): string[] {
  return [
    'STT',
    `Vị trí trong ${log.round.versionLabel.toLowerCase()}`,
    'Nội dung góp ý',
    'Đơn vị góp ý',
    'Số ý kiến',
    'Hướng xử lý',
    'Nội dung tiếp thu, giải trình',
    `Vị trí trong ${log.nextVersion === null ? 'dự thảo tiếp theo' : log.nextLabel.toLowerCase()}`,
  ];
}

/** One row of text per group, in the table's order. */
export function tableRows(log: RevisionLog): string[][] {
  return log.groups.map((g, i) => [
    String(i + 1),
    g.position,
    contentOf(g),
    g.orgs.map((o) => o.name).join('; '),
    String(g.comments.length),
    g.disposition === null
      ? g.mixed
        ? 'Xử lý riêng từng ý kiến'
        : 'Chưa xử lý'
      : DISPOSITION_TEXT[g.disposition],
    answerOf(g),
    nextPlace(log, g),
  ]);
}

type Group = RevisionLog['groups'][number];

/** The headline, then each proposed wording: «old» → «new» (or a deletion). */
function contentOf(g: Group): string {
  const lines = g.proposals.map((p) =>
    p.replacement === '' ? `Đề xuất bỏ: «${p.quote}»` : `Đề xuất sửa: «${p.quote}» → «${p.replacement}»`,
  );
  return [g.headline, ...lines].join('\n');
}

/** The committee's answer; an accepted suggestion with no answer written says what went in. */
function answerOf(g: Group): string {
  const written =
    g.answer !== '' || g.disposition !== 'accepted' || g.proposals.length === 0
      ? g.answer
      : g.proposals
          .map((p) =>
            p.replacement === '' ? `Đã bỏ «${p.quote}»` : `Đã sửa «${p.quote}» thành «${p.replacement}»`,
          )
          .join('\n');
  // The table must not claim a change the text no longer holds (e.g. after a restore).
  const removed = g.comments.filter((c) => c.textRemoved).length;
  if (removed === 0) return written;
  return `${written}\n(Lưu ý: đoạn đã tiếp thu của ${removed} ý kiến sau đó bị xóa khỏi dự thảo)`;
}

function nextPlace(log: RevisionLog, g: Group): string {
  if (g.sectionId === null) return '';
  if (g.nextPosition === null) return 'Đã lược bỏ';
  const where = g.sectionChanged ? `${g.nextPosition} (đã sửa)` : g.nextPosition;
  return log.nextVersion === null ? `${where} — bản đang soạn` : where;
}
