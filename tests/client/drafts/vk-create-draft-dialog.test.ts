import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { z } from 'zod';
import type { Draft } from '../../../shared/api/drafts.ts';
import type { TemplateList } from '../../../shared/api/templates.ts';
import { DraftCreatedEvent } from '../../../client/drafts/vk-create-draft-dialog.ts';
import {
  captureEvents,
  deferred,
  dialogControls,
  eventually,
  find,
  findAll,
  json,
  mount,
  stubFetch,
  textOf,
  type Route,
} from '../fixture.ts';
import { draft } from '../rounds-data.ts';

/** `GET /api/templates`: the newest version of each template. */
const TEMPLATES: z.infer<typeof TemplateList> = {
  templates: [
    {
      id: 'bao-cao-chinh-tri',
      version: 2,
      title: 'Báo cáo chính trị',
      documentType: 'BC',
      level: 'unit',
      term: '2025-2030',
      sectionCount: 14,
    },
    {
      id: 'bao-cao-chi-bo',
      version: 1,
      title: 'Báo cáo chính trị chi bộ',
      documentType: 'BC',
      level: 'branch',
      term: '2025-2027',
      sectionCount: 6,
    },
  ],
};

/** What `POST /api/drafts` answers (201) for the draft created below. */
const CREATED: Draft = draft({
  id: 'k3f9x2',
  title: 'Báo cáo chính trị chi bộ',
  status: 'drafting',
  templateId: 'bao-cao-chi-bo',
  templateVersion: 1,
  header: { place: 'Hà Nội', congressOrdinal: 14, term: '2025-2027' },
});

/** The API as the dialog sees it: templates to list, and `create` answering `POST /api/drafts`. */
function api(create: Route = () => json(201, CREATED)) {
  return stubFetch((r) => {
    if (r.method === 'GET' && r.path === '/api/templates') return json(200, TEMPLATES);
    if (r.method === 'POST' && r.path === '/api/drafts') return create(r);
    return undefined;
  });
}

async function openDialog() {
  const dialog = await mount('vk-create-draft-dialog');
  await dialog.show();
  await dialog.updateComplete;
  return { dialog, ...dialogControls(dialog) };
}

