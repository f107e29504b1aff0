import { css } from 'lit';

/** The large reading dialog shared by the version viewer and the version diff. */
export const readingDialogStyles = css`
  /* The page's global box-sizing does not reach into shadow roots. */
  * {
    box-sizing: border-box;
  }
  dialog {
    width: min(960px, 96vw);
    height: min(92vh, 1200px);
    padding: 0;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    box-shadow: 0 10px 40px rgb(0 0 0 / 25%);
    background: var(--vk-bg);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(20 20 18 / 45%);
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px 20px;
    background: var(--vk-surface);
    border-bottom: 1px solid var(--vk-border);
  }
  header h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  header p {
    margin: 0;
    color: var(--vk-muted);
    font-size: 0.85rem;
  }
  header .grow {
    flex: 1;
    min-width: 0;
  }
  header button {
    font: inherit;
    padding: 6px 14px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    cursor: pointer;
  }
  .body {
    flex: 1;
    overflow: auto;
    padding: 24px 16px;
  }
  .status {
    text-align: center;
    color: var(--vk-muted);
  }
  .status.error {
    color: var(--vk-danger);
  }
`;
