import { css } from 'lit';
import { noticeStyles } from '../styles/notice-styles.ts';
import { panelStyles } from '../styles/panel-styles.ts';

/** Styles of the versions panel, kept apart so the element stays readable. */
export const versionsPanelStyles = [
  panelStyles,
  noticeStyles,
  css`
    form {
      display: grid;
      gap: 6px;
      margin-bottom: 12px;
    }
    label {
      font-weight: 600;
      font-size: 0.82rem;
    }
    textarea,
    select {
      font: inherit;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      padding: 5px 8px;
      background: var(--vk-surface);
    }
    textarea {
      resize: vertical;
    }
    select {
      min-width: 0;
      width: 100%;
    }
    form.compare {
      /* minmax(0, …): a long option ("Tự động lưu lúc …") must not widen the narrow panel. */
      grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
      align-items: center;
      padding: 8px;
      background: #f7f6f1;
      border-radius: var(--vk-radius);
    }
    form.compare button {
      grid-column: 1 / -1;
    }
    button {
      font: inherit;
      font-size: 0.85rem;
      padding: 4px 10px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      background: var(--vk-surface);
      color: var(--vk-text);
      cursor: pointer;
    }
    button:hover:not([disabled]) {
      background: #efeee8;
    }
    button.primary {
      background: var(--vk-accent);
      border-color: var(--vk-accent);
      color: var(--vk-accent-text);
      font-weight: 600;
      padding: 6px 12px;
    }
    button.primary:hover:not([disabled]) {
      background: #8a1417;
    }
    button.danger {
      color: var(--vk-danger);
    }
    button[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      padding: 8px 10px;
      background: var(--vk-surface);
      display: grid;
      gap: 2px;
    }
    .head {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      align-items: baseline;
    }
    .head small,
    .muted {
      color: var(--vk-muted);
    }
    .note {
      margin: 4px 0 0;
      font-style: italic;
    }
    .restored {
      color: var(--vk-warn);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 6px;
    }
    .notice {
      margin: 0 0 12px;
      padding: 6px 10px;
    }
  `,
];
