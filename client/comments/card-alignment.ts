import type { Editor } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commentAnchorsKey, commentRanges } from './comment-anchors.ts';
import { findSectionHeading } from '../editor/sections.ts';
import { stackCards } from './card-layout.ts';

/** Above this many visible threads the cards are a plain list: measuring each would slow typing. */
export const ALIGN_MAX_THREADS = 150;

/** Where a thread sits in the text: its highlight, else its section's heading; null when neither is found. */
export function threadPosition(
  state: EditorState,
  id: number,
  sectionId: string | null | undefined,
): number | null {
  const range = commentRanges(state).get(id);
  if (range !== undefined) return range.from;
  const heading = sectionId == null ? null : findSectionHeading(state.doc, sectionId);
  return heading === null ? null : heading.pos + 1;
}

/** How long the text must rest before the list is rendered again (order, orphans); cards follow at once. */
const RERENDER_DELAY_MS = 200;

/** What the alignment reads from its element. */
export interface CardAlignmentHost extends ReactiveControllerHost, HTMLElement {
  /** The editor whose highlights the cards follow. */
  readonly editor: Editor | null;
  /** The focused thread, placed exactly at its highlight. */
  readonly activeId: number | null;
}

/**
 * Keeps the comment cards beside their highlights, Google-Docs-like: each card's top follows
 * its highlight's top, later cards are pushed down so none overlap, and the column follows the
 * page's scrolling. The layout is measured once per change (text, cards, sizes) and scrolling
 * only moves the whole column. Cards are aligned only while the sidebar sits beside the text
 * (not as a drawer over it) and there are few enough of them.
 */
export class CardAlignment implements ReactiveController {
  /** Whether cards are aligned now (else a plain list); the element renders accordingly. */
  aligned = false;

  private frame = 0;
  private rerender: ReturnType<typeof setTimeout> | undefined;
  private editor: Editor | null = null;
  /** A card to bring into sight once it is placed. */
  private revealing: number | null = null;
  private readonly resize = new ResizeObserver(() => this.schedule());

  constructor(
    private readonly host: CardAlignmentHost,
    private readonly parts: () => { track: HTMLElement | null; column: HTMLElement | null; count: number },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    addEventListener('resize', this.schedule);
    // Moved in the DOM: nothing re-renders, so follow the editor and measure again now.
    this.hostUpdated();
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.schedule);
    this.follow(null);
    this.resize.disconnect();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.rerender);
  }

  hostUpdated(): void {
    if (!this.host.isConnected) return;
    if (this.host.editor !== this.editor) this.follow(this.host.editor);
    const { column } = this.parts();
    this.resize.disconnect();
    if (column !== null) for (const card of column.children) this.resize.observe(card);
    if (this.editor !== null && !this.editor.isDestroyed) this.resize.observe(this.editor.view.dom);
    this.schedule();
  }

  /**
   * Brings a card into sight after the next layout: a highlight picked near the bottom of the
   * window has its card placed level with it, below the visible column, so the page scrolls.
   */
  reveal(id: number): void {
    this.revealing = id;
    this.schedule();
  }

  /** Measures and places the cards on the next frame (several changes in one frame count once). */
  readonly schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.layout());
  };

  private follow(editor: Editor | null): void {
    this.editor?.off('transaction', this.onTransaction);
    this.editor = editor;
    editor?.on('transaction', this.onTransaction);
  }

  private readonly onTransaction = ({ transaction }: { transaction: Transaction }): void => {
    this.schedule();
    if (!transaction.docChanged && transaction.getMeta(commentAnchorsKey) === undefined) return;
    clearTimeout(this.rerender);
    this.rerender = setTimeout(() => this.host.requestUpdate(), RERENDER_DELAY_MS);
  };

  private readonly onScroll = (): void => {
    if (this.aligned) this.move();
  };

  private layout(): void {
    const editor = this.editor;
    const { track, column, count } = this.parts();
    const beside =
      editor !== null &&
      !editor.isDestroyed &&
      this.host.getBoundingClientRect().left >= editor.view.dom.getBoundingClientRect().right - 1;
    const aligned = beside && count <= ALIGN_MAX_THREADS && track !== null && column !== null;
    if (aligned !== this.aligned) {
      this.aligned = aligned;
      this.host.requestUpdate(); // renders the other mode, then lays out again
      return;
    }
    if (!aligned || editor === null || column === null) return;
    // Positions are read from the text now, not from the last render: typing moves them.
    const top = editor.view.dom.getBoundingClientRect().top;
    const cards = [...column.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
    const measured = cards.map((card) => {
      const id = Number(card.dataset.id);
      const pos = threadPosition(editor.state, id, card.dataset.section || null);
      return {
        card,
        id,
        want: pos === null ? null : this.coordsTop(editor, pos) - top,
        height: card.offsetHeight,
      };
    });
    // Cards without a place go after the others; the rest in the order of their places.
    let last = 0;
    for (const m of measured) last = Math.max(last, m.want ?? 0);
    const boxes = measured.map((m) => ({ ...m, want: m.want ?? last })).sort((a, b) => a.want - b.want);
    const tops = stackCards(boxes, this.host.activeId);
    let bottom = 0;
    for (const box of boxes) {
      const y = tops.get(box.id) ?? 0;
      box.card.style.top = `${y}px`;
      bottom = Math.max(bottom, y + box.height);
    }
    column.style.height = `${bottom}px`;
    this.move();
    if (this.revealing !== null) this.scrollToCard(column.querySelector(`[data-id="${this.revealing}"]`));
    this.revealing = null;
  }

  /** Scrolls the page (text and column together) just enough for the card to be in the column's sight. */
  private scrollToCard(card: Element | null): void {
    const track = this.parts().track;
    if (card === null || track === null) return;
    const box = card.getBoundingClientRect();
    const sight = track.getBoundingClientRect();
    const below = box.bottom - sight.bottom + 16;
    const above = box.top - sight.top - 16;
    if (below > 0) scrollBy({ top: Math.min(below, Math.max(0, above)), behavior: 'smooth' });
    else if (above < 0) scrollBy({ top: above, behavior: 'smooth' });
  }

  /** Moves the column so that its origin is level with the top of the text, and fits the track to the window. */
  private move(): void {
    const editor = this.editor;
    const { track, column } = this.parts();
    if (editor === null || editor.isDestroyed || track === null || column === null) return;
    const trackTop = track.getBoundingClientRect().top;
    track.style.height = `${Math.max(160, innerHeight - trackTop - 32)}px`;
    track.scrollTop = 0;
    column.style.transform = `translateY(${editor.view.dom.getBoundingClientRect().top - trackTop}px)`;
  }

  private coordsTop(editor: Editor, pos: number): number {
    try {
      return editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size)).top;
    } catch {
      return editor.view.dom.getBoundingClientRect().top;
    }
  }
}
