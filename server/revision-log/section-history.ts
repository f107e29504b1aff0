import type { RevisionGroup, RevisionHistory, SectionHistory } from '../../shared/api/revision-log.ts';
import { countWords } from '../drafts/section-progress.ts';
import { diffVersions } from '../versions/version-diff.ts';
import type { SectionPlaces } from './revision-rollup.ts';
import type { RoundTexts } from './revision-sources.ts';

/**
 * Per section: whether it changed between the round's version and the later text, words
 * added and removed (from the same word diff the versions panel shows), and how many of the
 * round's groups on it were taken up, and who typed the additions (Yjs authorship).
 */
export function historyOf(
  texts: RoundTexts,
  places: SectionPlaces,
  groups: readonly RevisionGroup[],
  editors: ReadonlyMap<string, readonly string[]>,
): RevisionHistory {
  const sections: SectionHistory[] = diffVersions(texts.from, texts.to)
    .filter((s) => s.sectionId !== '')
    .map((s) => {
      let added = 0;
      let removed = 0;
      for (const part of s.parts) {
        if (part.added) added += countWords(part.value);
        if (part.removed) removed += countWords(part.value);
      }
      const own = groups.filter((g) => g.sectionId === s.sectionId);
      return {
        sectionId: s.sectionId,
        position: places.positions.get(s.sectionId) ?? s.heading,
        status: s.status,
        wordsAdded: added,
        wordsRemoved: removed,
        editors: s.status === 'unchanged' ? [] : [...(editors.get(s.sectionId) ?? [])],
        groups: own.length,
        accepted: own.filter((g) => g.disposition === 'accepted' || g.disposition === 'partly').length,
      };
    });
  return {
    fromLabel: texts.fromLabel,
    fromVersion: texts.fromVersion,
    toLabel: texts.toLabel,
    toVersion: texts.toVersion,
    editedBy: texts.editedBy,
    editedAt: texts.editedAt,
    sections,
  };
}
