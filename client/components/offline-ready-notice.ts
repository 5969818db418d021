import { css, html, nothing } from 'lit';
import { AppElement } from './app-element.js';
import { offlineReady } from '../sw-bridge.js';
import { StoreController } from '../state/store.js';
import { floatingNoticeStyles } from './floating-notice-styles.js';
import { sharedStyles } from './shared-styles.js';

/** How long the notice stays: long enough to read twice, then out of the way (a snackbar's 4–10 s). */
const SHOWN_MS = 10_000;

/**
 * On a first visit, says when the app has everything it needs to open with no network, so a
 * person about to lose it (a flight, the underground) knows it is safe.
 */
export class OfflineReadyNotice extends AppElement {
  static override properties = { dismissed: { state: true } };
  static override styles = [
    sharedStyles,
    floatingNoticeStyles,
    css`
      /* Floating: in the page's flow it pushed the whole page down a second after load (Lighthouse:
         layout shift 0.13). A tap on it, but on OK, reaches what is under it: on a small phone it
         lies over a release's Download for the seconds it shows. */
      :host {
        width: min(30em, calc(100% - 2em));
        pointer-events: none;
      }
      /*
       * A snackbar: the sentence and OK on one row, as low and short as it can be, so on a phone it
       * covers the bottom edge of the first screen and not the middle of a card someone may tap.
       */
      p {
        display: flex;
        align-items: center;
        gap: 0.75em;
        margin: 0;
        padding: 0.35em 0.4em 0.35em 1em;
        font-size: 0.9em;
        line-height: 1.35;
        background: var(--surface-2);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
      }
      button {
        flex: none;
        pointer-events: auto;
      }
    `,
  ];

  declare dismissed: boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new StoreController(this, [offlineReady]);
    this.dismissed = false;
  }

  override render() {
    const show = offlineReady.value && !this.dismissed;
    if (show && !this.#timer) this.#timer = setTimeout(() => (this.dismissed = true), SHOWN_MS);
    return html`<div role="status" aria-live="polite">
      ${
        show
          ? html`<p>
              <span>Ready to work offline: the library and your downloads open with no network.</span>
              <button @click=${() => (this.dismissed = true)}>OK</button>
            </p>`
          : nothing
      }
    </div>`;
  }
}
customElements.define('offline-ready-notice', OfflineReadyNotice);

declare global {
  interface HTMLElementTagNameMap {
    'offline-ready-notice': OfflineReadyNotice;
  }
}
