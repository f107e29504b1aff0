import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AssignmentList } from '../../shared/api/assignments.ts';
import { isLate } from '../../shared/api/assignments.ts';
import type { DraftProgress, SectionProgress } from '../../shared/api/progress.ts';
import type { Template } from '../../shared/templates/template.ts';
import { flattenSections } from '../editor/sections.ts';
import '../drafts/vk-progress-bar.ts';
import '../assignments/vk-assign-dialog.ts';
import { dueLabel, type VkAssignDialog } from '../assignments/vk-assign-dialog.ts';
import { outlineStyles } from './outline-styles.ts';
import { plural } from '../app/plural.ts';

/** Fired when the user picks a section in the outline. */
export class SectionSelectedEvent extends Event {
  static readonly type = 'vk-section-selected';

  constructor(readonly sectionId: string) {
    super(SectionSelectedEvent.type, { bubbles: true, composed: true });
  }
}

interface OutlineItem {
  id: string;
  label: string;
  title: string;
  depth: number;
  progress: SectionProgress | undefined;
}

/**
 * The outline beside the text: the template's sections in order, indented by depth, each
 * with its progress state and word count (live, from the progress events), required
 * sections still empty in red, and who writes it by when (late ones in red). Picking one
 * moves the editor there; the unit's secretary also assigns sections from here.
 */
@customElement('vk-outline')
@localized()
export class VkOutline extends LitElement {
  static override styles = outlineStyles;

  /** The outline template (null: fall back to the sections the progress lists). */
  @property({ attribute: false }) template: Template | null = null;
  /** Live progress per section. */
  @property({ attribute: false }) progress: DraftProgress | null = null;
  /** The section under the cursor. */
  @property({ attribute: false }) current: string | null = null;
  /** Who writes which section (null until loaded, or when it could not be). */
  @property({ attribute: false }) assignments: AssignmentList | null = null;

  @query('vk-assign-dialog') private assignDialog!: VkAssignDialog;

  /** The one section reachable with Tab (roving tabindex: the list is a single Tab stop). */
  @state() private focusId: string | null = null;

  override render() {
    const items = this.items();
    const totals = this.progress?.totals;
    return html`<h2 id="outline-title">${msg('Dàn ý')}</h2>
      ${
        totals && items.length > 0
          ? html`<vk-progress-bar
              .written=${totals.written}
              .writing=${totals.writing}
              .total=${items.length}
              .flagged=${totals.flagged}
            ></vk-progress-bar>`
          : nothing
      }
      ${
        items.length === 0
          ? html`<p class="empty-list">${msg('Dự thảo này không theo đề cương nào.')}</p>`
          : html`<ol aria-labelledby="outline-title" @keydown=${this.onKey}>
              ${items.map((item) => this.renderItem(item, this.tabStop(items)))}
            </ol>`
      }
      ${this.renderMembers(items)}
      ${this.assignments?.canAssign ? html`<vk-assign-dialog></vk-assign-dialog>` : nothing}`;
  }

