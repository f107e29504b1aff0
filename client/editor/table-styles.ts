import { css } from 'lit';

/**
 * Tables in the sheet as the exports print them (ruled, header row bold and centred), plus
 * the editing aids of prosemirror-tables: the selected cells' tint and the wrapper that
 * scrolls a wide table sideways on a phone instead of widening the page.
 */
export const tableStyles = css`
  .ProseMirror .tableWrapper {
    overflow-x: auto;
    margin: 6pt 0 10pt;
  }
  .ProseMirror table {
    border-collapse: collapse;
    table-layout: fixed;
    width: 100%;
    margin: 0;
    overflow: hidden;
  }
  .ProseMirror td,
  .ProseMirror th {
    position: relative;
    box-sizing: border-box;
    min-width: 3em;
    border: 1px solid #222;
    padding: 2pt 5pt;
    vertical-align: top;
  }
  .ProseMirror th {
    font-weight: bold;
    text-align: center;
    vertical-align: middle;
    background: #f4f3ee;
  }
  .ProseMirror td p,
  .ProseMirror th p {
    margin: 0;
    text-indent: 0;
    text-align: inherit;
  }
  .ProseMirror .selectedCell::after {
    content: '';
    position: absolute;
    inset: 0;
    background: rgb(27 110 243 / 18%);
    pointer-events: none;
  }
`;
