import { css } from 'lit';
import { panelStyles } from '../styles/panel-styles.ts';

/** Styles of the outline: indented rows, a state dot per section, flagged sections in red. */
export const outlineStyles = [
  panelStyles,
  css`
    vk-progress-bar {
      margin-bottom: 12px;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    button.section {
      display: grid;
      grid-template-columns: 14px 1fr auto;
      gap: 6px;
      align-items: baseline;
      width: 100%;
      text-align: left;
      font: inherit;
      color: inherit;
      background: transparent;
      border: 0;
      border-radius: var(--vk-radius);
      padding: 5px 6px 5px calc(6px + var(--indent, 0px));
      cursor: pointer;
      line-height: 1.35;
    }
    button.section:hover {
      background: #efeee8;
    }
    button[aria-current='location'] {
      background: #f3e3e3;
      box-shadow: inset 3px 0 0 var(--vk-accent);
    }
    .label {
      font-weight: 600;
    }
    .depth-1 .title {
      font-weight: 600;
    }
    .words {
      font-size: 0.75rem;
      color: var(--vk-muted);
      font-variant-numeric: tabular-nums;
    }
    .mark {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      border: 2px solid #b5b4ab;
      align-self: center;
    }
    .writing .mark {
      border-color: #d9a441;
      background: linear-gradient(90deg, #d9a441 50%, transparent 50%);
    }
    .written .mark {
      border-color: var(--vk-ok);
      background: var(--vk-ok);
    }
    .missing .mark {
      border-style: dashed;
    }
    .flagged .mark {
      border-color: var(--vk-danger);
    }
    .flagged .title,
    .flagged .words {
      color: var(--vk-danger);
    }
    .missing .title {
      text-decoration: line-through;
    }
    .assignment {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 8px;
      margin: 0 0 4px;
      padding-left: calc(26px + var(--indent, 0px));
      font-size: 0.78rem;
      color: var(--vk-muted);
    }
    .assignee {
      color: var(--vk-text, inherit);
      font-weight: 600;
    }
    .late .due,
    .late-badge {
      color: var(--vk-danger);
    }
    .late-badge {
      font-size: 0.75rem;
    }
    button.assign {
      font: inherit;
      font-size: 0.75rem;
      color: var(--vk-accent);
      background: transparent;
      border: 0;
      padding: 0;
      cursor: pointer;
      text-decoration: underline;
    }
    .members {
      margin-top: 16px;
      border-top: 1px solid var(--vk-border);
      padding-top: 8px;
      font-size: 0.85rem;
    }
    .members h3 {
      font-size: 0.85rem;
      margin: 0 0 4px;
    }
    .members ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .members li {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .members .late-count {
      color: var(--vk-danger);
    }
    .empty-list {
      color: var(--vk-muted);
    }
  `,
];
