import { DEFAULT_GROUP_THRESHOLD } from '../../shared/api/revision-log.ts';
import { groupComments } from '../revision-log/grouping/comment-grouping.ts';
import { CorpusError, readCorpus } from '../revision-log/grouping/grouping-corpus.ts';
import { loadVocabulary } from '../revision-log/grouping/grouping-vocabulary.ts';

/**
 * `npm run grouping -- [--suggest] [--threshold T] <comments.json> <draft-sections.json>`:
 * groups a round's comments with the server's own code and prints {"commentId": "groupLabel"}
 * (or, with --suggest, {"commentId": ["otherId", …]}, most similar first) on stdout.
 */
const USAGE = 'usage: npm run grouping -- [--suggest] [--threshold T] <comments.json> <draft-sections.json>';

function main(args: readonly string[]): number {
  let suggest = false;
  let threshold = DEFAULT_GROUP_THRESHOLD;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--suggest') suggest = true;
    else if (arg === '--threshold') {
      threshold = Number(args[++i]);
      if (!(threshold >= 0.3 && threshold <= 1)) return fail('--threshold takes a number from 0.3 to 1');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) return fail(`unknown option ${arg}`, 2);
    else files.push(arg);
  }
  if (files.length !== 2) return fail(USAGE, 2);
  try {
    const round = readCorpus(files[0]!, files[1]!);
    const result = groupComments(
      { comments: round.comments, sections: round.sections, threshold, suggestions: suggest ? 5 : 0 },
      loadVocabulary(),
    );
    const out: Record<string, string | string[]> = {};
    if (suggest) round.ids.forEach((id, i) => (out[id] = result.similar[i]!.map((j) => round.ids[j]!)));
    else
      for (const group of result.groups)
        for (const i of group) out[round.ids[i]!] = `G-${round.ids[group[0]!]}`;
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CorpusError) return fail(error.message);
    throw error;
  }
}

function fail(message: string, code = 1): number {
  process.stderr.write(`error: ${message}\n`);
  return code;
}

process.exitCode = main(process.argv.slice(2));
