import * as Y from 'yjs';

/**
 * Calls `visit` for every text run under `node` in document order, with an explicit stack:
 * readers of a draft must not overflow on nesting an earlier build let in (R4).
 */
export function forEachText(node: Y.XmlElement | Y.XmlFragment, visit: (text: Y.XmlText) => void): void {
  const stack: { children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[]; next: number }[] = [
    { children: node.toArray(), next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (child === undefined) stack.pop();
    else if (child instanceof Y.XmlText) visit(child);
    else if (child instanceof Y.XmlElement) stack.push({ children: child.toArray(), next: 0 });
  }
}
