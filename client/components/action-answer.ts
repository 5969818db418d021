import { html } from 'lit';

/** What one control's last action did, said beside that control. */
export interface ActionAnswer {
  readonly text: string;
  readonly failed: boolean;
}

/**
 * The line under a control with its answer. Always rendered, empty until there is something to say,
 * so screen readers, which announce changes to a live region already present, hear it.
 */
export function actionAnswer(id: string, said: ActionAnswer | undefined) {
  return html`<p id=${id} class="answer ${said?.failed ? 'failed' : 'muted'}" role="status">${said?.text ?? ''}</p>`;
}
