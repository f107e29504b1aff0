import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { forEachText } from '../../../shared/editor/xml-walk.ts';
import type { SchemaRule } from './schema-rule.ts';

/** The part of a shared type that holds its items. */
type Items = Pick<Y.AbstractType<unknown>, '_start' | '_map'>;

/** What a repair changed. */
export interface RepairReport {
  /** Top-level blocks holding unknown, misplaced or too deeply nested nodes, rebuilt as plain paragraphs. */
  readonly flattenedBlocks: number;
  /** The paragraphs their text became, and its length in characters. */
  readonly keptParagraphs: number;
  readonly keptChars: number;
  /** Attributes and marks outside the schema, removed from otherwise valid nodes and text. */
  readonly removedAttributes: number;
  readonly removedMarks: number;
  /** Top-level shared types other than `content`, emptied. */
  readonly foreignTypes: readonly string[];
  /** Distinct reasons found (at most five). */
  readonly reasons: readonly string[];
}

/**
 * Repairs a stored history as a forward change of the same Yjs document (same items, so a tab
 * still holding the old state syncs without duplicating anything): blocks with nodes outside
 * the schema become paragraphs of their text, bad attributes and marks are removed, foreign
 * top-level types are emptied. Returns null when nothing breaks the rule.
 *
 * Yjs deletes and garbage-collects a type's children recursively, which overflows the stack
 * on the nesting this exists to repair: here subtrees are deleted and collected bottom-up
 * (children first), on a document without automatic GC, so the stored state holds GC ranges
 * and loads without any recursive delete.
 */
export function repairState(
  updates: readonly Uint8Array[],
  rule: SchemaRule,
): { state: Uint8Array; report: RepairReport } | null {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    // Parked structs would be served to every client (R3); the room drops them too.
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    const content = doc.getXmlFragment(CONTENT_FRAGMENT);
    const foreign = foreignTypes(doc);
    const problems = rule.problems(doc);
    if (problems.length === 0 && foreign.length === 0) return null;

    const tops = new TopLevel(content);
    const broken = new Set<Y.Item>();
    const loose: Y.Item[] = [];
    let removedAttributes = 0;
    let removedMarks = 0;
    for (const { item } of problems) {
      const top = tops.of(item);
      if (top === null) continue; // inside a foreign type: emptied below
      if (item.parentSub !== null && item.parent instanceof Y.XmlElement) removedAttributes += 1;
      else if (item.content instanceof Y.ContentFormat) {
        if (item.content.value !== null) removedMarks += 1; // a run's start; its end (null) goes too
      } else {
        broken.add(top);
        continue;
      }
      loose.push(item);
    }
    const subtrees: Y.Item[][] = [];
    let keptParagraphs = 0;
    let keptChars = 0;
    doc.transact((transaction) => {
      for (const item of loose) if (!item.deleted) item.delete(transaction);
      // From the last block to the first, so the indexes of earlier blocks stay right.
      for (const [index, block] of blockIndexes(content, broken).reverse()) {
        const texts = textsOf(block);
        content.insert(index, texts.map(paragraph));
        keptParagraphs += texts.length;
        keptChars += texts.reduce((sum, t) => sum + t.length, 0);
        subtrees.push(deleteBottomUp(block, transaction));
      }
      for (const [, type] of foreign)
        for (const item of itemsOf(type)) subtrees.push(deleteBottomUp(item, transaction));
    });
    for (const items of subtrees) collectBottomUp(items, doc.store);
    const reasons = [...new Set(problems.map((p) => p.reason))].slice(0, 5);
    const report = {
      flattenedBlocks: broken.size,
      keptParagraphs,
      keptChars,
      removedAttributes,
      removedMarks,
      foreignTypes: foreign.map(([name]) => name),
      reasons,
    };
    return { state: Y.encodeStateAsUpdate(doc), report };
  } finally {
    doc.destroy();
  }
}

/** Top-level types other than `content` that hold anything (an emptied one stays in `share`, harmless). */
export function foreignTypes(doc: Y.Doc): [string, Items][] {
  return [...doc.share].filter(([name, type]) => name !== CONTENT_FRAGMENT && hasLiveItems(type));
}

/** Finds the top-level item of `content` an item lies in; remembers the types it climbed through. */
class TopLevel {
  private readonly tops = new Map<Y.AbstractType<unknown>, Y.Item | null>();

  constructor(private readonly content: Y.XmlFragment) {}

  of(item: Y.Item): Y.Item | null {
    const chain: Y.AbstractType<unknown>[] = [];
    let current: Y.Item = item;
    let found: Y.Item | null | undefined;
    for (;;) {
      const parent = current.parent;
      if (parent === this.content) found = current;
      else if (!(parent instanceof Y.AbstractType) || parent._item === null) found = null;
      else found = this.tops.get(parent);
      if (found !== undefined) break;
      chain.push(parent as Y.AbstractType<unknown>);
      current = (parent as Y.AbstractType<unknown>)._item!;
    }
    for (const type of chain) this.tops.set(type, found);
    return found;
  }
}

/** The index (among live children) of each block in `blocks`, in document order. */
function blockIndexes(content: Y.XmlFragment, blocks: ReadonlySet<Y.Item>): [number, Y.Item][] {
  const found: [number, Y.Item][] = [];
  let index = 0;
  for (let item = content._start; item !== null; item = item.right) {
    if (blocks.has(item)) found.push([index, item]);
    if (!item.deleted && item.countable) index += item.length;
  }
  return found;
}

/** The non-empty texts of a block's text runs, in document order. */
function textsOf(block: Y.Item): string[] {
  const type = block.content instanceof Y.ContentType ? block.content.type : null;
  const texts: string[] = [];
  const add = (text: Y.XmlText) => {
    let plain = '';
    for (const op of text.toDelta() as { insert: unknown }[])
      if (typeof op.insert === 'string') plain += op.insert;
    if (plain.trim() !== '') texts.push(plain);
  };
  if (type instanceof Y.XmlText) add(type);
  else if (type instanceof Y.XmlElement) forEachText(type, add);
  return texts;
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Whether a top-level type holds anything not deleted. */
function hasLiveItems(type: Items): boolean {
  return itemsOf(type).some((item) => !item.deleted);
}

/** A type's direct items: its list and every value ever set under a key. */
function itemsOf(type: Items): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right) items.push(item);
  for (const last of type._map.values())
    for (let item: Y.Item | null = last; item !== null; item = item.left) items.push(item);
  return items;
}

/** Deletes `top` and everything under it, children before parents; returns the subtree in pre-order. */
function deleteBottomUp(top: Y.Item, transaction: Y.Transaction): Y.Item[] {
  const order: Y.Item[] = [];
  const stack = [top];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    order.push(item);
    if (item.content instanceof Y.ContentType) stack.push(...itemsOf(item.content.type));
  }
  for (let i = order.length - 1; i >= 0; i--) if (!order[i]!.deleted) order[i]!.delete(transaction);
  return order;
}

/** Garbage-collects a deleted subtree children first, so Yjs' own recursive collection stays one level deep. */
function collectBottomUp(order: readonly Y.Item[], store: Y.Doc['store']): void {
  for (let i = order.length - 1; i >= 0; i--) order[i]!.gc(store, i > 0);
}
