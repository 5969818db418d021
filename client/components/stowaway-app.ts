import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { AppElement } from './app-element.js';
import { PAGES } from '#common/routes';
import { pageName, pageTitle } from '../page-title.js';
import { route, type Route } from '../router.js';
import { releaseById, releaseCache } from '../state/release-cache.js';
import { StoreController } from '../state/store.js';
import { icon, type IconName } from './icons.js';
import './catalog-view.js';
import './mini-player.js';
import './offline-banner.js';
import './offline-ready-notice.js';
import { isLazyPage, loadPage, preloadPagesWhenIdle, type LazyPageTag } from './page-modules.js';
import './release-view.js';
import { sharedStyles } from './shared-styles.js';
import './toast-notice.js';
import './update-prompt.js';

/** The app shell: header and navigation (a top bar, a bottom tab bar on phones), banners, the current page and the mini-player. */
export class StowawayApp extends AppElement {
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
        gap: 0.4em;
        min-height: 44px;
        padding: 0 0.9em;
        border-radius: 999px;
        color: #fff;
        text-decoration: none;
      }
      nav .icon {
        width: 20px;
        height: 20px;
      }
      nav a[aria-current='page'] {
        background: rgb(255 255 255 / 16%);
        font-weight: 700;
      }
      nav a:focus-visible {
        outline-color: #f2a541;
      }
      /* Wide screens: the navigation stays in reach at the top while the page scrolls. */
      @media (min-width: 601px) {
        header {
          position: sticky;
          top: 0;
          z-index: 15;
        }
      }
      /*
       * Phones: a tab bar at the bottom, in thumb reach, that never scrolls away. It is fixed, so
       * the shell keeps its height free below the page and the mini-player stops above it.
       */
      @media (max-width: 600px) {
        :host {
          --tab-bar-height: calc(56px + env(safe-area-inset-bottom));
          padding-bottom: var(--tab-bar-height);
        }
        nav {
          position: fixed;
          left: 0;
          right: 0;
          bottom: 0;
          z-index: 15;
          padding: 0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
          background: #14213d;
          box-shadow: 0 -1px 0 rgb(255 255 255 / 12%);
        }
        nav ul {
          display: grid;
          grid-template-columns: repeat(3, 1fr);
          gap: 0;
        }
        nav a {
          display: flex;
          flex-direction: column;
          justify-content: center;
          gap: 2px;
          min-height: 56px;
          padding: 0 0.25em;
          border-radius: 0;
          font-size: 0.8em;
          color: rgb(255 255 255 / 80%);
        }
        nav .icon {
          width: 24px;
          height: 24px;
        }
        nav a[aria-current='page'] {
          background: none;
          color: #f2a541;
          box-shadow: inset 0 3px 0 #f2a541;
        }
        nav a:focus-visible {
          outline-offset: -3px;
        }
        mini-player {
          bottom: var(--tab-bar-height);
          --below-inset: 0px;
        }
      }
      /* Notices float above the tab bar (phones) and, when it shows, the mini-player: they come
         after it in the shell, for the ~ selector. */
      toast-notice,
      offline-ready-notice {
        bottom: calc(1em + var(--tab-bar-height, env(safe-area-inset-bottom)));
      }
      mini-player[showing] ~ toast-notice,
      mini-player[showing] ~ offline-ready-notice {
        bottom: calc(7.5em + var(--tab-bar-height, env(safe-area-inset-bottom)));
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
    const link = (href: string, label: string, glyph: IconName, active: boolean) =>
      html`<li>
        <a href=${href} aria-current=${active ? 'page' : 'false'}>${icon(glyph)}<span>${label}</span></a>
      </li>`;
    return html`<a class="skip" href="#content" @click=${this.#skipToContent}>Skip to content</a>
      <header>
        <a class="brand" href=${PAGES.catalog} aria-label="Stowaway home">Stow<span>away</span></a>
        <nav aria-label="Main">
          <ul>
            ${link(PAGES.catalog, 'Library', 'library', ['catalog', 'release', 'artist'].includes(current.name))}
            ${link(PAGES.downloads, 'Downloads', 'download', current.name === 'downloads')}
            ${link(PAGES.settings, 'Settings', 'settings', current.name === 'settings')}
          </ul>
        </nav>
      </header>
      <update-prompt></update-prompt>
      <offline-banner></offline-banner>
      <main tabindex="-1">${this.#page(current)}</main>
      <mini-player></mini-player>
      <offline-ready-notice></offline-ready-notice>
      <toast-notice></toast-notice>`;
  }

  #page(current: Route) {
    switch (current.name) {
      case 'catalog':
        return html`<catalog-view></catalog-view>`;
      case 'downloads':
        return this.#lazy('downloads-view', html`<downloads-view></downloads-view>`);
      case 'settings':
        return this.#lazy('settings-view', html`<settings-view></settings-view>`);
      case 'now-playing':
        return this.#lazy('now-playing-view', html`<now-playing-view></now-playing-view>`);
      case 'release':
        return html`<release-view .releaseId=${current.id}></release-view>`;
      case 'artist':
        return this.#lazy('artist-view', html`<artist-view .artistId=${current.id}></artist-view>`);
      case 'not-found':
        return html`<h1 tabindex="-1">Page not found</h1>
          <p>Nothing lives at ${current.path}. <a href=${PAGES.catalog}>Go to the library</a></p>`;
    }
  }

  /** The page whose module failed to load (offline on a first visit, before the SW had the app). */
  #unloadedPage: LazyPageTag | undefined;

  /** A page from page-modules.ts: its element, which upgrades once its module is in; or why it is not. */
  #lazy(tag: LazyPageTag, page: TemplateResult) {
    if (this.#unloadedPage === tag) {
      return html`<h1 tabindex="-1">${pageName(route.value)} did not open</h1>
        <p>Its part of the app could not be fetched: check the connection, then try again.</p>
        <button type="button" @click=${() => this.#retry(tag)}>Try again</button>`;
    }
    loadPage(tag).catch(() => {
      if (route.value !== this.#shownRoute) return;
      this.#unloadedPage = tag;
      this.requestUpdate();
    });
    return page;
  }

  #retry(tag: LazyPageTag): void {
    this.#unloadedPage = undefined;
    this.requestUpdate();
    void loadPage(tag).then(
      () => this.#focusPage(),
      () => undefined,
    );
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    preloadPagesWhenIdle();
  }

  #shownRoute: Route | undefined;

  /** A release page's name: its title once loaded, and what its heading says when there is none. */
  #releaseName(id: string): string | undefined {
    return releaseCache.value.get(id)?.status === 'missing' ? 'Not in the catalog' : releaseById(id)?.title;
  }

  /** After a navigation (not the first page), focus the new page's heading so screen readers announce it. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const current = route.value;
    document.title = pageTitle(current, current.name === 'release' ? this.#releaseName(current.id) : undefined);
    const previous = this.#shownRoute;
    this.#shownRoute = current;
    if (!previous || previous === current) return;
    this.#unloadedPage = undefined;
    requestAnimationFrame(() => void this.#focusPage());
  }

  /**
   * The skip link's own move: its target (`#content`, this element) is what checkers and the
   * browser can see from the document, but the focus belongs on the page inside this shadow root;
   * the router would also take the same-page link for itself.
   */
  #skipToContent(event: Event): void {
    event.preventDefault();
    void this.#focusPage();
  }

  /** Focus the page's heading, or the main region when the page has none yet. */
  async #focusPage(): Promise<void> {
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    const page = main?.firstElementChild;
    // A page shown for the first time renders a task later (AppElement): its heading comes then.
    const shown = route.value;
    if (page && isLazyPage(page.localName)) await loadPage(page.localName).catch(() => undefined);
    await (page as Partial<AppElement> | null | undefined)?.updateComplete;
    if (route.value !== shown) return;
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
