// Live page events across instances (issue 23): a page open on one instance hears what
// happens on another: progress from edits, assignments, and the user's notifications.
import { afterEach, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../helpers/cluster.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import { api } from '../../helpers/http-client.ts';
import { readEvents } from '../../helpers/sse.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
let cluster: TestCluster | null = null;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.stop();
  cluster = null;
});

type Progress = { sections: { id: string; words: number }[] };
const words = (progress: unknown, section: string) =>
  (progress as Progress).sections.find((s) => s.id === section)?.words;

it('a page open on one instance hears edits, assignments and notifications made on another', async () => {
  cluster = await startCluster(2);
  const [a, b] = cluster.instances as [TestServer, TestServer];
  const { secretary, editor, reader } = cluster.workspace.users;
  const created = await api(a, '/drafts', {
    token: secretary.token,
    body: { templateId: TEMPLATE, header: { congressOrdinal: 6, term: '2025-2030' } },
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const draftPage = readEvents(await api(b, `/drafts/${id}/events`, { token: reader.token }));
  const bell = readEvents(await api(b, '/notifications/events', { token: editor.token }));
  try {
    expect(words(await draftPage.next('progress'), 'p2-du-bao')).toBe(0);

    const assigned = await api(a, `/drafts/${id}/assignments/p1-chi-tieu`, {
      method: 'PUT',
      token: secretary.token,
      body: { userId: editor.id, due: '2099-12-31' },
    });
    expect(assigned.status).toBe(200);
    expect(await draftPage.next('assignments')).toMatchObject({ sectionId: 'p1-chi-tieu' });
    expect(await bell.next('notification')).toMatchObject({ kind: 'section_assigned', draftId: id });

    const writer = a.connect(id);
    clients.push(writer);
    await writer.synced();
    writeInSection(writer.doc, 'p2-du-bao', 'Dự báo tình hình có nhiều thuận lợi');
    let progress = await draftPage.next('progress');
    while (words(progress, 'p2-du-bao') !== 8) progress = await draftPage.next('progress');
    expect(words(progress, 'p2-du-bao')).toBe(8);
  } finally {
    await Promise.all([draftPage.cancel(), bell.cancel()]);
  }
});
