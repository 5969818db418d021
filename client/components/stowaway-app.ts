import { LitElement, css, html, type PropertyValues } from 'lit';
import { PAGES } from '#common/routes';
import { pageTitle } from '../page-title.js';
import { route, type Route } from '../router.js';
import { releaseById, releaseCache } from '../state/release-cache.js';
import { StoreController } from '../state/store.js';
import './artist-view.js';
import './catalog-view.js';
import './downloads-view.js';
import './mini-player.js';
import './offline-banner.js';
import './offline-ready-notice.js';
import './release-view.js';
import './settings-view.js';
import { sharedStyles } from './shared-styles.js';
import './toast-notice.js';
import './update-prompt.js';

/** The app shell: header and navigation, banners, the current page and the mini-player. */
export class StowawayApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5em 1em;
        padding: 0.5em 1em;
        background: #14213d;
        color: #fff;
      }
      .brand {
        font-weight: 800;
        font-size: 1.25em;
        text-decoration: none;
        color: #fff;
        letter-spacing: 0.02em;
      }
      .brand span {
        color: #f2a541;
      }
      nav ul {
        display: flex;
        gap: 0.25em;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.9em;
        border-radius: 999px;
        color: #fff;
        text-decoration: none;
      }
      /* At 320 px the three links were 26 px wider than the screen, and the page with them. */
      @media (max-width: 24em) {
        nav ul {
          flex-wrap: wrap;
        }
        nav a {
          padding: 0 0.6em;
        }
      }
      nav a[aria-current='page'] {
        background: rgb(255 255 255 / 16%);
        font-weight: 700;
      }
      nav a:focus-visible {
        outline-color: #f2a541;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
        padding: 1.25em 1em 2em;
      }
      /* Focused only as the skip link's target, never reached by Tab: no ring around the whole page. */
      main:focus {
        outline: none;
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 1em;
        top: 0.5em;
        z-index: 20;
        background: var(--surface);
        padding: 0.5em 1em;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, [route, releaseCache]);
  }

  override render() {
    const current = route.value;
    const link = (href: string, label: string, active: boolean) =>
      html`<li><a href=${href} aria-current=${active ? 'page' : 'false'}>${label}</a></li>`;
    return html`<a class="skip" href="#main" @click=${this.#skipToContent}>Skip to content</a>
      <header>
        <a class="brand" href=${PAGES.catalog} aria-label="Stowaway home">Stow<span>away</span></a>
        <nav aria-label="Main">
          <ul>
            ${link(PAGES.catalog, 'Library', current.name === 'catalog' || current.name === 'release' || current.name === 'artist')}
            ${link(PAGES.downloads, 'Downloads', current.name === 'downloads')}
            ${link(PAGES.settings, 'Settings', current.name === 'settings')}
          </ul>
        </nav>
      </header>
      <update-prompt></update-prompt>
      <offline-banner></offline-banner>
      <offline-ready-notice></offline-ready-notice>
      <main id="main" tabindex="-1">${this.#page(current)}</main>
      <toast-notice></toast-notice>
      <mini-player></mini-player>`;
  }

  #page(current: Route) {
    switch (current.name) {
      case 'catalog':
        return html`<catalog-view></catalog-view>`;
      case 'downloads':
        return html`<downloads-view></downloads-view>`;
      case 'settings':
        return html`<settings-view></settings-view>`;
      case 'now-playing':
        // Loaded when first opened (the queue view is not needed to start the app); precached for offline.
        void import('./now-playing-view.js');
        return html`<now-playing-view></now-playing-view>`;
      case 'release':
        return html`<release-view .releaseId=${current.id}></release-view>`;
      case 'artist':
        return html`<artist-view .artistId=${current.id}></artist-view>`;
      case 'not-found':
        return html`<h1 tabindex="-1">Page not found</h1>
          <p>Nothing lives at ${current.path}. <a href=${PAGES.catalog}>Go to the library</a></p>`;
    }
  }

  #shownRoute: Route | undefined;

  /** After a navigation (not the first page), focus the new page's heading so screen readers announce it. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const current = route.value;
    document.title = pageTitle(current, current.name === 'release' ? releaseById(current.id)?.title : undefined);
    const previous = this.#shownRoute;
    this.#shownRoute = current;
    if (!previous || previous === current) return;
    requestAnimationFrame(() => this.#focusPage());
  }

  /**
   * The skip link's own move: the browser cannot follow `#main` into this shadow root, and the
   * router takes same-page links for itself, so the link focused nothing.
   */
  #skipToContent(event: Event): void {
    event.preventDefault();
    this.#focusPage();
  }

  /** Focus the page's heading, or the main region when the page has none yet. */
  #focusPage(): void {
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    const page = main?.firstElementChild;
    const heading = page?.shadowRoot?.querySelector<HTMLElement>('h1') ?? main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus({ preventScroll: true });
    (heading ?? main)?.scrollIntoView({ block: 'nearest' });
  }
}
customElements.define('stowaway-app', StowawayApp);

declare global {
  interface HTMLElementTagNameMap {
    'stowaway-app': StowawayApp;
  }
}
