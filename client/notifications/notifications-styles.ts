import { css } from 'lit';

/** Styles of the header's notification bell and its panel. */
export const notificationsStyles = css`
  * {
    box-sizing: border-box;
  }
  :host {
    position: relative;
    display: inline-block;
  }
  button.bell {
    position: relative;
    display: inline-flex;
    align-items: center;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid rgb(255 255 255 / 60%);
    border-radius: var(--vk-radius);
    padding: 4px 8px;
    cursor: pointer;
  }
  button.bell svg {
    width: 20px;
    height: 20px;
  }
  .badge {
    position: absolute;
    top: -7px;
    right: -7px;
    min-width: 18px;
    height: 18px;
    padding: 0 5px;
    border-radius: 9px;
    background: #ffd54f;
    color: #3a2a00;
    font-size: 0.72rem;
    font-weight: 700;
    line-height: 18px;
    text-align: center;
  }
  .panel {
    position: absolute;
    right: 0;
    top: calc(100% + 8px);
    z-index: 20;
    width: min(400px, calc(100vw - 24px));
    max-height: min(70vh, 560px);
    overflow: auto;
    background: var(--vk-surface);
    color: var(--vk-text);
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    box-shadow: 0 10px 30px rgb(0 0 0 / 20%);
  }
  .panel[hidden] {
    display: none;
  }
  .head {
    position: sticky;
    top: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 10px 14px;
    background: var(--vk-surface);
    border-bottom: 1px solid var(--vk-border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  .head button {
    font: inherit;
    font-size: 0.85rem;
    color: var(--vk-focus);
    background: none;
    border: 0;
    padding: 2px 4px;
    cursor: pointer;
  }
  .head button:disabled {
    color: var(--vk-muted);
    cursor: default;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li a {
    display: grid;
    gap: 2px;
    padding: 10px 14px 10px 24px;
    border-bottom: 1px solid var(--vk-border);
    color: inherit;
    text-decoration: none;
    position: relative;
  }
  li a:hover {
    background: #f7f6f1;
  }
  li.unread a {
    background: #fdf6f0;
  }
  li.unread a::before {
    content: '';
    position: absolute;
    left: 10px;
    top: 17px;
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--vk-accent);
  }
  li.unread .what {
    font-weight: 600;
  }
  .excerpt {
    font-size: 0.88rem;
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }
  small {
    color: var(--vk-muted);
  }
  .empty {
    margin: 0;
    padding: 16px 14px;
    color: var(--vk-muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
`;
