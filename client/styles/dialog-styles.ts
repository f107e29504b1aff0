import { css } from 'lit';
import { buttonStyles } from './button-styles.ts';

/**
 * A form in a modal `<dialog>`: the bordered box, a two-column grid of labelled fields
 * (`.wide` spans both), the title, the action row and the error line. Each dialog sets its
 * own width and padding after these.
 */
export const dialogStyles = [
  buttonStyles,
  css`
    * {
      box-sizing: border-box;
    }
    dialog {
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
    }
    form {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    h2 {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 1.2rem;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 600;
      font-size: 0.9rem;
    }
    .wide {
      grid-column: 1 / -1;
    }
    input,
    select,
    textarea {
      font: inherit;
      /* Labels are bold; what is typed is not. */
      font-weight: 400;
      padding: 6px 8px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      min-width: 0;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    button {
      padding: 7px 14px;
    }
    .error {
      grid-column: 1 / -1;
      color: var(--vk-danger);
      margin: 0;
    }
  `,
];
