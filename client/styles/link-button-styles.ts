import { css } from 'lit';

/** A button that reads as a link inside running text ("Gộp vào nhóm này", "Tách riêng"). */
export const linkButtonStyles = css`
  button.link {
    background: none;
    border: 0;
    padding: 0 4px;
    color: var(--vk-link, #1a4f8b);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
  }
`;
