/**
 * Storage of automatic history against the numbered versions alone: 60 days of drafting,
 * 8 hours a day, two people typing; a snapshot every 5 minutes of editing (the default
 * interval), thinned by the default policy (all of the last day, hourly for a week, then
 * daily), stored as deltas the way `auto-history.ts` stores them; a numbered version every
 * week, stored whole (Yjs state and ProseMirror JSON) the way `version.service.ts` does.
 *
 *   npx tsx bench/history-sim.ts
 */
import * as Y from 'yjs';
import { draftSchema, draftToJSON } from '../shared/editor/draft-json.ts';
import { CONTENT_FRAGMENT } from '../shared/editor/fragment.ts';
import { thinning } from '../server/versions/snapshot-thinning.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SPAN = 5 * 60_000;
const policy = { keepAllMs: DAY, hourlyUntilMs: 7 * DAY };
const schema = draftSchema();
const WORDS = 'Đảng bộ lãnh đạo hoàn thành xuất sắc nhiệm vụ chính trị thu nhập bình quân tăng mỗi năm'.split(
  ' ',
);

let seed = 11;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const sentence = () =>
  `${Array.from({ length: 8 + Math.floor(random() * 20) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')}. `;

const writers = [new Y.Doc(), new Y.Doc()];
const doc = new Y.Doc();
for (const w of writers) w.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u));
const sync = () => {
  for (const w of writers) Y.applyUpdate(w, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(w)));
};

/** One 5-minute span: each writer may add a sentence, reword a little, and now and then opens a paragraph. */
function editSpan(): void {
  for (const w of writers) {
    const fragment = w.getXmlFragment(CONTENT_FRAGMENT);
    w.transact(() => {
      if (fragment.length === 0 || random() < 0.05) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('')]);
        fragment.insert(Math.floor(random() * (fragment.length + 1)), [p]);
      }
      const text = (fragment.get(Math.floor(random() * fragment.length)) as Y.XmlElement).get(0) as Y.XmlText;
      // About 100 pages after 60 days: a sentence every ~15 minutes per writer, net of rewording.
      if (random() < 0.35) text.insert(Math.floor(random() * text.length), sentence());
      const cut = Math.min(text.length, 40);
      if (random() < 0.5)
        text.delete(Math.floor(random() * (text.length - cut + 1)), Math.floor(cut * random()));
    });
    sync();
  }
}

type Snap = { id: number; createdAt: number; delta: Uint8Array; stateVector: Uint8Array };
let snaps: Snap[] = [];
let versionsBytes = 0;
let versions = 0;
let lastVector: Uint8Array | undefined;
let nextId = 1;
for (let day = 0; day < 60; day++) {
  for (let span = 0; span < (8 * HOUR) / SPAN; span++) {
    editSpan();
    const now = day * DAY + 8 * HOUR + (span + 1) * SPAN;
    const delta = Y.encodeStateAsUpdate(doc, lastVector);
    lastVector = Y.encodeStateVector(doc);
    snaps.push({ id: nextId++, createdAt: now, delta, stateVector: lastVector });
    if ((span + 1) % 12 === 0) {
      // Thinned once an hour here (the server thins at every snapshot; the result is the same).
      const byId = new Map(snaps.map((s) => [s.id, s]));
      for (const { drop, into } of thinning(snaps, now, policy)) {
        const to = byId.get(into)!;
        to.delta = Y.mergeUpdates([byId.get(drop)!.delta, to.delta]);
        byId.delete(drop);
      }
      snaps = [...byId.values()];
    }
  }
  if (day % 7 === 6) {
    versions += 1;
    versionsBytes +=
      Y.encodeStateAsUpdate(doc).length + Buffer.byteLength(JSON.stringify(draftToJSON(doc, schema)));
  }
}
const snapshotBytes = snaps.reduce((n, s) => n + s.delta.length + s.stateVector.length + 64, 0);
const state = Y.encodeStateAsUpdate(doc).length;
const chars = JSON.stringify(draftToJSON(doc, schema)).length;
console.log(
  `after 60 days (8 h/day, 2 editors): draft state ${(state / 1024).toFixed(0)} KiB (${(chars / 1024).toFixed(0)} KiB of JSON); ` +
    `${versions} numbered versions ${(versionsBytes / 1024).toFixed(0)} KiB; ` +
    `${snaps.length} automatic snapshots kept ${(snapshotBytes / 1024).toFixed(0)} KiB ` +
    `(${(snapshotBytes / versionsBytes).toFixed(2)}× the numbered versions; target ≤ 3×)`,
);
