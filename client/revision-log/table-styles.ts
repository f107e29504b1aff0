import { css } from 'lit';
import { buttonStyles } from '../styles/button-styles.ts';

/** Styles of the consolidated table, on screen and on paper. */
export const revisionTableStyles = [
  buttonStyles,
  css`
    :host {
      display: block;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px 16px;
      margin-bottom: 10px;
    }
    .controls label {
      display: grid;
      gap: 2px;
      font-size: 0.85rem;
      color: var(--vk-muted);
    }
    select,
    input[type='search'] {
      font: inherit;
      color: var(--vk-text, inherit);
      padding: 4px 6px;
      max-width: 320px;
    }
    .controls label.switch {
      display: flex;
      align-items: center;
      gap: 6px;
      padding-bottom: 6px;
    }
    .controls button.primary {
      padding: 6px 12px;
    }
    /* Eight columns do not fit a phone: the table scrolls inside its box, not the page. */
    .scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      background: var(--vk-surface);
      font-size: 0.92rem;
    }
    th,
    td {
      border: 1px solid var(--vk-border);
      padding: 6px 8px;
      vertical-align: top;
      text-align: left;
    }
    th {
      background: #f3f2ec;
      font-weight: 600;
    }
    td.num {
      text-align: center;
      white-space: nowrap;
    }
    button.sort {
      border: 0;
      background: none;
      padding: 0;
      font-weight: 600;
      text-align: left;
    }
    button.link {
      border: 0;
      background: none;
      padding: 0;
      color: var(--vk-accent);
      font-size: 0.85rem;
      text-decoration: underline;
    }
    .headline {
      margin: 0 0 4px;
    }
    .proposal-line {
      margin: 0 0 4px;
      font-size: 0.9rem;
    }
    del {
      color: #9b1c1c;
    }
    ins {
      color: #1d5e2c;
    }
    vk-revision-members {
      font-size: 0.88rem;
    }
    .row-actions {
      display: flex;
      gap: 6px;
      margin-top: 6px;
    }
    .row-actions button {
      font-size: 0.8rem;
      padding: 2px 8px;
    }
    tr.none td:nth-child(6) {
      color: var(--vk-danger);
    }
    /* The answer's own line breaks count; the template's do not. */
    .answer-text {
      white-space: pre-line;
    }
    .changed {
      display: inline-block;
      margin-left: 4px;
      font-size: 0.75rem;
      padding: 0 6px;
      border-radius: 999px;
      background: #e7f3ec;
      color: var(--vk-ok);
    }
    .empty {
      color: var(--vk-muted);
    }
    /* On a phone the columns keep a readable width and the box scrolls. */
    @media (max-width: 640px) {
      table {
        min-width: 760px;
      }
    }
    @media print {
      .scroll {
        overflow: visible;
      }
      .controls,
      .row-actions,
      .arrow,
      button.link,
      input[type='checkbox'] {
        display: none;
      }
      table {
        font-family: 'Times New Roman', Tinos, serif;
        font-size: 10pt;
      }
      th,
      td {
        border-color: #000;
      }
      tr {
        break-inside: avoid;
      }
      thead {
        display: table-header-group;
      }
    }
  `,
];
