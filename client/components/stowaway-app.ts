import { LitElement, html } from 'lit';

/** The app shell. */
export class StowawayApp extends LitElement {
  override render() {
    return html`<main><h1>Stowaway</h1></main>`;
  }
}
customElements.define('stowaway-app', StowawayApp);

declare global {
  interface HTMLElementTagNameMap {
    'stowaway-app': StowawayApp;
  }
}
