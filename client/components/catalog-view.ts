import { LitElement, css, html } from 'lit';
import { catalog } from '../state/catalog-store.js';
import { downloads } from '../state/downloads-store.js';
import { StoreController } from '../state/store.js';
import { playabilityStores, whyReleaseNotPlayable } from '../player/playability.js';
import { markReleaseSeen } from '#browser/state/app-badge';
import './continue-watching.js';
import './release-card.js';
import { sharedStyles } from './shared-styles.js';

type KindFilter = 'all' | 'album' | 'movie';

/** The grid's heading, for screen readers: cards are h3, and "Continue watching" (an h2) is not always there. */
const GRID_HEADINGS: Record<KindFilter, string> = { all: 'All releases', album: 'Albums', movie: 'Movies' };

/** The library: every release, filterable by kind and to what is playable offline. */
export class CatalogView extends LitElement {
  static override properties = { kind: { state: true }, offlineOnly: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        margin-bottom: 1em;
      }
      .filters button[aria-pressed='true'] {
        background: var(--text);
        color: var(--bg);
      }
      label.check {
        display: inline-flex;
        padding: 0 0.25em;
        margin-left: auto;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
        gap: 1em;
      }
    `,
  ];

  declare kind: KindFilter;
  declare offlineOnly: boolean;

  constructor() {
    super();
    new StoreController(this, [catalog, downloads, ...playabilityStores]);
    this.kind = 'all';
    this.offlineOnly = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void markReleaseSeen(); // the library is on screen: every new release has been seen
  }

  override render() {
    const { releases, status, error } = catalog.value;
    const shown = releases.filter(
      (r) => (this.kind === 'all' || r.kind === this.kind) && (!this.offlineOnly || downloads.value.get(r.id)?.state === 'done'),
    );
    const filter = (kind: KindFilter, label: string) =>
      html`<button aria-pressed=${String(this.kind === kind)} @click=${() => (this.kind = kind)}>${label}</button>`;
    return html`<h1 tabindex="-1">Library</h1>
      <continue-watching></continue-watching>
      <div class="filters" role="group" aria-label="Filter the library">
        ${filter('all', 'All')} ${filter('album', 'Albums')} ${filter('movie', 'Movies')}
        <label class="check"
          ><input type="checkbox" .checked=${this.offlineOnly} @change=${this.#toggleOffline} />Downloaded only</label
        >
      </div>
      ${
        status === 'loading'
          ? html`<p class="muted" role="status">Loading the catalog…</p>`
          : status === 'error'
            ? html`<p role="alert">The catalog could not be loaded (${error}). Connect once to fill your library.</p>`
            : shown.length === 0
              ? html`<p class="muted">${this.offlineOnly ? 'Nothing downloaded yet.' : 'Nothing here yet.'}</p>`
              : html`<h2 class="visually-hidden">${GRID_HEADINGS[this.kind]}</h2>
                  <ul>
                    ${shown.map(
                      (r) =>
                        html`<li>
                          <release-card
                            .release=${r}
                            .record=${downloads.value.get(r.id)}
                            ?unavailable=${Boolean(whyReleaseNotPlayable(r))}
                          ></release-card>
                        </li>`,
                    )}
                  </ul>`
      }`;
  }

  #toggleOffline(event: Event): void {
    this.offlineOnly = (event.target as HTMLInputElement).checked;
  }
}
customElements.define('catalog-view', CatalogView);

declare global {
  interface HTMLElementTagNameMap {
    'catalog-view': CatalogView;
  }
}
