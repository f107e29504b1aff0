import { css } from 'lit';
import { commentStyles } from '../styles/comment-styles.ts';

/** Styles of the comment sidebar, kept apart so the element stays readable. */
export const sidebarStyles = [
  commentStyles,
  css`
    .top {
      display: grid;
      gap: 8px;
      margin-bottom: 8px;
    }
    .top > button {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      text-align: left;
    }
    .filters {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 4px;
    }
    .filters select {
      font-size: 0.8rem;
      padding: 3px 4px;
    }
    .shown {
      font-size: 0.78rem;
    }
    .track {
      position: relative;
    }
    .track.aligned {
      overflow: hidden;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .aligned ol {
      display: block;
      position: relative;
      will-change: transform;
    }
    .aligned li {
      position: absolute;
      left: 0;
      right: 0;
      transition: top 120ms ease-out;
    }
    li {
      border-radius: var(--vk-radius);
      cursor: pointer;
    }
    li:focus-visible {
      outline: 2px solid var(--vk-focus);
      outline-offset: 1px;
    }
    .section-label {
      font-size: 0.72rem;
      color: var(--vk-muted);
      margin: 0 0 2px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .empty {
      margin: 8px 0;
    }
  `,
];
