import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { InvitableOrgs } from '../../shared/api/rounds.ts';
import { searchKey } from './search-key.ts';
import { plural } from '../app/plural.ts';

/** An organisation a round may invite. */
export type InvitableOrg = InvitableOrgs['orgs'][number];

/** Fired when the user ticks or unticks organisations; carries the whole new selection. */
export class OrgSelectionChangedEvent extends Event {
  static readonly type = 'vk-org-selection-changed';

  constructor(readonly selected: ReadonlySet<number>) {
    super(OrgSelectionChangedEvent.type, { bubbles: true, composed: true });
  }
}

const KINDS = ['branch', 'mass'] as const;

/**
 * Choose the organisations to invite: sub-branches and mass organisations in two groups, each
 * with a one-click "all" toggle, a search over both (without diacritics too) and the count.
 * The selection lives with the parent (properties down, events up).
 */
@customElement('vk-round-org-picker')
@localized()
export class VkRoundOrgPicker extends LitElement {
  static override styles = css`
    * {
      box-sizing: border-box;
    }
    :host {
      display: grid;
      gap: 8px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    input[type='search'] {
      font: inherit;
      padding: 6px 8px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      flex: 1 1 200px;
    }
    .count {
      font-weight: 600;
    }
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 8px;
    }
    fieldset {
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      margin: 0;
      padding: 6px 10px 8px;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      font-size: 0.9rem;
    }
    label {
      display: flex;
      gap: 6px;
      align-items: baseline;
      font-size: 0.9rem;
      padding: 1px 0;
    }
    label.all {
      font-weight: 600;
      border-bottom: 1px solid var(--vk-border);
      padding-bottom: 4px;
      margin-bottom: 4px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 200px;
      overflow: auto;
    }
    .none {
      color: var(--vk-muted);
      font-size: 0.88rem;
      margin: 0;
    }
  `;

  /** The organisations to choose from. */
  @property({ attribute: false }) orgs: InvitableOrg[] = [];
  /** Ids of the organisations chosen. */
  @property({ attribute: false }) selected: ReadonlySet<number> = new Set();

  @state() private query = '';
  private keys = new Map<number, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orgs'))
      this.keys = new Map(this.orgs.map((o) => [o.id, searchKey(`${o.name} ${o.shortName}`)]));
  }

  override render() {
    return html`<div class="head">
        <input
          type="search"
          aria-label=${msg('Tìm tổ chức được mời')}
          placeholder=${msg('Tìm tổ chức…')}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <span class="count" role="status"
          >${plural(
            this.selected.size,
            msg(str`Đã chọn ${this.selected.size} tổ chức`, { id: 'orgs-selected.one' }),
            msg(str`Đã chọn ${this.selected.size} tổ chức`, { id: 'orgs-selected.other' }),
          )}</span
        >
      </div>
      <div class="groups">${KINDS.map((kind) => this.group(kind))}</div>`;
  }

  private group(kind: (typeof KINDS)[number]) {
    const all = this.orgs.filter((o) => o.kind === kind);
    if (all.length === 0) return nothing;
    const chosen = all.filter((o) => this.selected.has(o.id)).length;
    const query = searchKey(this.query);
    const shown = all.filter((o) => query === '' || (this.keys.get(o.id) ?? '').includes(query));
    return html`<fieldset>
      <legend>
        ${kind === 'branch' ? msg(str`Chi bộ trực thuộc (${all.length})`) : msg(str`Đoàn thể (${all.length})`)}
      </legend>
      <label class="all"
        ><input
          type="checkbox"
          .checked=${live(chosen === all.length)}
          .indeterminate=${live(chosen > 0 && chosen < all.length)}
          @change=${(e: Event) => this.toggleAll(all, (e.target as HTMLInputElement).checked)}
        />${kind === 'branch' ? msg('Tất cả chi bộ') : msg('Tất cả đoàn thể')}</label
      >
      <ul>
        ${repeat(
          shown,
          (o) => o.id,
          (o) =>
            html`<li>
              <label
                ><input
                  type="checkbox"
                  .checked=${live(this.selected.has(o.id))}
                  @change=${(e: Event) => this.toggle(o.id, (e.target as HTMLInputElement).checked)}
                />${o.name}</label
              >
            </li>`,
        )}
      </ul>
      ${shown.length === 0 ? html`<p class="none">${msg('Không có tổ chức nào khớp.')}</p>` : nothing}
    </fieldset>`;
  }

  private toggle(id: number, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.dispatchEvent(new OrgSelectionChangedEvent(next));
  }

  private toggleAll(orgs: InvitableOrg[], on: boolean) {
    const next = new Set(this.selected);
    for (const o of orgs)
      if (on) next.add(o.id);
      else next.delete(o.id);
    this.dispatchEvent(new OrgSelectionChangedEvent(next));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-round-org-picker': VkRoundOrgPicker;
  }
  interface HTMLElementEventMap {
    'vk-org-selection-changed': OrgSelectionChangedEvent;
  }
}
