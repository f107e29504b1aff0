import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { z } from 'zod';
import type { DiffPart, HistoryDiff, HistoryPoint, VersionDiff } from '../../shared/api/versions.ts';
import { ApiError } from '../api/api-client.ts';
import { historyDiff, versionsDiff } from './versions-api.ts';
import { errorMessage } from '../app/labels.ts';
import { versionsDiffStyles } from './diff-styles.ts';

type Part = z.infer<typeof DiffPart>;
type Section = VersionDiff['sections'][number];

/** A point of the history to compare, with how the dialog names it. */
export interface Point {
  point: HistoryPoint;
  label: string;
}

/** Unchanged runs longer than this many words are shortened to their ends. */
const LONG_RUN = 40;
const CONTEXT = 12;

/**
 * What changed between two versions, section by section: added words green and underlined (or,
 * between any two points of the history, tinted by who typed them, with a legend), removed
 * words red and struck through, unchanged stretches shortened to a few words of
 * context so the changes stand out. Unchanged sections are only counted.
 */
@customElement('vk-versions-diff')
@localized()
export class VkVersionsDiff extends LitElement {
  static override styles = versionsDiffStyles;

  @state() private diff: Pick<VersionDiff, 'sections'> | null = null;
  /** Who typed the added runs, in legend order (a history diff only). */
  @state() private authors: HistoryDiff['authors'] = [];
  @state() private heading = '';
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private requested = 0;

  /** Opens the dialog on the changes from version `from` to version `to`. */
  show(draftId: string, from: number, to: number): Promise<void> {
    return this.load(msg(str`So sánh Dự thảo lần ${from} với lần ${to}`), () =>
      versionsDiff(draftId, from, to),
    );
  }

  /**
   * Opens the dialog on the changes between any two points of the history (versions or
   * automatic snapshots), the added words coloured by who typed them; the labels name the points.
   */
  compare(draftId: string, from: Point, to: Point): Promise<void> {
    return this.load(msg(str`So sánh ${from.label} với ${to.label}`), () =>
      historyDiff(draftId, from.point, to.point),
    );
  }

  private async load(heading: string, fetchDiff: () => Promise<VersionDiff | HistoryDiff>): Promise<void> {
    const ticket = ++this.requested;
    this.diff = null;
    this.authors = [];
    this.error = '';
    this.heading = heading;
    this.dialog.showModal();
    try {
      const diff = await fetchDiff();
      if (ticket !== this.requested) return;
      this.diff = diff;
      this.authors = 'authors' in diff ? diff.authors : [];
    } catch (error) {
      if (ticket === this.requested)
        this.error = errorMessage(error instanceof ApiError ? error.code : 'network_error');
    }
  }

  override render() {
    return html`<dialog aria-labelledby="diff-title">
      <header>
        <div class="grow"><h2 id="diff-title">${this.heading}</h2></div>
        <button type="button" @click=${() => this.dialog.close()}>${msg('Đóng')}</button>
      </header>
      <div class="body">
        ${this.error ? html`<p class="status error" role="alert">${this.error}</p>` : nothing}
        ${this.diff === null && !this.error ? html`<p class="status">${msg('Đang tải…')}</p>` : nothing}
        ${this.diff ? this.renderDiff(this.diff) : nothing}
      </div>
    </dialog>`;
  }

  private renderDiff(diff: Pick<VersionDiff, 'sections'>) {
    const changed = diff.sections.filter((s) => s.status !== 'unchanged');
    const same = diff.sections.length - changed.length;
    return html`<article class="sheet">
      <p class="summary">${msg(str`${changed.length} mục thay đổi, ${same} mục giữ nguyên.`)}</p>
      ${this.authors.length > 0 ? this.renderLegend() : nothing}
      ${changed.length === 0 ? html`<p>${msg('Hai lần dự thảo giống hệt nhau.')}</p>` : nothing}
      ${changed.map((section) => this.renderSection(section))}
    </article>`;
  }

  /** Who typed what: one colour per author, and what deleted text looks like. */
  private renderLegend() {
    return html`<ul class="legend" aria-label=${msg('Chú thích màu theo người soạn')}>
      ${this.authors.map(
        (a, i) =>
          html`<li><ins class=${authorClass(i)}>${a.name ?? msg(str`Thành viên số ${a.userId}`)}</ins></li>`,
      )}
      <li><del>${msg('Chữ bị xóa')}</del></li>
    </ul>`;
  }

  private renderSection(section: Section) {
    const status = {
      changed: msg('Có sửa đổi'),
      added: msg('Mục mới'),
      removed: msg('Mục bị xóa'),
      unchanged: '',
    }[section.status];
    return html`<h3>
        <span>${section.heading || msg('(Phần đầu văn bản)')}</span
        ><span class="chip ${section.status}">${status}</span>
      </h3>
      <p class="text">${this.renderParts(section.parts)}</p>`;
  }

  private renderParts(parts: readonly Part[]) {
    const last = parts.length - 1;
    return parts.map((part, i) => renderPart(part, i === 0, i === last, this.colourOf));
  }

  /** The class of an author's colour; text of no known author keeps the plain style. */
  private readonly colourOf = (author: number | null | undefined): string => {
    const index = this.authors.findIndex((a) => a.userId === author);
    return index < 0 ? '' : authorClass(index);
  };
}

/** Six colours, cycled past six authors. */
function authorClass(index: number): string {
  return `a${index % 6}`;
}

/** One run: inserted, deleted, or kept (long kept runs shortened to their ends); the revision log reuses it. */
export function renderPart(
  part: Part,
  first: boolean,
  last: boolean,
  colourOf: (author: number | null | undefined) => string = () => '',
) {
  if (part.added) {
    const colour = colourOf(part.author);
    return colour === '' ? html`<ins>${part.value}</ins>` : html`<ins class=${colour}>${part.value}</ins>`;
  }
  if (part.removed) return html`<del>${part.value}</del>`;
  const words = part.value.split(/(\s+)/);
  if (words.length <= LONG_RUN * 2) return part.value;
  const head = first ? '' : words.slice(0, CONTEXT * 2).join('');
  const tail = last ? '' : words.slice(-CONTEXT * 2).join('');
  const skipped = Math.round((words.length - (first ? 0 : CONTEXT * 2) - (last ? 0 : CONTEXT * 2)) / 2);
  return html`${head}<span class="skip"> […${msg(str`${skipped} chữ không đổi`)}…] </span>${tail}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-diff': VkVersionsDiff;
  }
}
