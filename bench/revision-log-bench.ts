/**
 * `npm run bench:revision-log`: issue 7's targets on one round of 277 invited organisations
 * × 10 comments: the consolidated table with automatic grouping ≤ 300 ms, the DOCX export
 * ≤ 2 s. A real server on port 0 and real HTTP; the round is made with the same helper as
 * the tests (real services), seven of each organisation's comments rewording shared
 * requests (so groups form across organisations) and three of its own.
 */
import { performance } from 'node:perf_hooks';
import { groupComments } from '../server/revision-log/grouping/comment-grouping.ts';
import { loadVocabulary } from '../server/revision-log/grouping/grouping-vocabulary.ts';
import type { RevisionLog } from '../shared/api/revision-log.ts';
import { api } from '../tests/helpers/http-client.ts';
import { startTestServer } from '../tests/helpers/test-server.ts';
import { revisionRound, type PlannedComment } from '../tests/server/revision-log/revision-round.ts';

const ORGS = Number(process.env.ORGS ?? 277);
const RUNS = Number(process.env.RUNS ?? 20);
const SECTIONS = ['p1-chi-tieu', 'p1-nhiem-vu-chinh-tri', 'p1-han-che', 'p2-du-bao', 'p2-chi-tieu'];
/** Shared requests; each organisation rewords them with its own small change. */
const THEMES = [
  'Đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025',
  'Đề nghị làm rõ nguyên nhân của hạn chế trong công tác cán bộ',
  'Cần nêu rõ hơn kết quả chuyển đổi số của cơ quan trong nhiệm kỳ',
  'Phần dự báo tình hình cần sát với thực tiễn của địa phương hơn',
  'Đề nghị điều chỉnh chỉ tiêu tăng trưởng cho phù hợp với khả năng thực hiện',
  'Nên bổ sung bài học kinh nghiệm về công tác dân vận',
  'Đề nghị rút gọn phần đánh giá chung cho súc tích',
];
const EXTRAS = ['thêm', 'một cách cụ thể', 'của đơn vị', 'trong giai đoạn tới', ''];
const WORDS = (
  'cán bộ đảng viên công tác tư tưởng kinh tế xã hội văn hóa giáo dục y tế môi trường tài nguyên đất đai ' +
  'khoáng sản nước biển đảo khí hậu hạ tầng giao thông đô thị nông thôn doanh nghiệp đầu tư thương mại ' +
  'du lịch dịch vụ lao động việc làm an sinh quốc phòng an ninh trật tự pháp luật cải cách hành chính ' +
  'kiểm tra giám sát kỷ luật tham nhũng lãng phí tiêu cực dân vận mặt trận công đoàn thanh niên phụ nữ'
).split(' ');

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const ownText = () => Array.from({ length: 14 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
const plan = (i: number): PlannedComment[] =>
  Array.from({ length: 10 }, (_, k) => ({
    sectionId: SECTIONS[(i + k) % SECTIONS.length]!,
    body: k < THEMES.length ? `${THEMES[k]} ${EXTRAS[(i + k) % EXTRAS.length]}`.trim() + '.' : ownText(),
  }));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

const server = await startTestServer();
process.stdout.write(`seeding ${ORGS} organisations × 10 comments…\n`);
const round = await revisionRound(server, { orgs: ORGS, plan, submitted: Math.floor(ORGS * 0.72) });
const path = `/drafts/${round.draftId}/rounds/${round.roundId}/log`;
const token = server.workspace.users.editor.token;
const time = async (url: string, runs: number) => {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const response = await api(server, url, { token });
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    ms.push(performance.now() - t0);
  }
  return { ms, bytes };
};
// Every comment, sent or not: the largest table the committee can ask for.
const all = `${path}?unsent=true`;
const log = (await (await api(server, all, { token })).json()) as RevisionLog;
const table = await time(all, RUNS);
// A threshold not read before: nothing is memoised, the grouping runs in full each time (as
// after a comment is added or edited).
const fresh: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const response = await api(server, `${all}&threshold=${(0.36 + i / 1000).toFixed(3)}`, { token });
  await response.arrayBuffer();
  fresh.push(performance.now() - t0);
}
const docx = await time(`${path}/export?format=docx`, Math.max(3, Math.floor(RUNS / 4)));
const csv = await time(`${path}/export?format=csv`, RUNS);
const comments = Array.from({ length: ORGS * 10 }, (_, n) => ({
  sectionId: 'p1',
  kind: 'comment' as const,
  body: plan(Math.floor(n / 10))[n % 10]!.body,
  quote: null,
  suggestedText: null,
}));
const vocabulary = loadVocabulary();
const grouping: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  groupComments(
    { comments, sections: [{ id: 'p1', parentId: null }], threshold: log.threshold, suggestions: 5 },
    vocabulary,
  );
  grouping.push(performance.now() - t0);
}
const row = (name: string, ms: number[], target: string) =>
  `| ${name} | ${median(ms).toFixed(1)} ms | ${p95(ms).toFixed(1)} ms | ${target} |`;
process.stdout.write(
  [
    `\n${ORGS} organisations × 10 comments = ${log.counts.comments} comments in ${log.counts.groups} groups ` +
      `(threshold ${log.threshold}); DOCX ${(docx.bytes / 1024).toFixed(0)} KiB`,
    '| measure | median | p95 | target |',
    '|---|---|---|---|',
    row('GET …/log?unsent=true again (roll-up, counts; grouping memoised)', table.ms, '≤ 300 ms'),
    row('GET …/log?unsent=true&threshold=new (grouping and suggestions computed)', fresh, '≤ 300 ms'),
    row('grouping and suggestions alone (all comments as one section)', grouping, '—'),
    row('GET …/log/export?format=docx', docx.ms, '≤ 2000 ms'),
    row('GET …/log/export?format=csv', csv.ms, '—'),
    '',
  ].join('\n'),
);
await server.stop();
process.exit(0);
