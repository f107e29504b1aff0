/**
 * What the schema check adds to each incoming update: a ~100-page draft (2 000 paragraphs),
 * then typing (one character per update, some of it bold) and paragraph appends, each update
 * validated by the room's scratch copy with and without the schema rule. The check's own
 * time is measured inside the rule and compared with the scratch copy's validation alone.
 *
 *   npx tsx bench/schema-check-bench.ts
 */
import * as Y from 'yjs';
import { draftSchema } from '../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../shared/editor/fragment.ts';
import type { ContentRule } from '../server/collab/core/content-rule.ts';
import { SchemaRule } from '../server/collab/core/schema-rule.ts';
import { ScratchDoc } from '../server/collab/core/scratch-doc.ts';

const PARAGRAPHS = 2000;
const UPDATES = 5000;
const SENTENCE =
  'Đảng bộ lãnh đạo hoàn thành xuất sắc nhiệm vụ chính trị, thu nhập bình quân tăng 8,5% mỗi năm. ';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** The base draft and a stream of updates of one kind made on a copy of it. */
function workload(kind: 'typing' | 'paragraphs'): { base: Uint8Array; updates: Uint8Array[] } {
  const writer = new Y.Doc();
  const fragment = writer.getXmlFragment(CONTENT_FRAGMENT);
  writer.transact(() => {
    for (let i = 0; i < PARAGRAPHS; i++) fragment.push([paragraph(SENTENCE.repeat(3))]);
  });
  const base = Y.encodeStateAsUpdate(writer);
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < UPDATES; i++) {
    if (kind === 'paragraphs') fragment.insert(Math.floor(next() * fragment.length), [paragraph(SENTENCE)]);
    else {
      const text = (fragment.get(Math.floor(next() * PARAGRAPHS)) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(Math.floor(next() * text.length), 'a', i % 5 === 0 ? { bold: {} } : {});
    }
  }
  writer.destroy();
  return { base, updates };
}

/** Milliseconds to validate every update on a scratch copy, and of those inside the rule. */
function run(base: Uint8Array, updates: Uint8Array[], rule: ContentRule | null) {
  let inRule = 0;
  const timed: ContentRule | null =
    rule === null
      ? null
      : {
          check(doc, since) {
            const start = performance.now();
            const result = rule.check(doc, since);
            inRule += performance.now() - start;
            return result;
          },
        };
  const scratch = new ScratchDoc(() => [base], timed);
  scratch.clockOf(0); // build the copy outside the timing
  const start = performance.now();
  for (const update of updates) if (scratch.tryApply(update) !== null) throw new Error('refused');
  const total = performance.now() - start;
  scratch.discard();
  return { total, inRule };
}

const rule = new SchemaRule(draftSchema());
for (const kind of ['typing', 'paragraphs'] as const) {
  const { base, updates } = workload(kind);
  // Alternate the two variants (warm-up included) and keep each one's best run.
  const plain: number[] = [];
  const checked: { total: number; inRule: number }[] = [];
  for (let i = 0; i < 10; i++) {
    plain.push(run(base, updates, null).total);
    checked.push(run(base, updates, rule));
  }
  const without = Math.min(...plain.slice(1));
  // Best of 9 runs each: the machine is shared, and the minimum is the least disturbed run.
  const withCheck = Math.min(...checked.slice(1).map((r) => r.total));
  const inRule = Math.min(...checked.slice(1).map((r) => r.inRule));
  const perUpdate = (ms: number) => `${((ms / UPDATES) * 1000).toFixed(1)} µs`;
  console.log(
    `${kind.padEnd(10)} ${UPDATES} updates on ${PARAGRAPHS} paragraphs: scratch validation ${perUpdate(without)}/update, ` +
      `with schema check ${perUpdate(withCheck)}/update; the check itself ${perUpdate(inRule)} ` +
      `(${((inRule / without) * 100).toFixed(1)} % of the validation without it)`,
  );
}
