import { css } from 'lit';
import { readingDialogStyles } from './viewer-dialog-styles.ts';

/** Styles of the diff dialog, kept apart so the element stays readable. */
export const versionsDiffStyles = [
  readingDialogStyles,
  css`
    .sheet {
      box-sizing: border-box;
      max-width: 800px;
      margin: 0 auto;
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      padding: 32px 48px;
      font-family: var(--vk-font-doc);
      font-size: 13.5pt;
      line-height: 1.55;
    }
    h3 {
      font-size: 1em;
      margin: 20px 0 6px;
      display: flex;
      gap: 10px;
      align-items: baseline;
    }
    h3:first-of-type {
      margin-top: 0;
    }
    .chip {
      font: 600 0.72rem/1.6 var(--vk-font);
      border-radius: 999px;
      padding: 0 8px;
      background: #eeede6;
      color: var(--vk-muted);
      white-space: nowrap;
    }
    .chip.added {
      background: #e7f3ec;
      color: var(--vk-ok);
    }
    .chip.removed {
      background: #fbeaea;
      color: var(--vk-danger);
    }
    .text {
      white-space: pre-wrap;
      text-align: justify;
      margin: 0;
    }
    ins {
      background: #dff3e6;
      color: #0a5c2f;
      text-decoration: underline;
      text-decoration-color: #7cc49a;
    }
    del {
      background: #fbe3e3;
      color: #9b1c1c;
      text-decoration: line-through;
    }
    .skip {
      color: var(--vk-muted);
      font-family: var(--vk-font);
      font-size: 0.8em;
    }
    .summary {
      font-family: var(--vk-font);
      font-size: 0.9rem;
      color: var(--vk-muted);
      margin: 0 0 16px;
    }

    /* Added text by author: six distinct tints (cycled), each with dark text of the same hue
       for contrast; text of no known author keeps the plain green. */
    ins.a0 {
      background: #dce8fb;
      color: #123f7a;
      text-decoration-color: #6f9ad8;
    }
    ins.a1 {
      background: #fde4c8;
      color: #6e3500;
      text-decoration-color: #e09a4f;
    }
    ins.a2 {
      background: #ece0f7;
      color: #4f1f7a;
      text-decoration-color: #a27bc9;
    }
    ins.a3 {
      background: #d3efec;
      color: #0b5650;
      text-decoration-color: #5fb3aa;
    }
    ins.a4 {
      background: #fadbe6;
      color: #7a1238;
      text-decoration-color: #d77799;
    }
    ins.a5 {
      background: #eceec4;
      color: #4b5000;
      text-decoration-color: #a9b03f;
    }
    /* On a phone the page margins of the sheet would leave a column of a few words. */
    @media (max-width: 600px) {
      .sheet {
        padding: 16px 14px;
      }
    }
    .legend {
      list-style: none;
      margin: 0 0 16px;
      padding: 8px 10px;
      display: flex;
      flex-wrap: wrap;
      gap: 6px 16px;
      font-family: var(--vk-font);
      font-size: 0.85rem;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .legend ins,
    .legend del {
      padding: 0 6px;
      border-radius: 3px;
    }
  `,
];
