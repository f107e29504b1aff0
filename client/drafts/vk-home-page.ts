import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MyDraftSections } from '../../shared/api/assignments.ts';
import type { SessionInfo } from '../../shared/api/auth.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type { DraftProgress } from '../../shared/api/progress.ts';
import type { RoundOverview } from '../../shared/api/rounds.ts';
import { myAssignments } from '../assignments/assignments-api.ts';
import { roundsOverview } from '../rounds/rounds-api.ts';
import { listVersions } from '../versions/versions-api.ts';
import { listDrafts, loadProgress } from './drafts-api.ts';
import { accessLabel, statusLabel } from '../app/labels.ts';
import { navigate } from '../app/router.ts';
import './vk-create-draft-dialog.ts';
import type { DraftCreatedEvent, VkCreateDraftDialog } from './vk-create-draft-dialog.ts';
import '../rounds/vk-invited-rounds.ts';
import './vk-progress-bar.ts';
import '../rounds/vk-rounds-overview.ts';
import { homePageStyles } from './home-page-styles.ts';

interface DraftCard {
  draft: Draft;
  progress: DraftProgress['totals'] & { sections: number };
  version: number;
}

const STATUSES = ['drafting', 'consultation', 'final'] as const;

/** Home: the drafts the user may open, grouped by status, with progress and the current version. */
@customElement('vk-home-page')
@localized()
export class VkHomePage extends LitElement {
  static override styles = homePageStyles;

  @property({ attribute: false }) session!: SessionInfo;
  @state() private cards: DraftCard[] | null = null;
  @state() private failed = false;
  /** The consultation rounds the user takes part in; null until loaded. */
  @state() private rounds: RoundOverview[] | null = null;
  @state() private roundsFailed = false;
  /** The sections the user was assigned, by draft (empty until loaded, or if that failed). */
  @state() private mine = new Map<string, MyDraftSections>();
  @query('vk-create-draft-dialog') private dialog!: VkCreateDraftDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    this.load().catch(() => (this.failed = true));
    myAssignments().then(
      ({ drafts }) => (this.mine = new Map(drafts.map((d) => [d.draftId, d]))),
      () => undefined, // the cards stand without them
    );
    roundsOverview().then(
      ({ rounds }) => (this.rounds = rounds),
      () => (this.roundsFailed = true),
    );
  }

  override render() {
    const roles = this.session.roles.map((r) => r.role);
    const canCreate = roles.includes('drafter') || roles.includes('secretary');
    const oversees = canCreate || roles.includes('admin');
    return html`<div class="top">
        <h1>${msg('Dự thảo văn kiện')}</h1>
        ${canCreate ? html`<button @click=${() => void this.dialog.show()}>${msg('Tạo dự thảo')}</button>` : nothing}
      </div>
      ${roles.includes('commenter') ? this.renderRounds('invited') : nothing}
      ${
        this.failed
          ? html`<p class="empty" role="alert">
              ${msg('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.')}
            </p>`
          : this.cards === null
            ? html`<p class="empty">${msg('Đang tải…')}</p>`
            : this.cards.length === 0
              ? html`<p class="empty">${msg('Chưa có dự thảo nào bạn được xem.')}</p>`
              : STATUSES.map((status) => this.renderGroup(status))
      }
      ${oversees ? this.renderRounds('overview') : nothing}
      <vk-create-draft-dialog
        .org=${this.session.user.org}
        @vk-draft-created=${this.onCreated}
      ></vk-create-draft-dialog>`;
  }

  /** Commenters' invitations first, the committee's and admins' overview after the drafts. */
  private renderRounds(view: 'invited' | 'overview') {
    if (this.roundsFailed)
      return html`<p class="empty" role="alert">${msg('Không tải được các đợt lấy ý kiến.')}</p>`;
    if (this.rounds === null) return nothing;
    return view === 'invited'
      ? html`<vk-invited-rounds .rounds=${this.rounds}></vk-invited-rounds>`
      : html`<vk-rounds-overview
          .rounds=${this.rounds}
          ?by-unit=${this.session.user.org.kind === 'bloc'}
        ></vk-rounds-overview>`;
  }

  private renderGroup(status: (typeof STATUSES)[number]) {
    const cards = (this.cards ?? []).filter((c) => c.draft.status === status);
    if (cards.length === 0) return nothing;
    return html`<h2>${statusLabel(status)}</h2>
      <ul>
        ${cards.map(
          ({ draft, progress, version }) =>
            html`<li>
              <a class="card" href="/drafts/${draft.id}">
                <span class="title">${draft.title}</span>
                <span class="meta"
                  >${version > 0 ? msg(str`Dự thảo lần ${version}`) : msg('Chưa chốt lần dự thảo nào')} ·
                  ${accessLabel(draft.access)}</span
                >
                ${
                  draft.lastEdit
                    ? html`<span class="meta"
                        >${msg(
                          str`Sửa lần cuối: ${draft.lastEdit.name ?? '—'}, ${new Date(
                            draft.lastEdit.at,
                          ).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' })}`,
                        )}</span
                      >`
                    : nothing
                }
                ${this.renderMine(this.mine.get(draft.id))}
                ${
                  progress.sections > 0
                    ? html`<vk-progress-bar
                        .written=${progress.written}
                        .writing=${progress.writing}
                        .total=${progress.sections}
                        .flagged=${progress.flagged}
                      ></vk-progress-bar>`
                    : nothing
                }
              </a>
              ${
                // The committee opens rounds there; overseers follow them (commenters have no dashboard).
                draft.access === 'comment'
                  ? nothing
                  : html`<a class="rounds" href="/drafts/${draft.id}/rounds"
                      >${msg('Các đợt lấy ý kiến')} →</a
                    >`
              }
            </li>`,
        )}
      </ul>`;
  }

  /** "Mục bạn viết": the user's sections of a draft and how many are late. */
  private renderMine(mine: MyDraftSections | undefined) {
    if (mine === undefined || mine.sections.length === 0) return nothing;
    const names = mine.sections.map((s) => `${s.label} ${s.title}`.trim()).join('; ');
    return html`<span class="mine"
      >${msg(str`Mục bạn viết: ${mine.sections.length}`)}${
        mine.late > 0 ? html` · <strong class="late">${msg(str`${mine.late} trễ hạn`)}</strong>` : nothing
      } <span class="mine-sections">${names}</span></span
    >`;
  }

  private async load() {
    const { drafts } = await listDrafts();
    this.cards = await Promise.all(
      drafts.map(async (draft) => {
        const [progress, versions] = await Promise.all([loadProgress(draft.id), listVersions(draft.id)]);
        return {
          draft,
          progress: { ...progress.totals, sections: progress.sections.length },
          version: versions.versions.at(-1)?.number ?? 0,
        };
      }),
    );
  }

  private onCreated(event: DraftCreatedEvent) {
    navigate(`/drafts/${event.draft.id}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-home-page': VkHomePage;
  }
}