describe('vk-create-draft-dialog', () => {
  it('opens as a modal dialog listing the templates with their versions', async () => {
    api();
    const { dialog, modal } = await openDialog();

    expect(modal.open).toBe(true);
    expect(modal.matches(':modal')).toBe(true);
    expect(textOf(find(dialog, '#title'))).toBe('Tạo dự thảo mới');
    expect(
      findAll<HTMLOptionElement>(dialog, 'select[name="templateId"] option').map((o) => [o.value, textOf(o)]),
    ).toEqual([
      ['bao-cao-chinh-tri', 'Báo cáo chính trị (v2)'],
      ['bao-cao-chi-bo', 'Báo cáo chính trị chi bộ (v1)'],
    ]);
  });

  it('loads the templates once, not on every opening', async () => {
    const sent = api();
    const { dialog, modal } = await openDialog();

    modal.close();
    await dialog.show();

    expect(sent.filter((r) => r.path === '/api/templates')).toHaveLength(1);
    expect(modal.open).toBe(true);
  });

  it('posts the chosen template and header as JSON, the congress number as a number, and announces the draft', async () => {
    const sent = api();
    const created = captureEvents(DraftCreatedEvent.type);
    const { dialog, modal, field, submit } = await openDialog();

    await userEvent.selectOptions(find<HTMLSelectElement>(dialog, 'select'), 'Báo cáo chính trị chi bộ (v1)');
    await userEvent.fill(field('superior'), 'ĐẢNG BỘ PHƯỜNG BA ĐÌNH');
    await userEvent.fill(field('issuer'), '  CHI BỘ KHU DÂN CƯ SỐ 3 ');
    await userEvent.fill(field('numberSymbol'), '01-BC/CB');
    await userEvent.fill(field('place'), 'Hà Nội');
    await userEvent.fill(field('date'), '2026-03-02');
    await userEvent.fill(field('congressOrdinal'), '14');
    await userEvent.fill(field('term'), '2025-2027');
    await submit();

    await eventually(() => expect(created).toHaveLength(1));
    const post = sent.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/drafts');
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(post?.body).toEqual({
      templateId: 'bao-cao-chi-bo',
      header: {
        superior: 'ĐẢNG BỘ PHƯỜNG BA ĐÌNH',
        issuer: 'CHI BỘ KHU DÂN CƯ SỐ 3',
        numberSymbol: '01-BC/CB',
        place: 'Hà Nội',
        date: '2026-03-02',
        congressOrdinal: 14,
        term: '2025-2027',
      },
    });
    expect(created[0]?.draft).toEqual(CREATED);
    expect(modal.open).toBe(false);
  });

  it('leaves blank fields out, so the template’s title and defaults apply', async () => {
    const sent = api();
    const { field, submit } = await openDialog();

    await userEvent.fill(field('title'), '   ');
    await submit();

    await eventually(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      templateId: 'bao-cao-chinh-tri',
      header: {},
    });
  });

  it('sends a title that was given, trimmed', async () => {
    const sent = api();
    const { field, submit } = await openDialog();

    await userEvent.fill(field('title'), ' Dự thảo Báo cáo chính trị lần 1 ');
    await submit();

    await eventually(() =>
      expect(sent.find((r) => r.method === 'POST')?.body).toMatchObject({
        title: 'Dự thảo Báo cáo chính trị lần 1',
      }),
    );
  });

  it('shows the server’s refusal and stays open when the header is invalid', async () => {
    api(() =>
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'header.numberSymbol: like 01-BC/ĐU',
          fields: ['numberSymbol'],
        },
      }),
    );
    const created = captureEvents(DraftCreatedEvent.type);
    const { modal, field, submit, alert } = await openDialog();

    await userEvent.fill(field('numberSymbol'), 'số 1');
    await submit();

    await eventually(() => expect(alert()).toBe('Thông tin nhập chưa hợp lệ. (Số, ký hiệu)'));
    expect(modal.open).toBe(true);
    expect(created).toEqual([]);
  });

  it('refuses a term not shaped like 2025-2030 before anything is sent', async () => {
    const sent = api();
    const { modal, field, submit } = await openDialog();

    await userEvent.fill(field('term'), '2025');
    await submit();

    expect(field('term').validity.patternMismatch).toBe(true);
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    expect(modal.open).toBe(true);
  });

  it('closes without creating anything when cancelled', async () => {
    const sent = api();
    const { dialog, modal } = await openDialog();

    await userEvent.click(
      findAll<HTMLButtonElement>(dialog, '.actions button').find((b) => textOf(b) === 'Hủy')!,
    );

    expect(modal.open).toBe(false);
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('clears an earlier error when opened again', async () => {
    api(() => json(403, { error: { code: 'forbidden', message: 'not a drafter' } }));
    const { dialog, modal, submit, alert } = await openDialog();
    await submit();
    await eventually(() => expect(alert()).toBe('Bạn không có quyền làm việc này.'));

    modal.close();
    await dialog.show();
    await dialog.updateComplete;

    expect(alert()).toBe('');
  });

  it('creates one draft however often the button is pressed while the request runs', async () => {
    const answer = deferred<Response>();
    const sent = api(() => answer.promise);
    const { dialog, submit } = await openDialog();

    await submit();
    await dialog.updateComplete;
    // The button is disabled now; a form submission by Enter is ignored as well.
    find<HTMLFormElement>(dialog, 'form').requestSubmit();
    answer.resolve(json(201, CREATED));

    await eventually(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
  });

  it('says so when the templates cannot be loaded', async () => {
    stubFetch(() => json(500, { error: { code: 'internal_error', message: 'boom' } }));
    const { alert } = await openDialog();

    expect(alert()).toBe('Đã có lỗi. Vui lòng thử lại.');
  });
});
