import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { z } from 'zod';
import type { Draft } from '../../shared/api/drafts.ts';
import type { Org } from '../../shared/api/orgs.ts';
import type { TemplateList } from '../../shared/api/templates.ts';
import { listOrgs } from '../admin/orgs-api.ts';
import { listTemplates } from '../admin/templates-api.ts';
import { ActionController, failureMessage } from '../api/action-controller.ts';
import { ApiError } from '../api/api-client.ts';
import { createDraft } from './drafts-api.ts';
import { errorMessage } from '../app/labels.ts';
import { blockerLabel } from './header-labels.ts';
import { dialogStyles } from '../styles/dialog-styles.ts';

/** Fired when a draft was created. */
export class DraftCreatedEvent extends Event {
  static readonly type = 'vk-draft-created';

  constructor(readonly draft: Draft) {
    super(DraftCreatedEvent.type, { bubbles: true, composed: true });
  }
}

type Templates = z.infer<typeof TemplateList>['templates'];

/** A dialog to create a draft from a template, with the header fields of the document. */
@customElement('vk-create-draft-dialog')
@localized()
export class VkCreateDraftDialog extends LitElement {
  static override styles = [
    ...dialogStyles,
    css`
      dialog {
        box-shadow: var(--vk-shadow);
        width: min(560px, 95vw);
        padding: 24px;
      }
    `,
  ];

  /** The creator's organisation: its templates come first, and its names fill the issuer lines. */
  @property({ attribute: false }) org: Org | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private templates: Templates = [];
  /** The creator's superior (from the organisation tree), for the "Cấp trên" line. */
  @state() private parent: Org | null = null;
  /** Creating the draft; its `error` also says why the templates could not be listed. */
  private readonly action = new ActionController(this, 'internal_error');

  /** Opens the dialog (loading the templates the first time). */
  async show(): Promise<void> {
    this.action.fail(null);
    this.dialog.showModal();
    if (this.templates.length > 0) return;
    try {
      const [templates, orgs] = await Promise.all([
        listTemplates(),
        listOrgs().catch(() => ({ orgs: [] as Org[] })),
      ]);
      this.templates = sortForOrg(templates.templates, this.org);
      this.parent = orgs.orgs.find((o) => o.id === this.org?.parentId) ?? null;
    } catch (error) {
      this.action.fail(failureMessage(error));
    }
  }

  override render() {
    return html`<dialog aria-labelledby="title">
      <form method="dialog" @submit=${this.onSubmit}>
        <h2 id="title">${msg('Tạo dự thảo mới')}</h2>
        <label class="wide"
          >${msg('Đề cương')}
          <select name="templateId" required>
            ${this.templates.map((t) => html`<option value=${t.id}>${t.title} (v${t.version})</option>`)}
          </select></label
        >
        <label class="wide"
          >${msg('Tên dự thảo (để trống: theo đề cương)')} <input name="title" maxlength="300"
        /></label>
        <label class="wide"
          >${msg('Cấp trên')} <input name="superior" maxlength="200" .value=${upper(this.parent?.name)}
        /></label>
        <label class="wide"
          >${msg('Cơ quan ban hành')} <input name="issuer" maxlength="200" .value=${upper(this.org?.name)}
        /></label>
        <label
          >${msg('Số, ký hiệu')} <input name="numberSymbol" placeholder="01-BC/ĐU" maxlength="50"
        /></label>
        <label>${msg('Địa danh')} <input name="place" maxlength="100" /></label>
        <label>${msg('Ngày ban hành')} <input name="date" type="date" /></label>
        <label
          >${msg('Đại hội lần thứ')} <input name="congressOrdinal" type="number" min="1" max="99"
        /></label>
        <label
          >${msg('Nhiệm kỳ')} <input name="term" placeholder="2025-2030" pattern="\\d{4}-\\d{4}"
        /></label>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : ''}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${msg('Hủy')}</button>
          <button type="submit" class="primary" ?disabled=${this.action.busy}>${msg('Tạo dự thảo')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // One draft per click: a second click while the first request runs would create a twin.
    if (this.action.busy) return;
    const data = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    const text = (key: string) => (data[key]?.trim() ? data[key].trim() : undefined);
    const header = {
      superior: text('superior'),
      issuer: text('issuer'),
      numberSymbol: text('numberSymbol'),
      place: text('place'),
      date: text('date'),
      congressOrdinal: text('congressOrdinal') === undefined ? undefined : Number(data.congressOrdinal),
      term: text('term'),
    };
    await this.action.run(
      async () => {
        const draft = await createDraft({ templateId: data.templateId, title: text('title'), header });
        this.dialog.close();
        this.dispatchEvent(new DraftCreatedEvent(draft));
      },
      // In the interface language: the code picks the sentence, `fields` the names of the inputs at fault.
      (error, code) => {
        const fields = error instanceof ApiError ? (error.details.fields ?? []) : [];
        return fields.length > 0
          ? `${errorMessage(code)} (${fields.map(blockerLabel).join(', ')})`
          : undefined;
      },
    );
  }
}

/**
 * The templates for the organisation's own congress first (a unit's before the sub-branch
 * one), each group in the server's order.
 */
export function sortForOrg(templates: Templates, org: Org | null): Templates {
  const level = org?.kind === 'branch' ? 'branch' : 'unit';
  return [...templates.filter((t) => t.level === level), ...templates.filter((t) => t.level !== level)];
}

/** A name as printed in the issuer lines. */
function upper(name: string | undefined): string {
  return name === undefined ? '' : name.toLocaleUpperCase('vi');
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-create-draft-dialog': VkCreateDraftDialog;
  }
  interface HTMLElementEventMap {
    'vk-draft-created': DraftCreatedEvent;
  }
}
