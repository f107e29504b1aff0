import { css } from 'lit';

/** A home-page section: its muted heading and a responsive grid of cards (`ul > li`). */
export const cardGridStyles = css`
  h2 {
    font-size: 1.05rem;
    margin: 28px 0 10px;
    color: var(--vk-muted);
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
    gap: 12px;
  }
`;
