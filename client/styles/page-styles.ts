import { css } from 'lit';

/**
 * A content page's box: centred, padded, as wide as `--vk-page-width` (each page sets its own).
 * The theme's box-sizing does not reach the host inside the shell's shadow root.
 */
export const pageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    padding: 20px 24px 40px;
    width: 100%;
    max-width: var(--vk-page-width, 1200px);
    margin: 0 auto;
  }
  @media (max-width: 640px) {
    :host {
      padding: 12px 12px 32px;
    }
  }
`;
