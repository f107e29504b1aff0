import { css } from 'lit';

/** What every side panel of the draft page shares: box model, text size, the small caps title. */
export const panelStyles = css`
  /* The page's global box-sizing does not reach into shadow roots. */
  * {
    box-sizing: border-box;
  }
  :host {
    display: block;
    font-size: 0.9rem;
  }
  h2 {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--vk-muted);
    margin: 0 0 8px;
  }
`;
