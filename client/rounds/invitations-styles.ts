import { css } from 'lit';

/** Styles of the invited organisations table, kept apart so the element stays readable. */
export const invitationsStyles = css`
  * {
    box-sizing: border-box;
  }
  :host {
    display: block;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin-bottom: 8px;
  }
  input[type='search'] {
    font: inherit;
    padding: 6px 10px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    min-width: 240px;
    flex: 1 1 240px;
    max-width: 360px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .filters button {
    font: inherit;
    font-size: 0.88rem;
    padding: 4px 10px;
    border: 1px solid var(--vk-border);
    border-radius: 999px;
    background: var(--vk-surface);
    cursor: pointer;
  }
  .filters button[aria-pressed='true'] {
    background: var(--vk-text);
    border-color: var(--vk-text);
    color: var(--vk-surface);
  }
  .count {
    margin: 0 0 6px;
    color: var(--vk-muted);
    font-size: 0.88rem;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.92rem;
    background: var(--vk-surface);
  }
  th,
  td {
    text-align: left;
    padding: 6px 10px;
    border-bottom: 1px solid var(--vk-border);
    vertical-align: top;
  }
  th {
    position: sticky;
    top: 0;
    background: #efeee8;
    white-space: nowrap;
  }
  th button {
    font: inherit;
    font-weight: 600;
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
    color: inherit;
  }
  th .arrow {
    display: inline-block;
    width: 1em;
    color: var(--vk-muted);
  }
  .num {
    text-align: right;
    white-space: nowrap;
  }
  tr.overdue td {
    background: #fdf0ee;
  }
  tr.overdue td:first-child {
    box-shadow: inset 3px 0 0 var(--vk-danger);
  }
  .state {
    font-weight: 600;
    white-space: nowrap;
  }
  .state.submitted {
    color: var(--vk-ok);
  }
  .state.in_progress {
    color: var(--vk-warn);
  }
  .state.not_started {
    color: var(--vk-muted);
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--vk-danger);
    color: #fff;
    font-size: 0.78rem;
    font-weight: 600;
  }
  small {
    display: block;
    color: var(--vk-muted);
  }
  .empty {
    color: var(--vk-muted);
    text-align: center;
    padding: 16px;
  }
  td.kind {
    white-space: nowrap;
  }
  @media (max-width: 640px) {
    .kind {
      display: none;
    }
  }
`;
