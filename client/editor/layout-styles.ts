import { css } from 'lit';

/** Styles of the draft page's frame: sticky bar, docked columns, drawers below the breakpoints. */
export const layoutStyles = css`
  /* The page's global box-sizing does not reach into shadow roots. */
  * {
    box-sizing: border-box;
  }
  :host {
    --bar-height: 56px;
    --outline-width: 280px;
    --aside-width: 320px;
    /* Content that sticks (the editor toolbar) sits just under the bar. */
    --vk-sticky-top: var(--bar-height);
    display: block;
  }
  .bar {
    position: sticky;
    top: 0;
    z-index: 10;
    height: var(--bar-height);
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 0 16px;
    background: var(--vk-surface);
    border-bottom: 1px solid var(--vk-border);
  }
  .header {
    flex: 1;
    min-width: 0;
    /* Squeezed, the title line is cut here rather than drawn over the tabs beside it. */
    overflow: hidden;
  }
  .tabs {
    display: flex;
    gap: 4px;
  }
  button.toggle {
    font: inherit;
    font-size: 0.88rem;
    height: 34px;
    padding: 0 12px;
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    background: var(--vk-surface);
    color: var(--vk-text);
    cursor: pointer;
    white-space: nowrap;
  }
  button.toggle:hover {
    background: #efeee8;
  }
  button.toggle[aria-pressed='true'],
  button.toggle[aria-expanded='true'] {
    background: #f3e3e3;
    border-color: #e2bcbc;
    color: var(--vk-accent);
  }
  .body {
    display: grid;
    gap: 16px;
    padding: 16px;
    align-items: start;
  }
  .main {
    min-width: 0;
  }
  .side {
    position: sticky;
    top: calc(var(--bar-height) + 16px);
    max-height: calc(100dvh - var(--bar-height) - 32px);
    overflow: auto;
    padding: 12px;
    background: var(--vk-surface);
    border: 1px solid var(--vk-border);
    border-radius: var(--vk-radius);
    overscroll-behavior: contain;
  }
  .side[hidden] {
    display: none;
  }
  /* Below the breakpoints a sidebar slides over the text instead of squeezing it. */
  .side.drawer {
    position: fixed;
    top: 0;
    bottom: 0;
    z-index: 30;
    width: min(var(--outline-width), 88vw);
    max-height: none;
    border-radius: 0;
    padding-top: 44px;
    box-shadow: 0 0 24px rgb(0 0 0 / 20%);
  }
  .side.drawer.left {
    left: 0;
  }
  .side.drawer.right {
    right: 0;
    width: min(var(--aside-width), 88vw);
  }
  button.close {
    position: absolute;
    top: 6px;
    right: 8px;
    width: 32px;
    height: 32px;
    font-size: 1.4rem;
    line-height: 1;
    border: 0;
    border-radius: var(--vk-radius);
    background: transparent;
    cursor: pointer;
  }
  .backdrop {
    position: fixed;
    inset: 0;
    z-index: 20;
    background: rgb(20 20 18 / 35%);
  }
  @media (max-width: 899px) {
    .body {
      padding: 8px;
    }
    .bar {
      gap: 8px;
      padding: 0 8px;
    }
  }
  /* On a phone the tabs get a row of their own under the title line: beside it they pushed the
     page 100 px wider than the screen and the presence avatars sat on the first tab. */
  @media (max-width: 640px) {
    :host {
      --bar-height: 92px;
    }
    .bar {
      flex-wrap: wrap;
      align-content: center;
      row-gap: 6px;
    }
    .tabs {
      order: 1;
      flex-basis: 100%;
      min-width: 0;
      overflow-x: auto;
      scrollbar-width: none;
    }
    .toggle .text {
      display: none;
    }
  }
`;
