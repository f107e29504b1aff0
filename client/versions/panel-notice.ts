import { html, nothing } from 'lit';
import type { ActionController } from '../api/action-controller.ts';

/** A message under a panel's action: ok, information, or an error (announced as an alert). */
export interface PanelNotice {
  kind: 'ok' | 'info' | 'error';
  text: string;
}

/** Renders a notice; errors interrupt screen readers, the rest are polite status lines. */
export function renderNotice(notice: PanelNotice | null) {
  if (notice === null) return nothing;
  return html`<p class="notice ${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'}>
    ${notice.text}
  </p>`;
}

/**
 * What a panel shows under its action: the action's failure if the last attempt failed, else the
 * element's own notice. "Nothing changed since the last version" (no_changes) is information, not a
 * failure.
 */
export function actionNotice(action: ActionController, notice: PanelNotice | null): PanelNotice | null {
  if (action.error === null) return notice;
  return { kind: action.code === 'no_changes' ? 'info' : 'error', text: action.error };
}
