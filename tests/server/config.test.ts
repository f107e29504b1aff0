import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('defaults to port 3000 on 127.0.0.1 with data under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.collab.maxPayloadBytes).toBe(2 * 1024 * 1024);
    expect(config.collab.messagesPerSecond).toBe(100);
  });

  it('reads overrides and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '8080', HOST: '', MAX_PAYLOAD_BYTES: '1048576', ROOM_IDLE_MS: '5000' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.collab.maxPayloadBytes).toBe(1048576);
    expect(config.collab.roomIdleMs).toBe(5000);
  });

  it('reads the scale-out settings, never echoes a connection URL, and refuses Redis without PostgreSQL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app:s3cret@db.example:5432/vankien',
      DATABASE_POOL_SIZE: '25',
      REDIS_URL: 'redis://cache.example:6379',
    });
    expect(config.database).toMatchObject({
      url: 'postgres://app:s3cret@db.example:5432/vankien',
      poolSize: 25,
    });
    expect(config.redisUrl).toBe('redis://cache.example:6379');
    expect(loadConfig({}).database.url).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:s3cret@db/x' })).toThrow(/DATABASE_URL=\(hidden\)/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:s3cret@db/x' })).not.toThrow(/s3cret/);
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/set DATABASE_URL/);
  });

  it('sizes the export render pool to the machine, leaving a core to the event loop, unless told', () => {
    const workers = Math.max(1, Math.min(4, os.availableParallelism() - 1));
    expect(loadConfig({}).exports).toEqual({ workers, queue: 8 });
    expect(loadConfig({ EXPORT_WORKERS: '2', EXPORT_QUEUE: '0' }).exports).toEqual({ workers: 2, queue: 0 });
    expect(() => loadConfig({ EXPORT_WORKERS: '0' })).toThrow(/^Invalid configuration: EXPORT_WORKERS=/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_PAYLOAD_BYTES', '-1'],
    ['RATE_MSGS_PER_SEC', '1.5'],
  ])('a bad %s (%s) is refused with a message naming it', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`^Invalid configuration: ${key}=`));
  });

  it('the server stops at start-up with one readable line for a bad value', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT="not-a-port": /);
  });
});
