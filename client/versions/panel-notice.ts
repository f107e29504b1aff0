import { html, nothing } from 'lit';

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
