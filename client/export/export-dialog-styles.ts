import { css } from 'lit';
import { openDialogStyles } from '../rounds/open-dialog-styles.ts';

/** Styles of the export dialog: the round dialog's, plus the warning list and the history. */
export const exportDialogStyles = [
  ...openDialogStyles,
  css`
    /* A long history or warning list scrolls inside the dialog, never past the screen. */
    dialog {
      max-height: 90vh;
      overflow: auto;
    }
    .warnings {
      grid-column: 1 / -1;
      margin: 0;
      padding: 8px 12px;
      border-radius: 6px;
      background: var(--vk-warning-bg, #fff6dd);
      font-size: 0.85rem;
    }
    .warnings p {
      margin: 0 0 4px;
      font-weight: 600;
    }
    .warnings ul {
      margin: 0;
      padding-left: 18px;
      max-height: 7.5em;
      overflow: auto;
    }
    .suggestions {
      grid-column: 1 / -1;
      font-size: 0.85rem;
    }
    .suggestions p {
      margin: 0 0 4px;
    }
    label.checkbox {
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: 8px;
    }
    progress {
      grid-column: 1 / -1;
      width: 100%;
    }
    .making {
      grid-column: 1 / -1;
      margin: 0;
    }
    table {
      grid-column: 1 / -1;
      border-collapse: collapse;
      font-size: 0.82rem;
    }
    th,
    td {
      text-align: left;
      padding: 3px 8px 3px 0;
      border-bottom: 1px solid var(--vk-border, #ddd);
    }
  `,
];
