import { css } from 'lit';
import { buttonStyles } from '../styles/button-styles.ts';
import { panelStyles } from '../styles/panel-styles.ts';

/** The header form in the side panel: one column of labelled fields, the missing list, the status actions. */
export const headerFormStyles = [
  panelStyles,
  buttonStyles,
  css`
    form {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 10px;
    }
    label {
      display: grid;
      gap: 3px;
      font-weight: 600;
      font-size: 0.85rem;
    }
    .wide {
      grid-column: 1 / -1;
    }
    input,
    textarea {
      font: inherit;
      font-weight: 400;
      padding: 5px 7px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      min-width: 0;
      background: var(--vk-surface);
    }
    input:disabled,
    textarea:disabled {
      color: var(--vk-text);
      background: var(--vk-bg);
    }
    [aria-invalid='true'] {
      border-color: var(--vk-danger);
    }
    .req {
      color: var(--vk-danger);
    }
    button {
      padding: 6px 12px;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      justify-content: flex-end;
    }
    .missing {
      border: 1px solid #e0c36a;
      background: #fff8e1;
      border-radius: var(--vk-radius);
      padding: 8px 12px;
      margin: 0 0 12px;
    }
    .missing ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .ok {
      color: var(--vk-ok);
    }
    .error {
      color: var(--vk-danger);
    }
    .notice {
      grid-column: 1 / -1;
      margin: 0;
    }
    .muted {
      color: var(--vk-muted);
    }
  `,
];
