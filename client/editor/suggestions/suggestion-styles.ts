import { css } from 'lit';

/**
 * Proposals inline, in their author's hue (set per mark as `--suggestion-hue`): insertions
 * underlined on a light tint, deletions struck through, both darker than the body text's
 * grey so they read on the white sheet. The author's name is the mark's title (hover).
 */
export const suggestionStyles = css`
  .sheet {
    position: relative;
  }
  .ProseMirror ins.suggestion-insert {
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 3px;
    text-decoration-color: hsl(var(--suggestion-hue, 140) 60% 38%);
    color: hsl(var(--suggestion-hue, 140) 65% 26%);
    background: hsl(var(--suggestion-hue, 140) 70% 94%);
  }
  .ProseMirror del.suggestion-delete {
    text-decoration: line-through;
    text-decoration-thickness: 2px;
    text-decoration-color: hsl(var(--suggestion-hue, 0) 65% 40%);
    color: hsl(var(--suggestion-hue, 0) 45% 35%);
    background: hsl(var(--suggestion-hue, 0) 60% 96%);
  }
  .ProseMirror .suggestion {
    cursor: pointer;
  }
`;
