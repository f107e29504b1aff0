import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { layoutStyles } from './layout-styles.ts';

/** One tab of the side panel; its content goes in the slot `tab-<id>`. */
export interface LayoutTab {
  id: string;
  label: string;
}

/** Fired when the side panel switches tab or closes (null). */
export class AsideTabChangedEvent extends Event {
  static readonly type = 'vk-aside-tab-changed';

  constructor(readonly tab: string | null) {
    super(AsideTabChangedEvent.type, { bubbles: true, composed: true });
  }
}

/** Whether the window is wide enough for a sidebar to sit beside the text (else it is a drawer). */
class WidthController implements ReactiveController {
  private readonly outlineQuery = matchMedia('(min-width: 900px)');
  private readonly asideQuery = matchMedia('(min-width: 1200px)');

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  /** The outline is a column (not a drawer). */
  get outlineDocked(): boolean {
    return this.outlineQuery.matches;
  }

  /** The side panel is a column (not a drawer). */
  get asideDocked(): boolean {
    return this.asideQuery.matches;
  }

  hostConnected(): void {
    this.outlineQuery.addEventListener('change', this.changed);
    this.asideQuery.addEventListener('change', this.changed);
  }

  hostDisconnected(): void {
    this.outlineQuery.removeEventListener('change', this.changed);
    this.asideQuery.removeEventListener('change', this.changed);
  }

  private readonly changed = () => {
    this.onChange();
    this.host.requestUpdate();
  };
}

/**
 * The draft page's frame: a sticky bar, the outline on the left, the text in the middle and a
 * tabbed side panel on the right. Wide windows dock both sidebars as columns; narrower ones
 * turn them into drawers over the text (Escape or the backdrop closes them), so the text
 * keeps its width at 768 px. The toggles are real buttons with `aria-expanded`.
 */
@customElement('vk-editor-layout')
@localized()
export class VkEditorLayout extends LitElement {
  static override styles = layoutStyles;

  /** The side panel's tabs. */
  @property({ attribute: false }) tabs: LayoutTab[] = [];
  /** The tab to show first (e.g. the one the URL names); it opens even where it is a drawer. */
  @property() preferredTab: string | null = null;
  private preferredShown = false;

  @state() private outlineOpen = true;
  @state() private tab: string | null = null;
  /**
   * The tab last open. A width change closes a docked panel into a drawer; when the window
   * widens again the panel docks on this tab, not on the first one (it fell back to the
   * first tab whenever the window crossed the breakpoint, e.g. a tablet turned).
   */
  private lastTab: string | null = null;
  private readonly width = new WidthController(this, () => this.resetForWidth());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resetForWidth();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.onKeyDown);
    super.disconnectedCallback();
  }

  /** Closes whichever sidebar is a drawer (after picking a section on a narrow screen). */
  closeDrawers(): void {
    if (!this.width.outlineDocked) this.outlineOpen = false;
    if (!this.width.asideDocked) this.setTab(null);
  }

  override render() {
    const outlineDrawer = !this.width.outlineDocked;
    const asideDrawer = !this.width.asideDocked;
    const showOutline = this.outlineOpen;
    const showAside = this.tab !== null;
    const columns = [
      showOutline && !outlineDrawer ? 'var(--outline-width)' : '',
      'minmax(0, 1fr)',
      showAside && !asideDrawer ? 'var(--aside-width)' : '',
    ].join(' ');
    const backdrop = (showOutline && outlineDrawer) || (showAside && asideDrawer);
    return html`<div class="bar">
        <button
          type="button"
          class="toggle"
          aria-expanded=${String(showOutline)}
          aria-controls="outline"
          @click=${() => (this.outlineOpen = !this.outlineOpen)}
        >
          <span aria-hidden="true">☰</span> <span class="text">${msg('Dàn ý')}</span>
        </button>
        <div class="header"><slot name="header"></slot></div>
        <div class="tabs" role="group" aria-label=${msg('Bảng bên')}>
          ${this.tabs.map(
            (t) =>
              html`<button
                type="button"
                class="toggle"
                aria-pressed=${String(this.tab === t.id)}
                aria-controls="aside"
                @click=${() => this.setTab(this.tab === t.id ? null : t.id)}
              >
                ${t.label}
              </button>`,
          )}
        </div>
      </div>
      <div class="body" style="grid-template-columns:${columns}">
        <aside
          id="outline"
          class="side left ${outlineDrawer ? 'drawer' : ''}"
          ?hidden=${!showOutline}
          aria-label=${msg('Dàn ý')}
        >
          ${outlineDrawer ? this.closeButton(() => (this.outlineOpen = false)) : nothing}
          <slot name="outline"></slot>
        </aside>
        <div class="main"><slot></slot></div>
        <aside
          id="aside"
          class="side right ${asideDrawer ? 'drawer' : ''}"
          ?hidden=${!showAside}
          aria-label=${this.tabs.find((t) => t.id === this.tab)?.label ?? ''}
        >
          ${asideDrawer ? this.closeButton(() => this.setTab(null)) : nothing}
          ${this.tab === null ? nothing : html`<slot name="tab-${this.tab}"></slot>`}
        </aside>
        ${backdrop ? html`<div class="backdrop" @click=${this.closeDrawers}></div>` : nothing}
      </div>`;
  }

  /** Opens a tab of the side panel (as a drawer where it does not fit beside the text). */
  showTab(tab: string): void {
    if (this.tab !== tab) this.setTab(tab);
  }

  private closeButton(close: () => void) {
    return html`<button type="button" class="close" aria-label=${msg('Đóng')} @click=${close}>×</button>`;
  }

  private setTab(tab: string | null): void {
    if (tab !== null) this.lastTab = tab;
    this.tab = tab;
    this.dispatchEvent(new AsideTabChangedEvent(tab));
  }

  /** Docked where there is room, closed (drawers) where there is not. */
  private resetForWidth(): void {
    this.outlineOpen = this.width.outlineDocked;
    if (this.tabs.length === 0) return;
    // The preferred tab counts once, when the layout first appears; later width changes dock or close.
    const preferred =
      this.tabs.some((t) => t.id === this.preferredTab) && !this.preferredShown ? this.preferredTab : null;
    this.preferredShown = true;
    if (preferred !== null) this.setTab(preferred);
    else if (!this.width.asideDocked) this.setTab(null);
    else {
      const known = (id: string | null) => this.tabs.some((t) => t.id === id);
      this.setTab([this.tab, this.lastTab].find(known) ?? this.tabs[0]!.id);
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    // A dialog (a version being read) handles its own Escape.
    if (event.key !== 'Escape' || event.composedPath().some((el) => el instanceof HTMLDialogElement)) return;
    const drawerOpen =
      (this.outlineOpen && !this.width.outlineDocked) || (this.tab !== null && !this.width.asideDocked);
    if (drawerOpen) {
      event.stopPropagation();
      this.closeDrawers();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-editor-layout': VkEditorLayout;
  }
  interface HTMLElementEventMap {
    'vk-aside-tab-changed': AsideTabChangedEvent;
  }
}
