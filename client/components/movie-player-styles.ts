import { css } from 'lit';

/**
 * The film player's look: a black window-filling dialog, the picture as large as fits at 16:9
 * (so subtitles sit on the picture), subtitles scaled by --subtitle-scale, and light-on-dark controls.
 */
export const moviePlayerStyles = css`
  dialog {
    width: 100vw;
    height: 100dvh;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: #000;
    color: #fff;
  }
  .screen {
    width: 100%;
    height: 100%;
    background: #000;
    display: grid;
    grid-template-rows: auto 1fr auto auto;
  }
  dialog::backdrop {
    background: #000;
  }
  .stage {
    min-height: 0;
    display: grid;
    place-items: center;
    container-type: size;
  }
  /* The picture's own box (16:9, as large as fits), so subtitles sit on the picture, not below it. */
  .frame {
    position: relative;
    width: min(100cqw, 100cqh * 16 / 9);
    aspect-ratio: 16 / 9;
  }
  video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
    background: #000;
  }
  .shaka-text-container {
    position: absolute;
    inset: 0 0 0.5em;
    pointer-events: none;
    line-height: 1.4;
    font-size: calc(var(--subtitle-scale, 1.1) * max(18px, 4vmin));
    color: #fff;
  }
  .shaka-text-container span {
    background: rgb(0 0 0 / 75%);
    padding: 0.05em 0.3em;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.25em;
    padding: 0.4em max(0.75em, env(safe-area-inset-right)) calc(0.4em + env(safe-area-inset-bottom))
      max(0.75em, env(safe-area-inset-left));
    background: #111;
  }
  .top {
    justify-content: space-between;
    padding-top: calc(0.4em + env(safe-area-inset-top));
  }
  .top h2 {
    margin: 0;
    font-size: 1em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .controls {
    flex-wrap: wrap;
  }
  button {
    color: #fff;
    background: transparent;
    border-color: transparent;
  }
  button[aria-pressed='true'] {
    background: rgb(255 255 255 / 18%);
  }
  .seek {
    flex: 1 1 12em;
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-variant-numeric: tabular-nums;
    font-size: 0.85em;
  }
  .seek input {
    flex: 1;
    min-width: 0;
    min-height: 32px;
    accent-color: #f2a541;
  }
  .error {
    margin: 0;
    padding: 0.75em 1em;
    background: #5c1111;
  }
`;
