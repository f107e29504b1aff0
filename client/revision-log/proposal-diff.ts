import { diffArrays } from 'diff';
import { html, type TemplateResult } from 'lit';

/**
 * A suggestion's proposed wording against the quoted words, word by word: removed words struck
 * through, added ones underlined, so the committee reads the change, not two sentences.
 * Words are what spaces separate: "8,7%/năm" → "9,1%/năm" reads as one changed figure.
 */
export function proposalDiff(quote: string, replacement: string): TemplateResult {
  const parts = diffArrays(quote.split(/(\s+)/u), replacement.split(/(\s+)/u));
  return html`<span class="proposal"
    >${parts.map((p) => {
      const text = p.value.join('');
      return p.removed ? html`<del>${text}</del>` : p.added ? html`<ins>${text}</ins>` : text;
    })}</span
  >`;
}
