import { css } from 'lit';
import { suggestionStyles } from './suggestions/suggestion-styles.ts';
import { tableStyles } from './table-styles.ts';

/**
 * How a draft reads on screen: a white A4-like sheet in Times New Roman 14pt, justified
 * paragraphs with a first-line indent, as the exported document will print (36-HD/VPTW).
 * It also carries Tiptap's base rules, the remote caret and the comment highlight styles,
 * because Tiptap injects its CSS into `document.head`, which does not reach into shadow roots.
 */
export const documentStyles = css`
  .sheet {
    box-sizing: border-box;
    background: var(--vk-surface);
    box-shadow: var(--vk-shadow);
    border: 1px solid var(--vk-border);
    max-width: 800px;
    margin: 0 auto;
    padding: 56px 64px 96px;
    font-family: var(--vk-font-doc);
    font-size: 14pt;
    line-height: 1.5;
    color: #111;
  }
  @media (max-width: 700px) {
    .sheet {
      padding: 28px 20px 64px;
      font-size: 13pt;
    }
  }
  .ProseMirror {
    position: relative;
    /* A colleague's caret label at the end of a line must not widen the page on a phone
       (hidden labels still count in the scroll width); wide tables scroll in their own box. */
    overflow-x: clip;
    outline: none;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
    min-height: 40vh;
  }
  .ProseMirror [contenteditable='false'] {
    white-space: normal;
  }
  .ProseMirror p {
    margin: 0 0 6pt;
    text-align: justify;
    text-indent: 1cm;
    hyphens: manual;
  }
  .ProseMirror li p {
    text-indent: 0;
  }
  .ProseMirror h1,
  .ProseMirror h2,
  .ProseMirror h3,
  .ProseMirror h4 {
    font-size: 14pt;
    line-height: 1.4;
    margin: 12pt 0 6pt;
    /* Clear the sticky page header and toolbar when jumped to from the outline. */
    scroll-margin-top: 128px;
  }
  .ProseMirror h1 {
    text-align: center;
    text-transform: none;
    font-weight: 700;
  }
  .ProseMirror h2 {
    font-weight: 700;
  }
  .ProseMirror h3 {
    font-weight: 700;
    font-style: italic;
  }
  .ProseMirror h4 {
    font-weight: 400;
    font-style: italic;
  }
  .ProseMirror ul,
  .ProseMirror ol {
    margin: 0 0 6pt;
    padding-left: 1.6cm;
  }
  .ProseMirror blockquote {
    margin: 0 0 6pt 1cm;
    padding-left: 12px;
    border-left: 3px solid var(--vk-border);
  }
  .ProseMirror p.is-empty-hint::before {
    content: attr(data-placeholder);
    color: #9a998f;
    pointer-events: none;
    float: left;
    height: 0;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
    width: 0 !important;
    height: 0 !important;
  }
  .ProseMirror-gapcursor {
    display: none;
    pointer-events: none;
    position: absolute;
  }
  .ProseMirror-focused .ProseMirror-gapcursor {
    display: block;
  }
  .ProseMirror-gapcursor::after {
    content: '';
    display: block;
    position: absolute;
    top: -2px;
    width: 20px;
    border-top: 1px solid black;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection * {
    caret-color: transparent;
  }
  /*
   * Comment highlights (decorations, never in the Y.Doc): comments yellow, suggestions violet
   * (not the selection's blue), the focused thread stronger. Where comments overlap, one span
   * carries all their classes.
   */
  .comment-highlight {
    background: rgb(255 212 0 / 28%);
    border-bottom: 2px solid rgb(224 180 76 / 70%);
    cursor: pointer;
  }
  .comment-highlight.comment-suggestion {
    background: rgb(106 76 200 / 13%);
    border-bottom: 2px dashed rgb(106 76 200 / 65%);
  }
  .comment-highlight.comment-active {
    background: rgb(255 190 0 / 55%);
    border-bottom-color: #b07800;
  }
  .comment-highlight.comment-suggestion.comment-active {
    background: rgb(106 76 200 / 28%);
    border-bottom-color: #4b2fa0;
  }
  /*
   * The committee's internal threads (discussion-anchors.ts): green, apart from the
   * organisations' yellow; an answered or resolved thread fades to a faint underline.
   */
  .discussion-highlight {
    background: rgb(61 143 122 / 20%);
    border-bottom: 2px solid rgb(61 143 122 / 70%);
    cursor: pointer;
    transition:
      background-color 0.6s,
      border-color 0.6s;
  }
  .discussion-highlight.discussion-settled {
    background: transparent;
    border-bottom: 1px dotted rgb(61 143 122 / 45%);
  }
  .discussion-highlight.discussion-active {
    background: rgb(61 143 122 / 38%);
    border-bottom: 2px solid #22614f;
  }
  /*
   * Remote carets (remote-carets.ts): a thin coloured bar; the name shows above it when the
   * caret moves and fades a few seconds later (caret-labels.ts), so it does not keep covering
   * the line above. Neither takes the pointer: a click goes to the text under them.
   */
  .collaboration-carets__caret {
    position: relative;
    margin-left: -1px;
    margin-right: -1px;
    border-left: 1px solid;
    border-right: 1px solid;
    word-break: normal;
    pointer-events: none;
  }
  .collaboration-carets__label {
    position: absolute;
    top: -1.35em;
    left: -1px;
    padding: 1px 5px;
    border-radius: 3px 3px 3px 0;
    color: #fff;
    font: 600 11px/1.3 var(--vk-font);
    font-style: normal;
    text-indent: 0;
    white-space: nowrap;
    user-select: none;
    opacity: 0;
    visibility: hidden;
    transition:
      opacity 0.6s ease,
      visibility 0s linear 0.6s;
  }
  .collaboration-carets__caret.is-labelled .collaboration-carets__label {
    opacity: 1;
    visibility: visible;
    transition: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .collaboration-carets__label {
      transition: none;
    }
  }
  /* Find matches (find-replace.ts): all of them tinted, the current one outlined. */
  .find-match {
    background: rgb(255 170 0 / 35%);
  }
  .find-match.find-current {
    background: rgb(255 140 0 / 60%);
    outline: 2px solid #c25e00;
  }
  ${tableStyles}
  ${suggestionStyles}
`;
