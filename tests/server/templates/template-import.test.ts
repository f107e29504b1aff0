import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import { useTestApp } from '../../helpers/test-app.ts';
import { openCliHarness } from '../cli/cli-harness.ts';

const apps = useTestApp();
const shipped = JSON.parse(fs.readFileSync('templates/bao-cao-chinh-tri-chi-bo-2025-2027.json', 'utf8')) as {
  id: string;
  version: number;
  sections: { id: string; children: { id: string }[] }[];
};

describe('template import over REST', () => {
  it('a bloc admin imports a newer version; drafts keep the version they were made from', async () => {
    const server = await apps.start();
    const admin = server.workspace.users.reader.token;
    const editor = server.workspace.users.editor.token;
    const old = (await (
      await api(server, '/drafts', { token: editor, body: { templateId: shipped.id } })
    ).json()) as { id: string; templateVersion: number };
    expect(old.templateVersion).toBe(shipped.version);
    const next = { ...shipped, version: shipped.version + 1, title: 'Đề cương (bản sửa đổi)' };
    const imported = await api(server, '/templates', { token: admin, body: next });
    expect(imported.status).toBe(201);
    const detail = (await (await api(server, `/templates/${shipped.id}`, { token: editor })).json()) as {
      template: { version: number; title: string };
      versions: number[];
    };
    expect(detail.template).toMatchObject({ version: shipped.version + 1, title: 'Đề cương (bản sửa đổi)' });
    expect(detail.versions).toEqual([shipped.version + 1, shipped.version]);
    const draft = (await (await api(server, `/drafts/${old.id}`, { token: editor })).json()) as {
      templateVersion: number;
    };
    expect(draft.templateVersion).toBe(shipped.version);
    const list = (await (await api(server, '/templates', { token: editor })).json()) as {
      templates: { id: string }[];
    };
    expect(list.templates.map((t) => t.id).sort()).toEqual(
      fs
        .readdirSync('templates')
        .map((f) => f.replace('.json', ''))
        .sort(),
    );
  });

  it('refuses a malformed template naming the field at fault, an old version (409) and a non-admin (403)', async () => {
    const server = await apps.start();
    const admin = server.workspace.users.reader.token;
    const broken = structuredClone(shipped);
    broken.version = shipped.version + 1;
    broken.sections[0]!.children[1]!.id = broken.sections[0]!.children[0]!.id;
    const response = await api(server, '/templates', { token: admin, body: broken });
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_template');
    expect(error.message).toContain('sections[0].children[1].id');
    expect((await api(server, '/templates', { token: admin, body: shipped })).status).toBe(409);
    const drafter = await api(server, '/templates', {
      token: server.workspace.users.editor.token,
      body: { ...shipped, version: 3 },
    });
    expect(drafter.status).toBe(403);
  });
});

describe('template import from the CLI', () => {
  it('imports a file and lists it; a malformed file is refused with its path and the field', async () => {
    const cli = await openCliHarness();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-tpl-'));
    try {
      const good = path.join(dir, 'good.json');
      fs.writeFileSync(good, JSON.stringify(shipped));
      expect(await cli.run('template', 'import', good)).toMatchObject({
        code: 0,
        stdout: `${shipped.id} v${shipped.version}\n`,
      });
      expect((await cli.run('template', 'list')).stdout).toContain(shipped.id);
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ ...shipped, version: shipped.version + 1, level: 'province' }));
      const refused = await cli.run('template', 'import', bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(bad);
      expect(refused.stderr).toContain('level');
      const missing = await cli.run('template', 'import', path.join(dir, 'nope.json'));
      expect(missing.code).toBe(1);
    } finally {
      await cli.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
