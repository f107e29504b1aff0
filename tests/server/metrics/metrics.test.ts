// /metrics through a real server: off unless configured, guarded by its token, and counting
// the edits of stock y-websocket clients.
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/test-server.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitFor } from '../../helpers/wait.ts';

const bed = useTestbed();
const TOKEN = 'metrics-token-for-tests-0123456789';

const scrape = (server: TestServer, authorization?: string) =>
  fetch(`${server.httpUrl}/metrics`, {
    headers: authorization === undefined ? {} : { authorization },
  });

/** The value of an unlabelled sample in the exposition text. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no sample ${name} in\n${text}`);
  return Number(line.slice(name.length + 1));
}

describe('/metrics', () => {
  it('is not there (404) when no METRICS_TOKEN is configured', async () => {
    const server = await bed.start();
    expect((await scrape(server)).status).toBe(404);
    expect((await scrape(server, 'Bearer anything-at-all-here')).status).toBe(404);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const server = await bed.start({ METRICS_TOKEN: TOKEN });
    expect((await scrape(server)).status).toBe(401);
    expect((await scrape(server, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(server, TOKEN)).status).toBe(401);
  });

  it('counts connections, rooms, updates and commits after some edits, in Prometheus text', async () => {
    const server = await bed.start({ METRICS_TOKEN: TOKEN });
    const [a, b] = [bed.connect('metrics-room'), bed.connect('metrics-room', { as: 'coeditor' })];
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 5; i++) a.type(`chữ ${i} `);
    // b receives an update only after it was committed.
    await waitFor(() => b.text() === a.text(), 'the edits at the other client');

    const response = await scrape(server, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    expect(sample(text, 'vankien_collab_connections')).toBe(2);
    expect(sample(text, 'vankien_collab_rooms_loaded')).toBe(1);
    expect(sample(text, 'vankien_collab_updates_total')).toBeGreaterThanOrEqual(5);
    const commits = sample(text, 'vankien_collab_commits_total');
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'vankien_collab_commit_duration_seconds_count')).toBe(commits);
    expect(text).toContain('# TYPE vankien_collab_commit_duration_seconds histogram');
    expect(text).toMatch(/^vankien_collab_commit_duration_seconds_bucket\{le="\+Inf"\} \d+$/m);
    // Each edit was checked, waited for its commit, and was relayed (several may share one relay).
    expect(sample(text, 'vankien_collab_validate_seconds_count')).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'vankien_collab_commit_wait_seconds_count')).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'vankien_collab_relay_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^vankien_event_loop_delay_seconds\{quantile="0.99"\} [\d.e-]+$/m);
    expect(sample(text, 'vankien_export_queue_length')).toBe(0);
  });
});
