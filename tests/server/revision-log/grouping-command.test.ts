import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnEntry } from '../cli/cli-harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = path.join(ROOT, 'server/cli/grouping.main.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-grouping-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a file of the test's folder and returns its path. */
function file(name: string, content: unknown): string {
  const where = path.join(dir, name);
  fs.writeFileSync(where, typeof content === 'string' ? content : JSON.stringify(content));
  return where;
}

/** Runs `npm run grouping`'s entry in a child process, as the command does. */
const run = (...args: string[]) => spawnEntry(ENTRY, args);

const SECTIONS = {
  document: { id: 'x' },
  sections: [
    { id: 'whole', parentId: null, number: '', title: 'Toàn văn', text: '' },
    { id: 's1', parentId: null, number: 'I', title: 'Kết quả', text: 'Thu ngân sách đạt 100%.' },
    { id: 's1-a', parentId: 's1', number: '1', title: 'Thu', text: '' },
    { id: 's2', parentId: null, number: 'II', title: 'Nhiệm vụ', text: '' },
  ],
};
const c = (id: string, sectionId: string, body: string, group = 'not-read') => ({
  id,
  orgId: 'o1',
  sectionId,
  quote: null,
  kind: 'comment',
  body,
  suggestedText: null,
  group, // a gold label: the command must not read it
});
const ROUND = {
  organisations: [{ id: 'o1', name: 'Chi bộ Văn phòng', kind: 'branch' }],
  comments: [
    c('a', 's1', 'Đề nghị bổ sung số liệu thu ngân sách từng năm của nhiệm kỳ.', 'same'),
    c('b', 's1-a', 'de nghi bo sung so lieu thu ngan sach tung nam cua nhiem ky', 'same'),
    c('c', 's2', 'Đề nghị bổ sung giải pháp về chuyển đổi số.', 'same'),
    c('d', 'whole', 'Chi bộ nhất trí với dự thảo.'),
  ],
};

describe('npm run grouping', () => {
  it('prints a group label for every comment, computed without the gold labels', async () => {
    const { code, stdout, stderr } = await run(file('round.json', ROUND), file('sections.json', SECTIONS));
    expect([code, stderr]).toEqual([0, '']);
    const labels = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(labels).sort()).toEqual(['a', 'b', 'c', 'd']);
    // A parent and its child asking the same thing, one typed without diacritics: one group;
    // the same opening in a distant section is another request, whatever its gold label says.
    expect(labels.a).toBe(labels.b);
    expect(labels.c).not.toBe(labels.a);
    expect(labels.d).not.toBe(labels.a);
  });

  it('with --suggest ranks each comment’s most similar others, best first', async () => {
    const { code, stdout } = await run(
      '--suggest',
      file('round.json', ROUND),
      file('sections.json', SECTIONS),
    );
    expect(code).toBe(0);
    const similar = JSON.parse(stdout) as Record<string, string[]>;
    expect(similar.a![0]).toBe('b');
    expect(similar.b![0]).toBe('a');
  });

  it('says clearly what is wrong with a bad file or argument, and prints nothing on stdout', async () => {
    const sections = file('sections.json', SECTIONS);
    const cases: [string[], number, RegExp][] = [
      [[file('broken.json', '{"comments": ['), sections], 1, /broken\.json is not valid JSON/],
      [[file('nobody.json', { comments: [{ id: 'a', sectionId: 's1' }] }), sections], 1, /comments\.0\.kind/],
      [[file('r.json', ROUND), file('flat.json', { items: [] })], 1, /flat\.json: sections/],
      [
        [file('lost.json', { comments: [c('a', 'nowhere', 'x')] }), sections],
        1,
        /comment a names section nowhere/,
      ],
      [[path.join(dir, 'missing.json'), sections], 1, /cannot read .*missing\.json/],
      [['--threshold', '2', file('r.json', ROUND), sections], 1, /--threshold takes a number from 0\.3 to 1/],
      [[file('r.json', ROUND)], 2, /usage: npm run grouping/],
    ];
    for (const [args, status, message] of cases) {
      const { code, stdout, stderr } = await run(...args);
      expect([args.join(' '), code, stdout]).toEqual([args.join(' '), status, '']);
      expect(stderr).toMatch(message);
    }
  });
});
