import { LitElement, css, html, nothing } from 'lit';
import type { DownloadRecord } from '#common/download-ledger';
import { formatBytes } from '../format.js';
import { sharedStyles } from './shared-styles.js';

/** A release's offline state in words and, while downloading, a progress bar. */
export class DownloadStatus extends LitElement {
  static override properties = { record: { attribute: false } };
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.9em;
      }
      .done {
        color: var(--ok);
        font-weight: 600;
      }
      .failed {
        color: var(--danger);
      }
      progress {
        width: 100%;
        height: 6px;
        accent-color: var(--accent);
      }
    `,
  ];

  declare record: DownloadRecord | undefined;

  override render() {
    const r = this.record;
    if (!r) return html`<span class="muted">Not downloaded</span>`;
    const percent = r.bytesExpected > 0 ? Math.floor((100 * r.bytesReceived) / r.bytesExpected) : 0;
    switch (r.state) {
      case 'done':
        return html`<span class="done">✓ Available offline</span>`;
      case 'failed':
        return html`<span class="failed" role="status">Download failed: ${r.error ?? 'unknown reason'}</span>`;
      case 'queued':
        return html`<span class="muted">Queued</span>`;
      case 'verifying':
        return html`<span>Checking the download…</span>`;
      case 'paused':
      case 'downloading':
        return html`<span
            >${r.state === 'paused' ? 'Paused' : 'Downloading'} ${percent}%
            <span class="muted">(${formatBytes(r.bytesReceived)} of ${formatBytes(r.bytesExpected)})</span></span
          >
          <progress max="100" .value=${percent} aria-label="Download progress"></progress>`;
      default:
        return nothing;
    }
  }
}
customElements.define('download-status', DownloadStatus);

declare global {
  interface HTMLElementTagNameMap {
    'download-status': DownloadStatus;
  }
}