  /** Each drafting member's sections: how many, how many written, how many late (live). */
  private renderMembers(items: OutlineItem[]) {
    const list = this.assignments;
    if (list === null) return nothing;
    const state = new Map(items.map((i) => [i.id, i.progress?.state ?? 'empty']));
    const now = Date.now();
    const rows = list.members
      .map((m) => {
        const own = list.sections.filter((s) => s.assignee?.id === m.id);
        const stateOf = (id: string) => state.get(id) ?? 'empty';
        return {
          ...m,
          assigned: own.length,
          written: own.filter((s) => stateOf(s.sectionId) === 'written').length,
          late: own.filter((s) => isLate(s.due, stateOf(s.sectionId), now)).length,
        };
      })
      .filter((m) => m.assigned > 0);
    if (rows.length === 0) return nothing;
    return html`<section class="members" aria-labelledby="members-title">
      <h3 id="members-title">${msg('Phân công viết')}</h3>
      <ul>
        ${rows.map(
          (m) =>
            html`<li>
              <span>${m.name}</span>
              <span
                >${msg(str`${m.written}/${m.assigned} mục đã viết`)}${
                  m.late > 0
                    ? html`, <span class="late-count">${msg(str`${m.late} trễ hạn`)}</span>`
                    : nothing
                }</span
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private tabStop(items: OutlineItem[]): string | undefined {
    const ids = new Set(items.map((i) => i.id));
    return [this.focusId, this.current].find((id) => id !== null && ids.has(id)) ?? items[0]?.id;
  }

  private renderItem(item: OutlineItem, tabStop: string | undefined) {
    const p = item.progress;
    const state = p?.state ?? 'empty';
    const classes = `depth-${item.depth} ${state}${p?.flagged ? ' flagged' : ''}`;
    const words = p?.words ?? 0;
    const stateText = stateLabel(state, p?.flagged ?? false);
    return html`<li>
      <button
        class="section ${classes}"
        style="--indent:${(item.depth - 1) * 14}px"
        aria-current=${this.current === item.id ? 'location' : nothing}
        aria-label=${`${`${item.label} ${item.title}`.trim()}. ${stateText}. ${plural(
          words,
          msg(str`${words} chữ`, { id: 'words-count.one' }),
          msg(str`${words} chữ`, { id: 'words-count.other' }),
        )}`}
        title=${stateText}
        tabindex=${item.id === tabStop ? 0 : -1}
        @focus=${() => (this.focusId = item.id)}
        @click=${() => this.dispatchEvent(new SectionSelectedEvent(item.id))}
      >
        <span class="mark" aria-hidden="true"></span>
        <span
          >${item.label ? html`<span class="label">${item.label}</span> ` : nothing}<span class="title"
            >${item.title}</span
          ></span
        >
        <span class="words" aria-hidden="true">${words > 0 ? words : ''}</span>
      </button>
      ${this.renderAssignment(item, state)}
    </li>`;
  }

  /** Who writes the section and by when; the secretary's button to (re)assign it. */
  private renderAssignment(item: OutlineItem, state: SectionProgress['state']) {
    const list = this.assignments;
    const assignment = list?.sections.find((s) => s.sectionId === item.id);
    if (list === null || assignment === undefined) return nothing;
    // The live progress decides, so a section written a moment ago stops being late at once.
    const late = isLate(assignment.due, state, Date.now());
    if (assignment.assignee === null && !list.canAssign) return nothing;
    const name = `${item.label} ${item.title}`.trim();
    return html`<p class="assignment${late ? ' late' : ''}" style="--indent:${(item.depth - 1) * 14}px">
      ${
        assignment.assignee === null
          ? html`<span class="unassigned">${msg('Chưa phân công')}</span>`
          : html`<span class="assignee">${assignment.assignee.name}</span>
              <span class="due">${dueLabel(assignment.due!)}</span>
              ${late ? html`<strong class="late-badge">${msg('Trễ hạn')}</strong>` : nothing}`
      }
      ${
        list.canAssign
          ? html`<button
              type="button"
              class="assign"
              aria-label=${msg(str`Phân công mục ${name}`)}
              @click=${() => this.assignDialog.show(list.draftId, assignment, list.members)}
            >
              ${assignment.assignee === null ? msg('Phân công') : msg('Đổi')}
            </button>`
          : nothing
      }
    </p>`;
  }

  private items(): OutlineItem[] {
    const byId = new Map((this.progress?.sections ?? []).map((p) => [p.id, p]));
    if (this.template !== null)
      return flattenSections(this.template.sections).map(({ section, depth }) => ({
        id: section.id,
        label: section.label,
        title: section.title,
        depth,
        progress: byId.get(section.id),
      }));
    return (this.progress?.sections ?? []).map((p) => ({ ...p, progress: p }));
  }

  /** Up and Down move between sections, Home and End to the ends. */
  private onKey(event: KeyboardEvent) {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.section')];
    const at = buttons.indexOf(this.renderRoot.querySelector('button.section:focus') as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || at < 0 || buttons[next] === undefined) return;
    event.preventDefault();
    buttons[next].focus();
  }
}

/** A section state in words (also for screen readers). */
function stateLabel(state: SectionProgress['state'], flagged: boolean): string {
  const text = {
    empty: msg('Chưa viết'),
    writing: msg('Đang viết'),
    written: msg('Đã viết'),
    missing: msg('Mất tiêu đề mục'),
  }[state];
  return flagged ? `${text} — ${msg('mục bắt buộc')}` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-outline': VkOutline;
  }
  interface HTMLElementEventMap {
    'vk-section-selected': SectionSelectedEvent;
  }
}
