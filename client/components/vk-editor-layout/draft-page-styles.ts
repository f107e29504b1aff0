import { css } from 'lit';

/** Styles of the draft page's own content: the bar's title line, chips and banners. */
export const draftPageStyles = css`
  :host {
    display: block;
  }
  .center {
    margin: 64px auto;
    text-align: center;
    color: var(--vk-muted);
    max-width: 560px;
    padding: 0 16px;
  }
  .center[role='alert'] {
    color: var(--vk-text);
  }
  .center button {
    font: inherit;
    padding: 6px 14px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    cursor: pointer;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  h1 {
    font-size: 1.05rem;
    margin: 0;
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .grow {
    flex: 1;
  }
  .chip {
    flex: none;
    font-size: 0.75rem;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid var(--vk-border);
    color: var(--vk-muted);
    white-space: nowrap;
  }
  .chip.status-drafting {
    border-color: #c6d8f7;
    color: #1a4fa8;
    background: #eef4fe;
  }
  .chip.status-consultation {
    border-color: #e8cf9a;
    color: var(--vk-warn);
    background: #fdf6e7;
  }
  .chip.status-final {
    border-color: #b9dcc7;
    color: var(--vk-ok);
    background: #e7f3ec;
  }
  vk-presence {
    flex: none;
  }
  a.rounds {
    flex: none;
    font-size: 0.85rem;
    padding: 4px 10px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    color: var(--vk-text);
    text-decoration: none;
    white-space: nowrap;
  }
  a.rounds:hover {
    background: #efeee8;
  }
  @media (max-width: 899px) {
    .chip.access {
      display: none;
    }
    /* The title needs the room; the home page links each draft's rounds as well. */
    a.rounds {
      display: none;
    }
  }
  @media (max-width: 640px) {
    .chip {
      display: none;
    }
  }
`;
