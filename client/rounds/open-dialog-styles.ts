import { css } from 'lit';
import { dialogStyles } from '../styles/dialog-styles.ts';

/** Styles of the dialog that opens a round, kept apart so the element stays readable. */
export const openDialogStyles = [
  ...dialogStyles,
  css`
    dialog {
      box-shadow: 0 10px 40px rgb(0 0 0 / 25%);
      width: min(760px, 96vw);
      max-height: 94vh;
      padding: 20px 24px;
    }
    dialog::backdrop {
      background: rgb(20 20 18 / 45%);
    }
    .label {
      margin: 0 0 4px;
      font-weight: 600;
      font-size: 0.9rem;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 8px;
      font-weight: 400;
    }
    label.check input {
      width: auto;
    }
    .hint {
      font-weight: 400;
      color: var(--vk-muted);
      font-size: 0.82rem;
    }
    .notice {
      grid-column: 1 / -1;
      margin: 0;
      padding: 10px 12px;
      border-radius: var(--vk-radius);
      background: #fff8e1;
      border: 1px solid #e0c36a;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    @media (max-width: 560px) {
      form {
        grid-template-columns: 1fr;
      }
    }
  `,
];
