import { describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../../server/users/password.ts';
import { LoginThrottle } from '../../../server/auth/login-throttle.ts';
import { MemoryWindowCounter } from '../../../server/limits/window-counter.ts';
import { ManualClock } from '../../helpers/manual-clock.ts';

describe('password hashing', () => {
  it('stores argon2id with OWASP parameters and a random salt per password', async () => {
    const hasher = new PasswordHasher();
    const [a, b] = await Promise.all([hasher.hash('Mật khẩu dài 123'), hasher.hash('Mật khẩu dài 123')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'Mật khẩu dài 123')).toBe(true);
    expect(await hasher.verify(a, 'mật khẩu dài 123')).toBe(false);
    expect(hasher.needsRehash(a)).toBe(false);
  });

  it('asks for a re-hash of weaker hashes and treats an unparsable one as a mismatch', async () => {
    const hasher = new PasswordHasher();
    expect(hasher.needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(await hasher.verify('not-a-hash', 'whatever')).toBe(false);
  });
});

describe('the sign-in throttle', () => {
  it('blocks an account after its failures, an address after four times as many, until the window ends', async () => {
    const clock = new ManualClock(1_000_000);
    const throttle = new LoginThrottle(2, 60_000, new MemoryWindowCounter(clock), clock);
    await throttle.fail('an', '10.0.0.1');
    expect(await throttle.retryAfterS('an', '10.0.0.1')).toBe(0);
    await throttle.fail('an', '10.0.0.1');
    expect(await throttle.retryAfterS('an', '10.0.0.2')).toBe(60);
    for (let i = 0; i < 8; i++) await throttle.fail(`user${i}`, '10.0.0.9');
    expect(await throttle.retryAfterS('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(await throttle.retryAfterS('someone-else', '10.0.0.3')).toBe(0);
    clock.advance(60_000);
    expect(await throttle.retryAfterS('an', '10.0.0.2')).toBe(0);
  });

  it('clears an account after a successful sign-in', async () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(2, 60_000, new MemoryWindowCounter(clock), clock);
    await throttle.fail('an', '10.0.0.1');
    await throttle.succeed('an');
    await throttle.fail('an', '10.0.0.1');
    expect(await throttle.retryAfterS('an', '10.0.0.1')).toBe(0);
  });
});
