import { css } from 'lit';

/** Styles of the draft page's own content: the loading and error messages. */
export const draftPageStyles = css`
  :host {
    display: block;
  }
  .center {
    margin: 64px auto;
    text-align: center;
    color: var(--vk-muted);
    max-width: 560px;
    padding: 0 16px;
  }
  .center[role='alert'] {
    color: var(--vk-text);
  }
  .reading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    margin: 0 0 8px;
    font-size: 0.88rem;
    color: var(--vk-muted);
  }
  .reading button,
  .center button {
    font: inherit;
    padding: 6px 14px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    cursor: pointer;
  }
`;
