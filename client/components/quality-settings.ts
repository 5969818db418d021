import { css, html } from 'lit';
import { PagePart } from './page-part.js';
import { QUALITIES, QUALITY_LABELS, type Quality, type QualityChoice } from '#common/renditions';
import type { QualitySettings as Qualities } from '#browser/state/app-state';
import { loadQualitySettings, qualitySettings, saveQualitySettings } from '../state/quality-settings.js';
import { StoreController } from '../state/store.js';
import { sharedStyles } from './shared-styles.js';

/** What each quality means, beside the choices: the person picks by what it costs, not by a bitrate. */
const MEANING: Record<Quality, string> = {
  low: 'Data saver: the smallest files, for a full phone or a small data plan.',
  normal: 'Normal: good sound and picture at a moderate size.',
  high: 'High: the best sound and picture a release offers, and the largest files.',
};

const CHOICES: readonly QualityChoice[] = [...QUALITIES, 'ask'];
const choiceLabel = (choice: QualityChoice) => (choice === 'ask' ? 'Ask each time' : QUALITY_LABELS[choice]);

/**
 * Settings › Quality: the default download quality for music and for films (or "Ask each time"),
 * and the streaming quality for what is not downloaded. Releases offered in one quality only
 * ignore it. Each change is saved at once and said beside the controls.
 */
export class QualitySettings extends PagePart {
  static override properties = { saved: { state: true } };
  static override styles = [
    sharedStyles,
    css`
      /* One column of words, one of choices: the three line up at every width (the words wrap, not the choice). */
      label {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 10em;
        align-items: center;
        gap: 0.5em 1em;
        min-height: 44px;
        margin-bottom: 0.25em;
      }
      select {
        min-height: 44px;
      }
      ul {
        padding-left: 1.2em;
      }
    `,
  ];

  declare saved: string;

  constructor() {
    super();
    this.saved = '';
    new StoreController(this, [qualitySettings]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadQualitySettings();
  }

  override render() {
    const settings = qualitySettings.value;
    const select = (key: keyof Qualities, label: string, choices: readonly QualityChoice[]) =>
      html`<label
        >${label}
        <select @change=${(e: Event) => this.#change(key, label, (e.target as HTMLSelectElement).value as QualityChoice)}>
          ${choices.map((c) => html`<option value=${c} ?selected=${settings[key] === c}>${choiceLabel(c)}</option>`)}
        </select></label
      >`;
    return html`<section class="card panel" aria-labelledby="quality-title">
      <h2 id="quality-title">Quality</h2>
      ${select('music', 'Music downloads', CHOICES)} ${select('film', 'Film downloads', CHOICES)}
      ${select('streaming', 'Streaming', QUALITIES)}
      <p class="answer" role="status">${this.saved}</p>
      <ul class="muted">
        ${QUALITIES.map((q) => html`<li>${MEANING[q]}</li>`)}
      </ul>
      <p class="muted">
        Streaming is what plays without a download. The size of each quality is shown on a release before it downloads; to change
        the quality of a download, open its release.
      </p>
    </section>`;
  }

  async #change(key: keyof Qualities, label: string, value: QualityChoice): Promise<void> {
    await saveQualitySettings({ [key]: value });
    this.saved = `${label}: ${choiceLabel(value)}, saved.`;
  }
}
customElements.define('quality-settings', QualitySettings);

declare global {
  interface HTMLElementTagNameMap {
    'quality-settings': QualitySettings;
  }
}
