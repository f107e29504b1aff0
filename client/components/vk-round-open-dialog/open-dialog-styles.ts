import { css } from 'lit';

/** Styles of the dialog that opens a round, kept apart so the element stays readable. */
export const openDialogStyles = css`
  * {
    box-sizing: border-box;
  }
  dialog {
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    box-shadow: 0 10px 40px rgb(0 0 0 / 25%);
    width: min(760px, 96vw);
    max-height: 94vh;
    padding: 20px 24px;
  }
  dialog::backdrop {
    background: rgb(20 20 18 / 45%);
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
  .label {
    margin: 0 0 4px;
    font-weight: 600;
    font-size: 0.9rem;
  }
  .wide {
    grid-column: 1 / -1;
  }
  input,
  select {
    font: inherit;
    /* Labels are bold; what is typed is not. */
    font-weight: 400;
    padding: 6px 8px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    min-width: 0;
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
  .actions {
    grid-column: 1 / -1;
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  button {
    font: inherit;
    padding: 7px 14px;
    border-radius: var(--vk-radius);
    border: 1px solid var(--vk-border);
    background: var(--vk-surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--vk-accent);
    color: var(--vk-accent-text);
    border-color: var(--vk-accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .error {
    grid-column: 1 / -1;
    color: var(--vk-danger);
    margin: 0;
  }
  @media (max-width: 560px) {
    form {
      grid-template-columns: 1fr;
    }
  }
`;
