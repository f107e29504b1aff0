import { css } from 'lit';

/** Styles of the editor toolbar: compact buttons, pressed state in the accent colour. */
export const toolbarStyles = css`
  /* The page's global box-sizing does not reach into shadow roots. */
  * {
    box-sizing: border-box;
  }
  :host {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 6px 8px;
    background: var(--vk-surface);
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    box-shadow: var(--vk-shadow);
  }
  select,
  button {
    font: inherit;
    font-size: 0.9rem;
    height: 32px;
    border: 1px solid transparent;
    border-radius: var(--vk-radius);
    background: transparent;
    color: var(--vk-text);
    cursor: pointer;
  }
  select {
    border-color: var(--vk-border);
    padding: 0 6px;
    min-width: 9.5em;
  }
  button {
    min-width: 32px;
    padding: 0 8px;
  }
  button:hover:not([disabled]) {
    background: #efeee8;
  }
  button[aria-pressed='true'] {
    background: #f3e3e3;
    border-color: #e2bcbc;
    color: var(--vk-accent);
  }
  button[disabled] {
    opacity: 0.4;
    cursor: default;
  }
  .sep {
    width: 1px;
    height: 22px;
    background: var(--vk-border);
    margin: 0 4px;
  }
  b,
  i {
    font-family: var(--vk-font-doc);
    font-size: 1.05rem;
  }
`;
