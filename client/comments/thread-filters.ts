import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { DISPOSITIONS, type CommentKind, type Disposition } from '../../shared/api/comments.ts';
import { dispositionLabel, kindLabel } from './comment-labels.ts';
import type { CommentThread } from './comments-controller.ts';

/** The sidebar's filters; '' means any. */
export interface ThreadFilters {
  section: string;
  org: string;
  kind: '' | CommentKind;
  /** A disposition, or `none` for comments not answered yet. */
  disposition: '' | Disposition | 'none';
}

/** No filter at all. */
export const NO_FILTERS: ThreadFilters = { section: '', org: '', kind: '', disposition: '' };

/** Whether a thread passes the filters. */
export function matches(thread: CommentThread, f: ThreadFilters): boolean {
  const { root } = thread;
  if (f.section !== '' && (root.anchor?.sectionId ?? '') !== f.section) return false;
  if (f.org !== '' && String(root.orgId) !== f.org) return false;
  if (f.kind !== '' && root.kind !== f.kind) return false;
  if (f.disposition === 'none') return root.disposition === null;
  return f.disposition === '' || root.disposition?.value === f.disposition;
}

/** The filter bar: sections and organisations that have comments, kinds, answers. */
export function renderFilters(
  threads: readonly CommentThread[],
  sectionTitles: ReadonlyMap<string, string>,
  f: ThreadFilters,
  change: (next: ThreadFilters) => void,
) {
  const sections = [...new Set(threads.map((t) => t.root.anchor?.sectionId ?? ''))].filter((id) => id !== '');
  const orgs = new Map(threads.map((t) => [String(t.root.orgId), t.root.orgName]));
  const pick = (key: keyof ThreadFilters) => (e: Event) =>
    change({ ...f, [key]: (e.target as HTMLSelectElement).value });
  return html`<div class="filters" role="group" aria-label=${msg('Lọc góp ý')}>
    <select aria-label=${msg('Lọc theo mục')} @change=${pick('section')}>
      <option value="" ?selected=${f.section === ''}>${msg('Mọi mục')}</option>
      ${sections.map(
        (id) =>
          html`<option value=${id} ?selected=${f.section === id}>${sectionTitles.get(id) ?? id}</option>`,
      )}
    </select>
    ${
      orgs.size > 1
        ? html`<select aria-label=${msg('Lọc theo tổ chức')} @change=${pick('org')}>
            <option value="" ?selected=${f.org === ''}>${msg(str`Mọi tổ chức (${orgs.size})`)}</option>
            ${[...orgs].map(([id, name]) => html`<option value=${id} ?selected=${f.org === id}>${name}</option>`)}
          </select>`
        : ''
    }
    <select aria-label=${msg('Lọc theo loại')} @change=${pick('kind')}>
      <option value="" ?selected=${f.kind === ''}>${msg('Mọi loại')}</option>
      <option value="comment" ?selected=${f.kind === 'comment'}>${kindLabel('comment')}</option>
      <option value="suggestion" ?selected=${f.kind === 'suggestion'}>${kindLabel('suggestion')}</option>
    </select>
    <select aria-label=${msg('Lọc theo trả lời')} @change=${pick('disposition')}>
      <option value="" ?selected=${f.disposition === ''}>${msg('Mọi trạng thái')}</option>
      <option value="none" ?selected=${f.disposition === 'none'}>${msg('Chưa trả lời')}</option>
      ${DISPOSITIONS.map(
        (d) => html`<option value=${d} ?selected=${f.disposition === d}>${dispositionLabel(d)}</option>`,
      )}
    </select>
  </div>`;
}
