import { describe, expect, it } from 'vitest';
import { EXPORT_LIMITS } from '../../../shared/limits.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { exportDraft, writeRuns } from './export-helpers.ts';

const bed = useTestbed();

describe('exports render on a bounded pool of worker threads', () => {
  it('with the one render slot taken and no queue, an export is refused with 503 export_busy and Retry-After, and costs no budget', async () => {
    const { server, id, writer } = await exportDraft(bed, { EXPORT_WORKERS: '1', EXPORT_QUEUE: '0' });
    writeRuns(writer.doc, 'p1-chi-tieu', [{ text: 'Đạt và vượt 12/14 chỉ tiêu. '.repeat(400) }]);
    await writer.flushed();
    const token = server.workspace.users.editor.token;
    const get = (format: string) => api(server, `/drafts/${id}/export?format=${format}`, { token });
    // Four PDFs at once: the first takes the slot for its whole render, the others find it taken.
    const burst = await Promise.all([get('pdf'), get('pdf'), get('pdf'), get('pdf')]);
    const served = burst.filter((r) => r.status === 200);
    const busy = burst.filter((r) => r.status === 503);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(served.length + busy.length).toBe(4);
    for (const response of busy) {
      expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(await response.json()).toEqual({
        error: { code: 'export_busy', message: expect.stringContaining('busy') as string },
      });
    }
    expect(new TextDecoder().decode((await served[0]!.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    // Once the slot is free exports are served again, and only the served ones spent the budget.
    let more = 0;
    while ((await get('md')).status === 200) more++;
    expect(served.length + more).toBe(EXPORT_LIMITS.perWindow);
  });

  it('exports queued behind a busy worker wait their turn and each comes out whole', async () => {
    const { server, id, writer } = await exportDraft(bed, { EXPORT_WORKERS: '1', EXPORT_QUEUE: '3' });
    writeRuns(writer.doc, 'p1-chi-tieu', [{ text: 'Thu nhập bình quân tăng 8,5% mỗi năm.' }]);
    await writer.flushed();
    const token = server.workspace.users.editor.token;
    const get = () => api(server, `/drafts/${id}/export?format=html`, { token });
    const first = await (await get()).text();
    const burst = await Promise.all([get(), get(), get(), get()]);
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const bodies = await Promise.all(burst.map((r) => r.text()));
    expect(bodies.every((b) => b === first)).toBe(true);
    expect(first).toContain('Thu nhập bình quân tăng 8,5% mỗi năm.');
  });
});
