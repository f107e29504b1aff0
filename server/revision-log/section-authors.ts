import * as Y from 'yjs';
import { forEachText } from '../../shared/editor/xml-walk.ts';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';

/** Characters each user typed into a section: section id → user id → characters. */
export type SectionAuthors = Map<string, Map<number, number>>;

/**
 * Who wrote the text that is in each section of `doc` now but was not in the version whose
 * state vector is `before`. Every Yjs item carries the clientID that made it, and the
 * collaboration core binds each clientID to the user who first wrote with it (`owners`), so
 * insertions are attributed exactly. Deletions are not: Yjs keeps no author for them.
 */
export function sectionAuthors(
  doc: Y.Doc,
  before: ReadonlyMap<number, number>,
  owners: ReadonlyMap<number, number>,
): SectionAuthors {
  const authors: SectionAuthors = new Map();
  let section: string | null = null;
  const count = (text: Y.XmlText) => {
    if (section === null) return;
    // Walking the item list (Yjs's own structure) sees each run with the clientID that wrote it.
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const { client, clock } = item.id;
      const fresh = item.length - Math.max(0, Math.min(item.length, (before.get(client) ?? 0) - clock));
      const owner = owners.get(client);
      if (fresh <= 0 || owner === undefined) continue;
      let bySection = authors.get(section);
      if (bySection === undefined) authors.set(section, (bySection = new Map<number, number>()));
      bySection.set(owner, (bySection.get(owner) ?? 0) + fresh);
    }
  };
  for (const node of doc.getXmlFragment(CONTENT_FRAGMENT).toArray()) {
    const id =
      node instanceof Y.XmlElement && node.nodeName === 'heading'
        ? node.getAttribute(SECTION_ID_ATTR)
        : undefined;
    if (typeof id === 'string' && id !== '') section = id;
    if (node instanceof Y.XmlText) count(node);
    else if (node instanceof Y.XmlElement) forEachText(node, count);
  }
  return authors;
}

/** The state vector stored in a version's Yjs state: clientID → clock reached. */
export function stateVectorOf(state: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
}
