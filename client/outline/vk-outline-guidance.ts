import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SectionProgress } from '../../shared/api/progress.ts';
import type { TemplateSection } from '../../shared/templates/template.ts';
import { panelStyles } from '../styles/panel-styles.ts';
import { plural } from '../app/plural.ts';

/**
 * The guidance (hướng dẫn viết) of the section the cursor is in, with its expected length
 * beside the words written so far. Guidance never goes into the text; this is where it shows.
 */
@customElement('vk-outline-guidance')
@localized()
export class VkOutlineGuidance extends LitElement {
  static override styles = [
    panelStyles,
    css`
      h3 {
        font-size: 0.95rem;
        margin: 0 0 6px;
        line-height: 1.35;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 0 0 10px;
        font-size: 0.78rem;
      }
      .chip {
        border: 1px solid var(--vk-border);
        border-radius: 999px;
        padding: 0 8px;
        color: var(--vk-muted);
      }
      .chip.required {
        border-color: #e2bcbc;
        color: var(--vk-accent);
      }
      .chip.short {
        border-color: #e8cf9a;
        color: var(--vk-warn);
      }
      p.guidance {
        margin: 0;
        line-height: 1.55;
        white-space: pre-line;
      }
      p.none {
        color: var(--vk-muted);
        margin: 0;
      }
    `,
  ];

  /** The section under the cursor, or null. */
  @property({ attribute: false }) section: TemplateSection | null = null;
  /** Its live progress, if known. */
  @property({ attribute: false }) progress: SectionProgress | null = null;

  override render() {
    const section = this.section;
    const heading = html`<h2 id="guidance-title">${msg('Hướng dẫn viết')}</h2>`;
    if (section === null)
      return html`${heading}
        <p class="none">${msg('Đặt con trỏ vào một mục của dự thảo để xem hướng dẫn viết của mục đó.')}</p>`;
    const words = this.progress?.words ?? 0;
    const hint = section.lengthHint;
    const short = hint?.minWords !== undefined && words < hint.minWords;
    return html`${heading}
      <section aria-labelledby="guidance-title">
        <h3>${section.label ? `${section.label} ` : ''}${section.title}</h3>
        <p class="meta">
          ${section.required ? html`<span class="chip required">${msg('Bắt buộc')}</span>` : nothing}
          <span class="chip ${short ? 'short' : ''}"
            >${plural(
              words,
              msg(str`Đã viết ${words} chữ`, { id: 'words-written.one' }),
              msg(str`Đã viết ${words} chữ`, { id: 'words-written.other' }),
            )}</span
          >
          ${hint && lengthText(hint) !== '' ? html`<span class="chip">${lengthText(hint)}</span>` : nothing}
        </p>
        ${
          section.guidance
            ? html`<p class="guidance">${section.guidance}</p>`
            : html`<p class="none">${msg('Đề cương không có hướng dẫn riêng cho mục này.')}</p>`
        }
      </section>`;
  }
}

/** "50–250 chữ", "ít nhất 50 chữ" or "tối đa 250 chữ". */
function lengthText(hint: NonNullable<TemplateSection['lengthHint']>): string {
  const { minWords: min, maxWords: max } = hint;
  if (min !== undefined && max !== undefined) return msg(str`Gợi ý ${min}–${max} chữ`);
  if (min !== undefined) return msg(str`Gợi ý ít nhất ${min} chữ`);
  if (max !== undefined) return msg(str`Gợi ý tối đa ${max} chữ`);
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-outline-guidance': VkOutlineGuidance;
  }
}
