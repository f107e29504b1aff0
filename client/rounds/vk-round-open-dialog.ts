import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { z } from 'zod';
import type { OpenRoundRequest, RoundDashboard } from '../../shared/api/rounds.ts';
import type { VersionSummary } from '../../shared/api/versions.ts';
import { listVersions } from '../versions/versions-api.ts';
import { invitableOrgs, openRound } from './rounds-api.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { ActionController, failureMessage } from '../api/action-controller.ts';
import { ApiError } from '../api/api-client.ts';
import { errorMessage } from '../app/labels.ts';
import { versionLabel } from '../app/version-label.ts';
import { defaultDeadline, localInputToIso, toLocalInput } from './deadline.ts';
import './vk-round-org-picker.ts';
import type { InvitableOrg, OrgSelectionChangedEvent } from './vk-round-org-picker.ts';
import { openDialogStyles } from './open-dialog-styles.ts';

/** Fired when a round was opened; carries its dashboard as the server answered it. */
export class RoundOpenedEvent extends Event {
  static readonly type = 'vk-round-opened';

  constructor(readonly dashboard: RoundDashboard) {
    super(RoundOpenedEvent.type, { bubbles: true, composed: true });
  }
}

type Version = z.infer<typeof VersionSummary>;

/**
 * "Mở đợt lấy ý kiến": send a frozen version to chosen sub-branches and mass organisations
 * with a deadline. Without a frozen version there is nothing to send, and it says where to
 * freeze one.
 */
@customElement('vk-round-open-dialog')
@localized()
export class VkRoundOpenDialog extends LitElement {
  static override styles = openDialogStyles;

  /** The draft to consult on. */
  @property() draftId = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input[name="deadline"]') private deadlineInput!: HTMLInputElement;
  @query('input[name="allowCompare"]') private compareInput!: HTMLInputElement;
  /** Newest first; null while loading. */
  @state() private versions: Version[] | null = null;
  @state() private orgs: InvitableOrg[] = [];
  @state() private selected: ReadonlySet<number> = new Set();
  @state() private version = 0;
  @state() private roundTitle = '';
  /** Once the user typed a title, a change of version no longer rewrites it. */
  private titleTouched = false;
  /** Opening the round; its `error` also says why the versions could not be listed, or what to fix first. */
  private readonly action = new ActionController(this, 'internal_error');

  /** Opens the dialog with fresh defaults, reloading versions and organisations (either may have changed). */
  async show(): Promise<void> {
    this.action.fail(null);
    this.versions = null;
    this.selected = new Set();
    this.titleTouched = false;
    this.dialog.showModal();
    this.deadlineInput.value = defaultDeadline();
    try {
      const [versions, invitable] = await Promise.all([
        listVersions(this.draftId),
        invitableOrgs(this.draftId),
      ]);
      this.versions = [...versions.versions].sort((a, b) => b.number - a.number);
      this.orgs = invitable.orgs;
      this.chooseVersion(this.versions[0]?.number ?? 0);
    } catch (error) {
      this.versions = [];
      this.action.fail(failureMessage(error));
    }
  }

