import { css } from 'lit';
import { buttonStyles } from '../styles/button-styles.ts';

/** Shared look of the administration panels: tables, forms, buttons (the app's, a little smaller). */
export const adminStyles = [
  buttonStyles,
  css`
    :host {
      display: block;
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      padding: 16px 20px;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.15rem;
    }
    h3 {
      margin: 16px 0 8px;
      font-size: 1rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.92rem;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--vk-border);
      vertical-align: top;
    }
    td.actions {
      white-space: nowrap;
    }
    form {
      display: grid;
      gap: 8px;
      max-width: 520px;
    }
    label {
      display: grid;
      gap: 2px;
      font-weight: 600;
      font-size: 0.9rem;
    }
    label.inline {
      display: inline-flex;
      gap: 4px;
      font-weight: 400;
      margin-right: 12px;
    }
    input,
    select {
      font: inherit;
      padding: 5px 8px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
    }
    fieldset {
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
    }
    button {
      padding: 4px 10px;
    }
    button.primary {
      justify-self: start;
    }
    button.danger {
      color: var(--vk-danger);
    }
    .error {
      color: var(--vk-danger);
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
];
