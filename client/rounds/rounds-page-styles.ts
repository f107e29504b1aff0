import { css } from 'lit';

/** Styles of the rounds page, kept apart so the page stays readable. */
export const roundsPageStyles = css`
  * {
    box-sizing: border-box;
  }
  .back {
    font-size: 0.9rem;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 12px;
    margin: 6px 0 16px;
  }
  .draft-title {
    margin: 0;
    color: var(--vk-muted);
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
  }
  button.primary {
    font: inherit;
    font-weight: 600;
    padding: 8px 14px;
    border: 0;
    border-radius: var(--vk-radius);
    background: var(--vk-accent);
    color: var(--vk-accent-text);
    cursor: pointer;
  }
  nav.rounds ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0 0 16px;
    padding: 0;
  }
  nav.rounds a {
    display: grid;
    padding: 6px 12px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    color: inherit;
    text-decoration: none;
    font-size: 0.88rem;
  }
  nav.rounds a[aria-current='page'] {
    border-color: var(--vk-accent);
    box-shadow: inset 0 -3px 0 var(--vk-accent);
  }
  nav.rounds small {
    color: var(--vk-muted);
  }
  section.dashboard {
    display: grid;
    /* Its rows shrink to the phone's width instead of to their widest line. */
    grid-template-columns: minmax(0, 1fr);
    gap: 16px;
    background: var(--vk-surface);
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    padding: 16px 20px;
    box-shadow: var(--vk-shadow);
  }
  .round-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  h2 {
    margin: 0;
    font-size: 1.2rem;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  .meta {
    margin: -10px 0 0;
    color: var(--vk-muted);
    font-size: 0.9rem;
  }
  .late {
    color: var(--vk-danger);
    font-weight: 600;
  }
  .chip {
    font-size: 0.8rem;
    font-weight: 600;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .chip.open {
    color: var(--vk-ok);
  }
  .chip.closed {
    color: var(--vk-muted);
  }
  .center {
    text-align: center;
    color: var(--vk-muted);
    margin: 48px auto;
  }
  .error {
    color: var(--vk-danger);
  }
`;
