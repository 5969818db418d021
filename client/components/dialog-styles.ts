import { css } from 'lit';

/** A modal confirmation (`<dialog>` opened with showModal): the Downloads page's and the budget's. */
export const dialogStyles = css`
  dialog {
    max-width: min(28em, calc(100vw - 2em));
    padding: 1.25em;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    color: var(--text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }
  dialog h2 {
    font-size: 1.2em;
  }
  dialog ul {
    padding-left: 1.2em;
  }
  dialog fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  dialog .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: flex-end;
    margin-top: 1em;
  }
`;
