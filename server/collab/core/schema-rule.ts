import type { MarkType, NodeType, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { ATTRIBUTE_VALUES } from '../../../shared/editor/attribute-values.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { CONTENT_LIMITS } from '../../../shared/limits.ts';
import type { ContentRule } from './content-rule.ts';

type Limits = {
  readonly maxDepth: number;
  readonly maxNodesPerUpdate: number;
  readonly maxAttributeChars: number;
};
type Type = Y.AbstractType<unknown>;

/**
 * The shared Tiptap schema applied to Yjs structs, one struct at a time: every struct an
 * update adds must lie in the `content` fragment, name a node or mark of the schema allowed
 * where it sits, carry only the schema's attributes with values of the right kind, and stay
 * within the nesting depth. Only the new structs are walked (from the state vector before
 * the update), so typing costs a few lookups whatever the draft's size. Rules that concurrent
 * edits can break on their own (the order and count of children, e.g. `listItem` =
 * `paragraph block*`) are not checked here: an honest editor's update must never be refused.
 */
export class SchemaRule implements ContentRule {
  private readonly children = new Map<NodeType, Set<string>>();

  constructor(
    private readonly schema: Schema,
    private readonly limits: Limits = CONTENT_LIMITS,
    private readonly roots: ReadonlySet<string> = new Set([CONTENT_FRAGMENT]),
  ) {
    for (const type of Object.values(schema.nodes)) this.children.set(type, allowedChildren(type));
  }

  check(doc: Y.Doc, since: ReadonlyMap<number, number>): string | null {
    const walk = new Walk(doc, this.roots);
    let nodes = 0;
    for (const struct of newStructs(doc, since)) {
      if (struct.content instanceof Y.ContentType && ++nodes > this.limits.maxNodesPerUpdate)
        return `more than ${this.limits.maxNodesPerUpdate} nodes in one update`;
      const refusal = this.item(struct, walk);
      if (refusal !== null) return refusal;
    }
    return null;
  }

  /** Every live struct of a whole document that breaks the rule, with why (for `draft repair` and the start-up check). */
  problems(doc: Y.Doc): { item: Y.Item; reason: string }[] {
    const walk = new Walk(doc, this.roots);
    const found: { item: Y.Item; reason: string }[] = [];
    for (const item of newStructs(doc, new Map())) {
      if (item.deleted) continue;
      const reason = this.item(item, walk);
      if (reason !== null) found.push({ item, reason });
    }
    return found;
  }

  private item(item: Y.Item, walk: Walk): string | null {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null; // parent collected: the struct is dead
    const place = walk.locate(parent);
    if (place === null) return 'update writes outside the content fragment';
    const { content } = item;
    if (content instanceof Y.ContentDeleted) return null;
    if (parent instanceof Y.XmlText) {
      if (item.parentSub !== null) return 'text runs carry no attributes';
      if (content instanceof Y.ContentString) return null;
      if (!(content instanceof Y.ContentFormat)) return 'text holds something other than characters';
      const holder = parent._item?.parent;
      const block = holder instanceof Y.XmlElement ? this.schema.nodes[holder.nodeName] : undefined;
      return block === undefined ? 'text outside a node' : this.mark(block, content.key, content.value);
    }
    const node = place.depth === 0 ? this.schema.topNodeType : nodeTypeOf(this.schema, parent);
    if (node === undefined) return 'content holds a type that is not a node';
    if (item.parentSub !== null) {
      if (place.depth === 0) return 'the document carries no attributes';
      if (!(content instanceof Y.ContentAny)) return `attribute "${item.parentSub}" is not a plain value`;
      return this.attribute(node, item.parentSub, content.arr[content.arr.length - 1]);
    }
    if (!(content instanceof Y.ContentType)) return `"${node.name}" holds a value that is not a node`;
    const child = content.type;
    const name = child instanceof Y.XmlText ? 'text' : child instanceof Y.XmlElement ? child.nodeName : null;
    if (name === null) return `"${node.name}" holds a shared type that is not a node`;
    if (name !== 'text' && this.schema.nodes[name] === undefined) return `unknown node "${name}"`;
    if (!this.children.get(node)!.has(name)) return `"${name}" is not allowed inside "${node.name}"`;
    // Text runs do not count: a paragraph at the deepest level still holds its text.
    if (name !== 'text' && place.depth + 1 > this.limits.maxDepth)
      return `nesting deeper than ${this.limits.maxDepth}`;
    return null;
  }

  private attribute(node: NodeType, key: string, value: unknown): string | null {
    const spec = node.spec.attrs?.[key];
    if (spec === undefined) return `unknown attribute "${key}" on "${node.name}"`;
    // Attributes with a list of values (shared/editor/attribute-values.ts), then by the default's kind.
    const listed = ATTRIBUTE_VALUES[node.name]?.[key];
    const fallback = (spec as { default?: unknown }).default;
    const ok =
      listed !== undefined
        ? listed(value)
        : typeof fallback === 'number'
          ? typeof value === 'number' && Number.isInteger(value)
          : typeof value === 'string' && value.length <= this.limits.maxAttributeChars;
    return ok ? null : `bad value of attribute "${key}" on "${node.name}"`;
  }

  private mark(block: NodeType, key: string, value: unknown): string | null {
    const [name = '', hash] = key.split('--');
    const mark: MarkType | undefined = this.schema.marks[name];
    if (mark === undefined || (hash !== undefined && mark.excludes(mark))) return `unknown mark "${key}"`;
    if (!block.allowsMarkType(mark)) return `mark "${name}" is not allowed inside "${block.name}"`;
    if (value === null) return null; // the end of a formatted run
    if (typeof value !== 'object' || Array.isArray(value)) return `bad attributes of mark "${name}"`;
    for (const [attr, v] of Object.entries(value as Record<string, unknown>)) {
      if (mark.spec.attrs?.[attr] === undefined) return `unknown attribute "${attr}" on mark "${name}"`;
      if (v !== null && (typeof v !== 'string' || v.length > this.limits.maxAttributeChars))
        return `bad value of attribute "${attr}" on mark "${name}"`;
    }
    return null;
  }
}

/**
 * Where types sit: depth below the root, and whether the root is an allowed one. Climbs
 * iteratively and remembers every type it passed, so a paste of thousands of nodes under one
 * parent climbs once, and a broken draft nested 10 000 deep cannot overflow the stack.
 */
class Walk {
  private readonly places = new Map<Type, { depth: number } | null>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly roots: ReadonlySet<string>,
  ) {}

  locate(type: Type): { depth: number } | null {
    const chain: Type[] = [];
    let current: Type = type;
    let found: { depth: number } | null | undefined;
    for (;;) {
      found = this.places.get(current);
      if (found !== undefined) break;
      const item = current._item;
      if (item === null) {
        found = this.isAllowedRoot(current) ? { depth: 0 } : null;
        this.places.set(current, found);
        break;
      }
      chain.push(current);
      if (!(item.parent instanceof Y.AbstractType)) {
        found = null;
        break;
      }
      current = item.parent;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      found = found === null ? null : { depth: found.depth + 1 };
      this.places.set(chain[i]!, found);
    }
    return found;
  }

  private isAllowedRoot(type: Type): boolean {
    for (const [name, shared] of this.doc.share) if (shared === type) return this.roots.has(name);
    return false;
  }
}

/** The items of `doc` with clocks at or past `since` (the structs an update added), in store order. */
function* newStructs(doc: Y.Doc, since: ReadonlyMap<number, number>): Generator<Y.Item> {
  for (const [client, structs] of doc.store.clients) {
    const from = since.get(client) ?? 0;
    if (structs.length === 0 || Y.getState(doc.store, client) <= from) continue;
    for (let i = from === 0 ? 0 : Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct instanceof Y.Item) yield struct; // GC and skips carry nothing
    }
  }
}

function nodeTypeOf(schema: Schema, type: Type): NodeType | undefined {
  return type instanceof Y.XmlElement ? schema.nodes[type.nodeName] : undefined;
}

/** Every node name that may appear anywhere in `type`'s content expression ('text' for text runs). */
function allowedChildren(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set([type.contentMatch]);
  const queue = [type.contentMatch];
  for (let match = queue.pop(); match !== undefined; match = queue.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      if (!seen.has(edge.next)) {
        seen.add(edge.next);
        queue.push(edge.next);
      }
    }
  }
  return names;
}
