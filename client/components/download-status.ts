import { css, html, nothing } from 'lit';
import { PagePart } from './page-part.js';
import { bytesExpected, type DownloadRecord } from '#common/download-ledger';
import { formatBytes, formatTimeLeft } from '../format.js';
import { downloadSpeed } from '../state/download-speed.js';
import { icon } from './icons.js';
import { sharedStyles } from './shared-styles.js';

/** A release's offline state in words and, while downloading, a progress bar with speed and time left. */
export class DownloadStatus extends PagePart {
  static override properties = { record: { attribute: false } };
  static override styles = [
    sharedStyles,
    css`
      /*
       * The bar's room is kept in every state: appearing under the words when a download started
       * and going when it ended, it moved Play and everything below it by a line each time.
       */
      :host {
        display: block;
        position: relative;
        padding-bottom: 10px;
        font-size: 0.9em;
      }
      /* Top-aligned, the icon's box does not make this line taller than "Not downloaded"'s. */
      .done {
        display: inline-flex;
        vertical-align: top;
        align-items: center;
        gap: 0.25em;
        color: var(--ok);
        font-weight: 600;
        white-space: nowrap;
      }
      /* On one line however narrow the screen: wrapped when the pace appeared, it moved Play down
         by a line and back when the download ended. */
      .one-line {
        display: block;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .failed {
        color: var(--danger);
      }
      progress {
        position: absolute;
        left: 0;
        bottom: 0;
        width: 100%;
        height: 6px;
        margin: 0;
        accent-color: var(--accent);
      }
    `,
  ];

  declare record: DownloadRecord | undefined;

  override render() {
    const r = this.record;
    if (!r) return html`<span class="muted">Not downloaded</span>`;
    const total = bytesExpected(r);
    const percent = total > 0 ? Math.floor((100 * r.bytesReceived) / total) : 0;
    const amounts = html`<span class="muted">(${formatBytes(r.bytesReceived)} of ${formatBytes(total)})</span>`;
    switch (r.state) {
      case 'done':
        return html`<span class="done">${icon('check', 16)} Available offline</span>`;
      case 'failed':
        return html`<span class="failed" role="status">Download failed: ${r.error ?? 'unknown reason'}</span>`;
      case 'queued':
        switch (r.waitingFor) {
          case 'network':
            return html`<span>Waiting for network</span>
              <span class="muted">— starts by itself when the server can be reached</span>`;
          case 'unmetered':
            return html`<span>Waiting for Wi-Fi</span>
              <span class="muted"
                >— the browser says this connection is metered (mobile data, or Data Saver on); it starts by itself once it is not
                (Settings › Downloads)</span
              >`;
          default:
            return html`<span class="muted">Queued</span>`;
        }
      case 'verifying':
        return html`<span>Checking the download…</span>`;
      case 'paused':
        return html`<span>Paused at ${percent}% ${amounts}</span>`;
      case 'downloading':
        return html`<span class="one-line">Downloading ${percent}%${this.#pace(r, total)} ${amounts}</span>
          <progress max="100" .value=${percent} aria-label="Download progress"></progress>`;
      default:
        return nothing;
    }
  }

  #pace(r: DownloadRecord, total: number): string {
    const speed = downloadSpeed(r.releaseId);
    if (!speed || speed <= 0) return '';
    // Time left first: it is what a person waits on, and on a narrow screen the line ends in "…".
    return ` · ${formatTimeLeft((total - r.bytesReceived) / speed)} left · ${formatBytes(speed)}/s`;
  }
}
customElements.define('download-status', DownloadStatus);

declare global {
  interface HTMLElementTagNameMap {
    'download-status': DownloadStatus;
  }
}
