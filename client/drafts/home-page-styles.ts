import { css } from 'lit';
import { cardGridStyles } from '../styles/card-grid-styles.ts';

/** Styles of the home page, kept apart so the page stays readable. */
export const homePageStyles = [
  cardGridStyles,
  css`
    :host {
      display: block;
      /* The theme's box-sizing does not reach the host inside the shell's shadow root. */
      box-sizing: border-box;
      padding: 24px;
      max-width: 1100px;
      width: 100%;
      margin: 0 auto;
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    h1 {
      font-size: 1.4rem;
      margin: 0;
    }
    li {
      display: grid;
    }
    li a.card {
      display: grid;
      gap: 6px;
      padding: 14px 16px;
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      color: inherit;
      text-decoration: none;
      box-shadow: var(--vk-shadow);
    }
    li a.card:hover {
      border-color: var(--vk-accent);
    }
    a.rounds {
      justify-self: end;
      margin-top: 4px;
      font-size: 0.85rem;
    }
    .title {
      font-weight: 600;
    }
    .meta {
      color: var(--vk-muted);
      font-size: 0.88rem;
    }
    .mine {
      font-size: 0.88rem;
      font-weight: 600;
    }
    .mine .late {
      color: var(--vk-danger);
    }
    .mine-sections {
      display: block;
      font-weight: 400;
      color: var(--vk-muted);
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 8px 14px;
      border: 0;
      border-radius: var(--vk-radius);
      background: var(--vk-accent);
      color: var(--vk-accent-text);
      cursor: pointer;
    }
    .empty {
      color: var(--vk-muted);
    }
  `,
];
