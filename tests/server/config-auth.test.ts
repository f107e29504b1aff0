import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('identity configuration', () => {
  it('allows the public origin (and 127.0.0.1 when unconfigured) and makes https cookies secure', () => {
    expect(loadConfig({ PORT: '3000' }).auth).toMatchObject({
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
    });
    const https = loadConfig({
      PUBLIC_URL: 'https://vankien.example.vn/',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example/x',
    });
    expect(https.auth.secureCookies).toBe(true);
    expect(https.auth.allowedOrigins).toEqual([
      'https://vankien.example.vn',
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('refuses a bad PUBLIC_URL, ALLOWED_ORIGINS entry or demo password with one line naming the variable', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/^Invalid configuration: PUBLIC_URL=/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'not a url' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ VANKIEN_DEMO_PASSWORD: 'short' })).toThrow(/VANKIEN_DEMO_PASSWORD/);
    expect(() => loadConfig({ VANKIEN_DEMO: 'yes' })).toThrow(/VANKIEN_DEMO=/);
  });
});
