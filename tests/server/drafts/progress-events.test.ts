import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { writeInSection } from './draft-text-helpers.ts';

const bed = useTestbed();
type Progress = { sections: { id: string; words: number }[] };

/** Reads server-sent `progress` events from a response body, one at a time. */
function progressEvents(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(): Promise<Progress> {
      for (;;) {
        const match = /event: progress\ndata: (.*)\n\n/.exec(buffer);
        if (match !== null) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as Progress;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('progress events', () => {
  it('an open page receives the progress at once and again after a stock client types', async () => {
    const server = await bed.start();
    const token = server.workspace.users.reader.token; // a bloc admin follows the unit's draft
    const created = await api(server, '/drafts', {
      token: server.workspace.users.editor.token,
      body: { templateId: 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030' },
    });
    const { id } = (await created.json()) as { id: string };
    const response = await api(server, `/drafts/${id}/events`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = progressEvents(response);
    try {
      const first = await events.next();
      expect(first.sections.find((s) => s.id === 'p2-du-bao')?.words).toBe(0);
      const writer = bed.connect(id);
      await writer.synced();
      writeInSection(writer.doc, 'p2-du-bao', 'Dự báo tình hình có nhiều thuận lợi');
      const next = await events.next();
      expect(next.sections.find((s) => s.id === 'p2-du-bao')?.words).toBe(8);
    } finally {
      await events.cancel();
    }
  });

  it('pages open on one draft share its updates; one page leaving does not stop the others', async () => {
    const server = await bed.start();
    const { editor, reader } = server.workspace.users;
    const created = await api(server, '/drafts', {
      token: editor.token,
      body: { templateId: 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030' },
    });
    const { id } = (await created.json()) as { id: string };
    const open = async (token: string) => {
      const events = progressEvents(await api(server, `/drafts/${id}/events`, { token }));
      await events.next();
      return events;
    };
    const [a, b] = await Promise.all([open(editor.token), open(reader.token)]);
    try {
      const writer = bed.connect(id);
      await writer.synced();
      writeInSection(writer.doc, 'p2-du-bao', 'Hai trang cùng theo dõi');
      const words = (p: Progress) => p.sections.find((s) => s.id === 'p2-du-bao')?.words;
      expect(words(await a.next())).toBe(5);
      expect(words(await b.next())).toBe(5);
      await a.cancel();
      writeInSection(writer.doc, 'p2-du-bao', ' bản nháp');
      expect(words(await b.next())).toBe(7);
    } finally {
      await b.cancel();
    }
  });

  it("another unit's draft gives 404, not a stream", async () => {
    const server = await bed.start();
    const theirs = server.workspace.draft('theirs', server.workspace.orgs.otherUnit);
    const response = await api(server, `/drafts/${theirs}/events`, {
      token: server.workspace.users.editor.token,
    });
    expect(response.status).toBe(404);
  });
});
