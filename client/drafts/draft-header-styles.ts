import { css } from 'lit';

/** Styles of the draft page's title line: the title, its chips and actions, status and presence. */
export const draftHeaderStyles = css`
  :host {
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
  /* The committee's two actions look alike: a link to the rounds and the export button. */
  a.rounds,
  button.export {
    flex: none;
    font-size: 0.85rem;
    padding: 4px 10px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    color: var(--vk-text);
    text-decoration: none;
    white-space: nowrap;
  }
  a.rounds:hover,
  button.export:hover {
    background: #efeee8;
  }
  /* On a tablet the title needs the room (it was cut to its first letter at 768 px): the status
     shows on the home page and in the editor's banners, and the home page links each draft's
     rounds as well. */
  @media (max-width: 899px) {
    .chip,
    a.rounds {
      display: none;
    }
  }
`;