  override render() {
    const versions = this.versions;
    const none = versions !== null && versions.length === 0 && this.action.error === null;
    const now = new Date();
    return html`<dialog aria-labelledby="title">
      <form method="dialog" @submit=${this.onSubmit} novalidate>
        <h2 id="title">${msg('Mở đợt lấy ý kiến')}</h2>
        ${versions === null ? html`<p class="wide" role="status">${msg('Đang tải…')}</p>` : nothing}
        ${
          none
            ? html`<p class="notice" role="alert">
                ${msg('Dự thảo chưa có lần dự thảo nào được chốt, nên chưa có gì để gửi lấy ý kiến.')}
                <a href="/drafts/${this.draftId}/versions" @click=${() => this.dialog.close()}
                  >${msg('Chốt một lần dự thảo trong mục “Các lần dự thảo”')}</a
                >
              </p>`
            : nothing
        }
        <label
          >${msg('Lần dự thảo gửi lấy ý kiến')}
          <select
            name="version"
            ?disabled=${!versions?.length}
            @change=${(e: Event) => this.chooseVersion(Number((e.target as HTMLSelectElement).value))}
          >
            ${(versions ?? []).map(
              (v) =>
                html`<option value=${v.number} ?selected=${v.number === this.version}>
                  ${versionLabel(v.number)}${v.note ? ` — ${v.note}` : ''}
                </option>`,
            )}
          </select></label
        >
        <label
          >${msg('Hạn gửi góp ý')}
          <input
            name="deadline"
            type="datetime-local"
            required
            min=${toLocalInput(now)}
            max=${toLocalInput(new Date(now.getTime() + COMMENT_LIMITS.deadlineMaxDays * 86_400_000))}
        /></label>
        <label class="wide"
          >${msg('Tên đợt lấy ý kiến')}
          <input
            name="title"
            required
            maxlength=${COMMENT_LIMITS.roundTitleMax}
            .value=${this.roundTitle}
            @input=${this.onTitle}
        /></label>
        <label class="wide check"
          ><input name="allowCompare" type="checkbox" />
          ${msg('Cho tổ chức được mời so sánh với bản đang soạn (mặc định: chỉ đọc bản gửi lấy ý kiến)')}</label
        >
        <div class="wide">
          <p class="label" id="orgs-label">${msg('Tổ chức được mời góp ý')}</p>
          ${
            versions !== null && this.orgs.length === 0 && this.action.error === null
              ? html`<p class="hint">${msg('Đơn vị chưa có chi bộ trực thuộc hay đoàn thể nào để mời.')}</p>`
              : html`<vk-round-org-picker
                  role="group"
                  aria-labelledby="orgs-label"
                  .orgs=${this.orgs}
                  .selected=${this.selected}
                  @vk-org-selection-changed=${(e: OrgSelectionChangedEvent) => (this.selected = e.selected)}
                ></vk-round-org-picker>`
          }
        </div>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${msg('Hủy')}</button>
          <button type="submit" class="primary" ?disabled=${this.action.busy || !versions?.length}>
            ${msg('Mở đợt lấy ý kiến')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private chooseVersion(number: number) {
    this.version = number;
    if (!this.titleTouched)
      this.roundTitle = number > 0 ? msg(str`Lấy ý kiến góp ý ${versionLabel(number)}`) : '';
  }

  private onTitle(event: Event) {
    this.roundTitle = (event.target as HTMLInputElement).value;
    this.titleTouched = true;
  }

  /** What is wrong with the form before anything is sent, or null. */
  private problem(deadline: string | null): string | null {
    if (this.roundTitle.trim() === '') return msg('Hãy đặt tên cho đợt lấy ý kiến.');
    if (deadline === null) return msg('Hãy chọn hạn gửi góp ý.');
    if (new Date(deadline).getTime() <= Date.now()) return msg('Hạn gửi góp ý phải sau thời điểm hiện tại.');
    if (this.selected.size === 0) return msg('Hãy chọn ít nhất một tổ chức được mời.');
    return null;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // One round per click: a second one would be refused as round_already_open anyway.
    if (this.action.busy || this.version === 0) return;
    const deadline = localInputToIso(this.deadlineInput.value);
    const problem = this.problem(deadline);
    this.action.fail(problem);
    if (problem !== null || deadline === null) return;
    await this.action.run(
      async () => {
        const body = {
          version: this.version,
          title: this.roundTitle.trim(),
          deadline,
          allowCompare: this.compareInput.checked,
          ...this.invited(),
        };
        const dashboard = await openRound(this.draftId, body);
        this.dialog.close();
        this.dispatchEvent(new RoundOpenedEvent(dashboard));
      },
      // For a field out of bounds the server's message names the field, which helps here.
      (error, code) =>
        error instanceof ApiError && code === 'validation_failed'
          ? `${errorMessage(code)} (${error.message})`
          : undefined,
    );
  }

  /** The selection as the API takes it: a whole kind as `allOf`, so the body stays small for hundreds. */
  private invited(): Pick<OpenRoundRequest, 'orgIds' | 'allOf'> {
    const allOf = (['branch', 'mass'] as const).filter((kind) => {
      const ofKind = this.orgs.filter((o) => o.kind === kind);
      return ofKind.length > 0 && ofKind.every((o) => this.selected.has(o.id));
    });
    const orgIds = this.orgs
      .filter((o) => this.selected.has(o.id) && !allOf.includes(o.kind))
      .map((o) => o.id);
    return { orgIds, allOf };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-round-open-dialog': VkRoundOpenDialog;
  }
  interface HTMLElementEventMap {
    'vk-round-opened': RoundOpenedEvent;
  }
}
