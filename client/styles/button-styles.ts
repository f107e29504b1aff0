import { css } from 'lit';

/**
 * The app's buttons: plain ones on the surface colour, `.primary` in the accent colour.
 * Elements add their own size (padding, font-size) after these rules.
 */
export const buttonStyles = css`
  button {
    font: inherit;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--vk-accent);
    border-color: var(--vk-accent);
    color: var(--vk-accent-text);
  }
`;
