import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { AssignmentMember, SectionAssignment } from '../../shared/api/assignments.ts';
import { ActionController } from '../api/action-controller.ts';
import { assignSection, unassignSection } from './assignments-api.ts';
import { dialogStyles } from '../styles/dialog-styles.ts';

/** Fired after a section was assigned, reassigned or taken back. */
export class AssignmentsChangedEvent extends Event {
  static readonly type = 'vk-assignments-changed';

  constructor() {
    super(AssignmentsChangedEvent.type, { bubbles: true, composed: true });
  }
}

/** The secretary's dialog to give one section to a drafting member with a due date. */
@customElement('vk-assign-dialog')
@localized()
export class VkAssignDialog extends LitElement {
  static override styles = [
    ...dialogStyles,
    css`
      dialog {
        box-shadow: var(--vk-shadow);
        width: min(440px, 95vw);
        padding: 20px;
      }
      .section {
        grid-column: 1 / -1;
        margin: 0;
        color: var(--vk-muted);
      }
      .actions .remove {
        margin-right: auto;
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private draftId = '';
  @state() private section: SectionAssignment | null = null;
  @state() private members: readonly AssignmentMember[] = [];
  private readonly action = new ActionController(this, 'internal_error');

  /** Opens the dialog for one section of a draft. */
  show(draftId: string, section: SectionAssignment, members: readonly AssignmentMember[]): void {
    this.draftId = draftId;
    this.section = section;
    this.members = members;
    this.action.fail(null);
    this.dialog.showModal();
  }

  override render() {
    const section = this.section;
    const name = section === null ? '' : `${section.label} ${section.title}`.trim();
    return html`<dialog aria-labelledby="assign-title">
      <form method="dialog" @submit=${this.onSubmit}>
        <h2 id="assign-title">${msg('Phân công viết mục')}</h2>
        <p class="section">${name}</p>
        <label
          >${msg('Người viết')}
          <select name="userId" required>
            ${this.members.map(
              (m) =>
                html`<option value=${m.id} ?selected=${section?.assignee?.id === m.id}>${m.name}</option>`,
            )}
          </select></label
        >
        <label
          >${msg('Hạn hoàn thành')} <input name="due" type="date" required .value=${section?.due ?? ''}
        /></label>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <div class="actions">
          ${
            section?.assignee
              ? html`<button
                  type="button"
                  class="remove"
                  ?disabled=${this.action.busy}
                  @click=${this.onRemove}
                >
                  ${msg('Bỏ phân công')}
                </button>`
              : nothing
          }
          <button type="button" @click=${() => this.dialog.close()}>${msg('Hủy')}</button>
          <button type="submit" class="primary" ?disabled=${this.action.busy}>${msg('Phân công')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    await this.run((sectionId) =>
      assignSection(this.draftId, sectionId, { userId: Number(data.userId), due: data.due ?? '' }),
    );
  }

  private async onRemove() {
    await this.run((sectionId) => unassignSection(this.draftId, sectionId));
  }

  private async run(call: (sectionId: string) => Promise<unknown>) {
    const section = this.section;
    if (section === null) return;
    await this.action.run(async () => {
      await call(section.sectionId);
      this.dialog.close();
      this.dispatchEvent(new AssignmentsChangedEvent());
    });
  }
}

/** "Hạn 31/12/2026" from YYYY-MM-DD, in the Vietnamese day order. */
export function dueLabel(due: string): string {
  const [y, m, d] = due.split('-');
  return msg(str`Hạn ${d}/${m}/${y}`);
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-assign-dialog': VkAssignDialog;
  }
  interface HTMLElementEventMap {
    'vk-assignments-changed': AssignmentsChangedEvent;
  }
}
