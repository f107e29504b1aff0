import type { Awareness } from 'y-protocols/awareness';

/** How long a colleague's name stays over their caret after it last moved. */
export const CARET_LABEL_MS = 3000;

/** The class that shows a caret's name label (document-styles.ts fades it out when removed). */
const SHOWN = 'is-labelled';

interface Change {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Shows a colleague's name over their caret when the caret moves (a click, typing) and hides
 * it a few seconds later, so labels tell who is where without covering the line above for
 * good. y-tiptap rebuilds caret widgets whenever the document or awareness changes, and
 * ProseMirror keeps a keyed widget's DOM when it can: so whether a label is shown is kept
 * here per client, applied to each caret as it is built, and to the carets on screen when
 * it changes.
 */
export class CaretLabels {
  /** The last cursor each client published, as JSON, to tell a move from a presence renewal. */
  private readonly cursors = new Map<number, string>();
  /** Clients whose label is showing, with the timer that hides it. */
  private readonly shown = new Map<number, ReturnType<typeof setTimeout>>();
  private root: HTMLElement | null = null;

  constructor(
    private readonly awareness: Awareness,
    private readonly visibleMs: number = CARET_LABEL_MS,
  ) {}

  /** Starts following the awareness for carets under `root` (the editor's DOM). */
  attach(root: HTMLElement): void {
    this.root = root;
    for (const [clientId, state] of this.awareness.getStates())
      this.cursors.set(clientId, JSON.stringify((state as { cursor?: unknown }).cursor ?? null));
    this.awareness.on('change', this.onChange);
  }

  detach(): void {
    this.awareness.off('change', this.onChange);
    for (const timer of this.shown.values()) clearTimeout(timer);
    this.shown.clear();
    this.cursors.clear();
    this.root = null;
  }

  /** The caret widget of a colleague: a thin bar in their colour, their name above it. */
  build(user: { name: string; color: string }, clientId: number): HTMLElement {
    const caret = document.createElement('span');
    caret.className = 'collaboration-carets__caret';
    caret.dataset.clientId = String(clientId);
    caret.style.borderColor = user.color;
    if (this.shown.has(clientId)) caret.classList.add(SHOWN);
    const label = document.createElement('span');
    label.className = 'collaboration-carets__label';
    label.style.backgroundColor = user.color;
    label.textContent = user.name;
    caret.append(label);
    return caret;
  }

  private readonly onChange = ({ added, updated, removed }: Change): void => {
    for (const clientId of removed) {
      this.cursors.delete(clientId);
      clearTimeout(this.shown.get(clientId));
      this.shown.delete(clientId);
    }
    for (const clientId of [...added, ...updated]) {
      if (clientId === this.awareness.clientID) continue;
      const cursor =
        (this.awareness.getStates().get(clientId) as { cursor?: unknown } | undefined)?.cursor ?? null;
      const json = JSON.stringify(cursor);
      if (json === this.cursors.get(clientId)) continue;
      this.cursors.set(clientId, json);
      if (cursor !== null) this.show(clientId);
    }
  };

  private show(clientId: number): void {
    clearTimeout(this.shown.get(clientId));
    this.shown.set(
      clientId,
      setTimeout(() => {
        this.shown.delete(clientId);
        this.mark(clientId, false);
      }, this.visibleMs),
    );
    this.mark(clientId, true);
  }

  private mark(clientId: number, shown: boolean): void {
    const carets =
      this.root?.querySelectorAll(`.collaboration-carets__caret[data-client-id="${clientId}"]`) ?? [];
    for (const caret of carets) caret.classList.toggle(SHOWN, shown);
  }
}
