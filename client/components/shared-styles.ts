import { css } from 'lit';

/** Buttons, focus rings and visually-hidden text shared by every component. */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.5em 1em;
    border-radius: 999px;
    border: 1px solid var(--border);
    background: var(--surface);
    color: var(--text);
    cursor: pointer;
    text-decoration: none;
  }
  button.primary,
  .button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-text);
    font-weight: 600;
  }
  button.danger {
    color: var(--danger);
  }
  /* The button that destroys, in a confirmation: never dressed as the primary, safe choice. */
  button.destructive {
    background: var(--danger);
    border-color: var(--danger);
    color: var(--danger-text);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.icon {
    min-width: 44px;
    padding: 0.5em;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  a {
    color: inherit;
  }
  h1,
  h2,
  h3 {
    line-height: 1.2;
    margin: 0 0 0.5em;
  }
  .muted {
    color: var(--text-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* A checkbox and its words: the whole label is the target, 44 px high, the box 24 px (was 16). */
  label.check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
  }
  label.check > input[type='checkbox'],
  label.check > input[type='radio'] {
    flex: none;
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--accent);
  }
  /* The line beside a control that says what its last action did (a live region, kept when empty). */
  .answer {
    margin: 0.5em 0 0;
  }
  .answer:empty {
    margin: 0;
  }
  .answer.failed {
    color: var(--danger);
  }
  select,
  input[type='search'],
  input[type='number'] {
    font: inherit;
    min-height: 44px;
    padding: 0 0.75em;
    border-radius: 8px;
    border: 1px solid var(--border);
    background: var(--surface);
    color: var(--text);
  }
  section.panel {
    padding: 1em;
    margin-bottom: 1em;
  }
  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
  }
`;
