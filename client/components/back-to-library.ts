import { css, html } from 'lit';
import { PAGES } from '#common/routes';
import { icon } from './icons.js';

/**
 * "← Library" at the top of a release's or an artist's page: an installed app on a phone has no
 * browser Back button. Styles to add to the page's own (backToLibraryStyles).
 */
export const backToLibrary = html`<p class="back-row"><a class="back" href=${PAGES.catalog}>${icon('back', 18)} Library</a></p>`;

export const backToLibraryStyles = css`
  /* Flush with the top of the page: the link's own 44 px is room enough, and on a small phone the
     release's buttons must still fit above the tab bar. */
  p.back-row {
    margin: 0;
  }
  a.back {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: 44px;
  }
`;
