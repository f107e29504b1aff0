import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { TemplateSummary } from '../../../shared/api/templates.ts';
import '../../../client/admin/vk-templates-admin.ts';
import { section, template } from '../sections.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf, type Route } from '../fixture.ts';

type Summary = z.infer<typeof TemplateSummary>;

const UNIT: Summary = {
  id: 'bao-cao-chinh-tri',
  version: 1,
  title: 'Báo cáo chính trị',
  documentType: 'BC',
  level: 'unit',
  term: '2025-2030',
  sectionCount: 14,
};
const BRANCH: Summary = {
  id: 'bao-cao-chi-bo',
  version: 3,
  title: 'Báo cáo chính trị chi bộ',
  documentType: 'BC',
  level: 'branch',
  term: '2025-2027',
  sectionCount: 6,
};

/** The template file an admin imports: version 2 of the unit template. */
const FILE_CONTENT = {
  ...template([section('kinh-te', 'I.', 'Về phát triển kinh tế')]),
  version: 2,
};

/** The templates API over `templates`, with `importing` answering `POST /api/templates`. */
function api(templates: Summary[], importing: Route = () => undefined) {
  return stubFetch((r) => {
    if (r.method === 'GET' && r.path === '/api/templates') return json(200, { templates: [...templates] });
    if (r.method === 'POST' && r.path === '/api/templates') return importing(r);
    return undefined;
  });
}

async function templatesAdmin() {
  const admin = await mount('vk-templates-admin');
  await eventually(() => expect(findAll(admin, 'tbody tr').length).toBeGreaterThan(0));
  const input = find<HTMLInputElement>(admin, 'input[type="file"]');
  return {
    admin,
    input,
    /** Each row's cells as rendered (the title and the id below it are on separate lines). */
    rows: () =>
      findAll(admin, 'tbody tr').map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.innerText.trim().replace(/\s*\n\s*/g, ' | ')),
      ),
    /** Picks `content` as the file, as the browser's file chooser would. */
    choose: (content: string, name = 'bao-cao-chinh-tri.json') => {
      const files = new DataTransfer();
      files.items.add(new File([content], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    status: () => textOf(findAll(admin, '[role="status"]')[0]),
    alert: () => textOf(findAll(admin, '[role="alert"]')[0]),
  };
}

describe('vk-templates-admin', () => {
  it('lists each template’s newest version with its id, term and number of sections', async () => {
    api([UNIT, BRANCH]);
    const { rows } = await templatesAdmin();

    expect(rows()).toEqual([
      ['Báo cáo chính trị | bao-cao-chinh-tri', '1', '2025-2030', '14'],
      ['Báo cáo chính trị chi bộ | bao-cao-chi-bo', '3', '2025-2027', '6'],
    ]);
  });

  it('takes a JSON file through a labelled file input', async () => {
    api([UNIT]);
    const { input } = await templatesAdmin();

    expect(input.accept).toBe('application/json,.json');
    expect(input.getAttribute('aria-label')).toBe('Tệp đề cương');
  });

  it('posts the file’s JSON, says which version was imported and lists it', async () => {
    const templates = [UNIT];
    const sent = api(templates, () => {
      templates[0] = { ...UNIT, version: 2, sectionCount: 1 };
      return json(201, templates[0]);
    });
    const { input, rows, choose, status } = await templatesAdmin();

    choose(JSON.stringify(FILE_CONTENT, null, 2));

    await eventually(() => expect(status()).toBe('Đã nhập Báo cáo chính trị (phiên bản 2).'));
    const post = sent.find((r) => r.method === 'POST');
    expect(post?.headers.get('content-type')).toBe('application/json');
    expect(post?.body).toEqual(FILE_CONTENT);
    await eventually(() =>
      expect(rows()).toEqual([['Báo cáo chính trị | bao-cao-chinh-tri', '2', '2025-2030', '1']]),
    );
    // Cleared, so choosing the same file again imports it again.
    expect(input.value).toBe('');
  });

  it('says in the interface language where in the file the template is malformed', async () => {
    api([UNIT], () =>
      json(400, {
        error: { code: 'invalid_template', message: 'sections[0].id: duplicate section id "kinh-te"' },
      }),
    );
    const { admin, choose, alert } = await templatesAdmin();

    choose(JSON.stringify(FILE_CONTENT));

    await eventually(() => expect(alert()).toBe('Tệp đề cương không đúng cấu trúc ở sections[0].id.'));
    expect(find(admin, '[role="alert"]').className).toBe('error');
    expect(findAll(admin, 'form [role="status"]')).toEqual([]);
  });

  it('says a file that is not JSON is not valid, without sending it', async () => {
    const sent = api([UNIT]);
    const { input, choose, alert } = await templatesAdmin();

    choose('{ "id": "bao-cao-chinh-tri", ', 'bao-cao.json');

    await eventually(() => expect(alert()).toBe('Tệp không phải JSON hợp lệ.'));
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    expect(input.value).toBe('');
  });

  it('clears the earlier error when the next import works', async () => {
    let valid = false;
    api([UNIT], () =>
      valid
        ? json(201, { ...UNIT, version: 2 })
        : json(400, { error: { code: 'invalid_template', message: 'term: like 2025-2030' } }),
    );
    const { admin, choose, alert, status } = await templatesAdmin();

    choose(JSON.stringify(FILE_CONTENT));
    await eventually(() => expect(alert()).toBe('Tệp đề cương không đúng cấu trúc ở term.'));

    valid = true;
    choose(JSON.stringify(FILE_CONTENT));
    await eventually(() => expect(status()).toBe('Đã nhập Báo cáo chính trị (phiên bản 2).'));
    expect(findAll(admin, '[role="alert"]')).toEqual([]);
  });

  it('does nothing when the file choice is cancelled', async () => {
    const sent = api([UNIT]);
    const { admin, input } = await templatesAdmin();

    input.dispatchEvent(new Event('change', { bubbles: true }));
    await admin.updateComplete;

    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    expect(findAll(admin, 'form p')).toEqual([]);
  });
});
