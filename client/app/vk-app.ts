import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import { currentLanguage, setLanguage, type Language } from '../i18n/locale.ts';
import '../notifications/vk-notifications.ts';
import '../admin/vk-admin-page.ts';
import '../drafts/vk-draft-page.ts';
import '../drafts/vk-home-page.ts';
import './vk-not-found-page.ts';
import '../rounds/vk-rounds-page.ts';
import '../revision-log/vk-revision-log-page.ts';
import '../comments/vk-answers-page.ts';
import './vk-sign-in-page.ts';
import { SignedInEvent } from './vk-sign-in-page.ts';
import { roleLabel } from './labels.ts';
import { navigate, parseRoute, RouteChangedEvent, type Route } from './router.ts';
import { loadSession, mainRole, signOut } from './session.ts';

/** The shell: who is signed in, the language switch, and the page for the current route. */
@customElement('vk-app')
@localized()
export class VkApp extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    header {
      position: relative;
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 8px 20px;
      background: var(--vk-accent);
      color: var(--vk-accent-text);
    }
    .account {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    button.menu {
      display: none;
    }
    header a.brand {
      color: inherit;
      font-weight: 700;
      text-decoration: none;
      letter-spacing: 0.02em;
    }
    .spacer {
      flex: 1;
    }
    a.nav {
      color: inherit;
      white-space: nowrap;
    }
    .who {
      text-align: right;
      line-height: 1.25;
    }
    .who small {
      opacity: 0.85;
    }
    select,
    button {
      white-space: nowrap;
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid rgb(255 255 255 / 60%);
      border-radius: var(--vk-radius);
      padding: 4px 10px;
      cursor: pointer;
    }
    select option {
      color: var(--vk-text);
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
    }
    .loading {
      margin: auto;
      color: var(--vk-muted);
    }
    /* Below the width the whole bar needs (the admin's, at 768 px, was 48 px too wide) the
       account's items fold into a menu under one button, so signing out stays one tap away. */
    @media (max-width: 959px) {
      header {
        gap: 10px;
        padding: 8px 12px;
      }
      .tagline {
        display: none;
      }
      button.menu {
        display: inline-block;
      }
      .account.collapsible {
        display: none;
        position: absolute;
        z-index: 40;
        top: 100%;
        right: 8px;
        flex-direction: column;
        align-items: stretch;
        gap: 10px;
        min-width: min(280px, calc(100vw - 16px));
        max-width: calc(100vw - 16px);
        padding: 12px;
        background: var(--vk-accent);
        border-radius: 0 0 var(--vk-radius) var(--vk-radius);
        box-shadow: 0 8px 24px rgb(0 0 0 / 25%);
      }
      .account.collapsible.open {
        display: flex;
      }
      .who {
        text-align: left;
      }
    }
    /* Printed pages (the revision log's table) carry the document, not the app's bar. */
    @media print {
      header {
        display: none;
      }
    }
  `;

  @state() private route: Route = parseRoute(location.pathname);
  /** undefined while loading; null when nobody is signed in. */
  @state() private session: SessionInfo | null | undefined = undefined;
  @state() private loadError = false;
  /** The account menu is open (narrow windows only: wide ones show its items in the bar). */
  @state() private menuOpen = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(RouteChangedEvent.type, this.onRoute);
    loadSession().then(
      (session) => (this.session = session),
      () => (this.loadError = true),
    );
  }

  override disconnectedCallback(): void {
    window.removeEventListener(RouteChangedEvent.type, this.onRoute);
    super.disconnectedCallback();
  }

  override render() {
    // Pages with a title of their own (a draft, its rounds) set it after this.
    if (this.route.name !== 'draft' && this.route.name !== 'rounds' && this.route.name !== 'revision-log')
      document.title = `vankien — ${msg('Soạn thảo văn kiện đại hội')}`;
    return html`${this.renderHeader()}
      <main>${this.renderPage()}</main>`;
  }

  private renderHeader() {
    const session = this.session;
    const role = session ? mainRole(session) : null;
    return html`<header @keydown=${this.onHeaderKey}>
      <a class="brand" href="/">vankien</a>
      <span class="tagline">${msg('Soạn thảo văn kiện đại hội')}</span>
      <span class="spacer"></span>
      ${session ? html`<vk-notifications></vk-notifications>` : ''}
      ${
        session
          ? html`<button
              type="button"
              class="menu"
              aria-expanded=${String(this.menuOpen)}
              aria-controls="account"
              @click=${() => (this.menuOpen = !this.menuOpen)}
            >
              <span aria-hidden="true">☰</span> ${msg('Tài khoản')}
            </button>`
          : ''
      }
      <div
        id="account"
        class="account ${session ? 'collapsible' : ''} ${this.menuOpen ? 'open' : ''}"
        @click=${this.onMenuClick}
      >
        ${
          session?.roles.some((r) => r.role === 'admin')
            ? html`<a class="nav" href="/admin">${msg('Quản trị')}</a>`
            : ''
        }
        ${
          session
            ? html`<div class="who">
                <div>${session.user.displayName}</div>
                <small>${session.user.org.name}${role ? html` · ${roleLabel(role)}` : ''}</small>
              </div>`
            : ''
        }
        <select aria-label=${msg('Ngôn ngữ')} @change=${this.onLanguage} .value=${currentLanguage()}>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
        ${session ? html`<button @click=${this.onSignOut}>${msg('Đăng xuất')}</button>` : ''}
      </div>
    </header>`;
  }

  private renderPage() {
    if (this.loadError)
      return html`<p class="loading" role="alert">${msg('Không kết nối được máy chủ.')}</p>`;
    if (this.session === undefined) return html`<p class="loading">${msg('Đang tải…')}</p>`;
    if (this.session === null)
      return html`<vk-sign-in-page @vk-signed-in=${this.onSignedIn}></vk-sign-in-page>`;
    switch (this.route.name) {
      case 'home':
      case 'sign-in':
        return html`<vk-home-page .session=${this.session}></vk-home-page>`;
      case 'draft':
        return html`<vk-draft-page
          .session=${this.session}
          .draftId=${this.route.draftId}
          .panel=${this.route.panel ?? null}
        ></vk-draft-page>`;
      case 'rounds':
        return html`<vk-rounds-page
          .session=${this.session}
          .draftId=${this.route.draftId}
          .roundId=${this.route.roundId ?? null}
        ></vk-rounds-page>`;
      case 'revision-log':
        return html`<vk-revision-log-page
          .session=${this.session}
          .draftId=${this.route.draftId}
          .roundId=${this.route.roundId}
        ></vk-revision-log-page>`;
      case 'answers':
        return html`<vk-answers-page
          .session=${this.session}
          .draftId=${this.route.draftId}
        ></vk-answers-page>`;
      case 'admin':
        return html`<vk-admin-page .session=${this.session}></vk-admin-page>`;
      case 'not-found':
        return html`<vk-not-found-page></vk-not-found-page>`;
    }
  }

  private readonly onRoute = (event: Event) => {
    this.route = (event as RouteChangedEvent).route;
    this.menuOpen = false;
  };

  /** A link followed from the menu closes it (the language switch keeps it open to see the change). */
  private onMenuClick(event: Event) {
    if (event.composedPath().some((el) => el instanceof HTMLAnchorElement)) this.menuOpen = false;
  }

  private onHeaderKey(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.menuOpen) {
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLButtonElement>('button.menu')?.focus();
    }
  }

  private onSignedIn(event: SignedInEvent) {
    this.session = event.session;
    if (this.route.name === 'sign-in') navigate('/', { replace: true });
  }

  private async onSignOut() {
    this.menuOpen = false;
    await signOut().catch(() => undefined);
    this.session = null;
    navigate('/sign-in', { replace: true });
  }

  private async onLanguage(event: Event) {
    await setLanguage((event.target as HTMLSelectElement).value as Language);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-app': VkApp;
  }
}
