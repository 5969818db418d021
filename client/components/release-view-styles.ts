import { css } from 'lit';

/** The release page's layout: cover beside the details (above them on a phone), and the track list. */
export const releaseViewStyles = css`
  .top {
    display: grid;
    grid-template-columns: minmax(140px, 280px) 1fr;
    gap: 1.5em;
    align-items: start;
  }
  /* On a phone the actions belong in the first screen: a smaller cover, then title and buttons. */
  @media (max-width: 600px) {
    .top {
      grid-template-columns: 1fr;
      gap: 1em;
    }
    /* 200 px on a tall phone (390×844), shrinking with the screen's height: 116 px at 640, so the
       buttons stay above the tab bar on a small phone too (at 320×640 Download was under it). */
    img.art {
      max-width: clamp(80px, 40vh - 140px, 200px);
    }
  }
  img.art {
    width: 100%;
    aspect-ratio: 1;
    height: auto;
    object-fit: cover;
    border-radius: var(--radius);
    background: var(--surface-2);
  }
  .kind {
    text-transform: uppercase;
    letter-spacing: 0.05em;
    font-size: 0.8em;
    font-weight: 700;
    color: var(--accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 1em 0;
  }
  ol {
    padding: 0;
    margin: 1.5em 0 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: 1.5em minmax(0, 1fr) auto;
    gap: 0.25em;
    align-items: center;
    padding: 0.25em 0.25em;
    border-bottom: 1px solid var(--border);
  }
  li button {
    border-color: transparent;
    background: transparent;
  }
  li button.play {
    display: grid;
    grid-template-columns: 20px 1fr;
    gap: 0.5em;
    justify-content: stretch;
    text-align: left;
    border-radius: 8px;
    padding: 0.4em 0.5em;
    min-width: 0;
  }
  .title {
    display: grid;
    min-width: 0;
  }
  .title span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  li.unplayable button.play {
    opacity: 0.5;
  }
  li[aria-current='true'] button.play {
    font-weight: 700;
  }
  li[aria-current='true'] button.play svg {
    color: var(--accent);
  }
  .end {
    display: flex;
    align-items: center;
    gap: 0.1em;
  }
  .small {
    font-size: 0.85em;
  }
  .why-not {
    flex-basis: 100%;
    margin: 0;
  }
  li[aria-current='true'] {
    background: var(--surface-2);
    border-radius: 8px;
  }
  .num {
    display: inline-flex;
    justify-content: center;
    color: var(--text-muted);
    font-variant-numeric: tabular-nums;
  }
`;
