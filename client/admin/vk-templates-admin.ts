import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { z } from 'zod';
import type { TemplateList } from '../../shared/api/templates.ts';
import { ApiError } from '../api/api-client.ts';
import { importTemplate, listTemplates } from './templates-api.ts';
import { errorMessage } from '../app/labels.ts';
import { adminStyles } from './admin-styles.ts';

/** Outline templates: the list, and importing a template or a newer version from a JSON file. */
@customElement('vk-templates-admin')
@localized()
export class VkTemplatesAdmin extends LitElement {
  static override styles = adminStyles;

  @state() private templates: z.infer<typeof TemplateList>['templates'] = [];
  @state() private message = '';
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.load().catch(() => (this.error = errorMessage('network_error')));
  }

  override render() {
    return html`<h2>${msg('Đề cương')}</h2>
      <table>
        <thead>
          <tr>
            <th>${msg('Tên đề cương')}</th>
            <th>${msg('Phiên bản')}</th>
            <th>${msg('Nhiệm kỳ')}</th>
            <th>${msg('Số mục')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.templates.map(
            (t) =>
              html`<tr>
                <td>${t.title}<br /><small>${t.id}</small></td>
                <td>${t.version}</td>
                <td>${t.term}</td>
                <td>${t.sectionCount}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form>
        <h3>${msg('Nhập đề cương từ tệp JSON')}</h3>
        <input
          type="file"
          accept="application/json,.json"
          aria-label=${msg('Tệp đề cương')}
          @change=${this.onFile}
        />
        ${this.message ? html`<p role="status">${this.message}</p>` : ''}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      </form>`;
  }

  private async load() {
    this.templates = (await listTemplates()).templates;
  }

  private async onFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    this.error = '';
    this.message = '';
    try {
      const body: unknown = JSON.parse(await file.text());
      const imported = await importTemplate(body);
      this.message = msg(str`Đã nhập ${imported.title} (phiên bản ${imported.version}).`);
      await this.load();
    } catch (error) {
      this.error =
        error instanceof ApiError
          ? templateRefusal(error)
          : error instanceof SyntaxError
            ? msg('Tệp không phải JSON hợp lệ.')
            : errorMessage('internal_error');
    } finally {
      input.value = '';
    }
  }
}

/**
 * A refused import in the interface language; for a malformed file, where in the file (the
 * JSON path, e.g. `sections[0].id`, which reads the same in any language).
 */
function templateRefusal(error: ApiError): string {
  if (error.code !== 'invalid_template') return errorMessage(error.code);
  const where = /^([\w.[\]]+):/.exec(error.message)?.[1];
  return where === undefined
    ? msg('Tệp đề cương không đúng cấu trúc.')
    : msg(str`Tệp đề cương không đúng cấu trúc ở ${where}.`);
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-templates-admin': VkTemplatesAdmin;
  }
}
