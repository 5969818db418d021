import { css, html, nothing } from 'lit';
import { PagePart } from './page-part.js';
import { libraryPrefs, setFollow } from '../state/library-prefs.js';
import { StoreController } from '../state/store.js';
import { icon } from './icons.js';
import { sharedStyles } from './shared-styles.js';

/** Follow an artist, and choose whether their new releases download by themselves. */
export class FollowArtist extends PagePart {
  static override properties = { artist: {} };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 0.5em 0;
      }
      /* Following is a state, and looks it: filled, with a check, where Follow is an outline. */
      button[aria-pressed='true'] {
        background: var(--text);
        border-color: var(--text);
        color: var(--bg);
        font-weight: 600;
      }
    `,
  ];

  declare artist: string;

  constructor() {
    super();
    new StoreController(this, [libraryPrefs]);
  }

  override render() {
    const preference = libraryPrefs.value.follows[this.artist];
    if (!preference) {
      return html`<button
        aria-pressed="false"
        @click=${() => setFollow(this.artist, { autoDownload: false, unmeteredOnly: true })}
      >
        Follow ${this.artist}
      </button>`;
    }
    const change = (patch: Partial<typeof preference>) => setFollow(this.artist, { ...preference, ...patch });
    return html`<button aria-pressed="true" @click=${() => setFollow(this.artist, undefined)}>
        ${icon('check', 18)} Following ${this.artist}
      </button>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${preference.autoDownload}
          @change=${(e: Event) => change({ autoDownload: (e.target as HTMLInputElement).checked })}
        />Download new releases automatically</label
      >
      ${
        preference.autoDownload
          ? html`<label class="check"
              ><input
                type="checkbox"
                .checked=${preference.unmeteredOnly}
                @change=${(e: Event) => change({ unmeteredOnly: (e.target as HTMLInputElement).checked })}
              />Only on Wi-Fi or other unmetered connections</label
            >`
          : nothing
      }`;
  }
}
customElements.define('follow-artist', FollowArtist);

declare global {
  interface HTMLElementTagNameMap {
    'follow-artist': FollowArtist;
  }
}
