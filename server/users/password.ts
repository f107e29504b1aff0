import { hash, verify, type Options } from '@node-rs/argon2';

/** OWASP's argon2id minimum: m = 19 MiB, t = 2, p = 1 (R12). */
// 2 is Algorithm.Argon2id: a const enum, which isolated modules cannot import.
const PARAMS = {
  algorithm: 2 as Options['algorithm'],
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;
const PHC_PARAMS = `$argon2id$v=19$m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}$`;
/** At most this many hashes at once: each takes 19 MiB and a thread (R12). */
const MAX_CONCURRENT = 4;

/** Hashes and verifies passwords, never more than four at a time. */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** A real hash of a random password, verified against when a username is unknown (same timing). */
  private dummy: Promise<string> | null = null;

  /** The PHC string to store for `password`. */
  async hash(password: string): Promise<string> {
    return this.limited(() => hash(password, PARAMS));
  }

  /** Whether `password` matches the stored hash (constant-time compare inside argon2). */
  async verify(stored: string, password: string): Promise<boolean> {
    return this.limited(async () => {
      try {
        return await verify(stored, password);
      } catch {
        return false; // unparsable stored hash: treat as a mismatch, never as a crash
      }
    });
  }

  /** Spends the same time as a real verification, for unknown usernames. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash(crypto.randomUUID());
    await this.verify(await this.dummy, password);
    return false;
  }

  /** Whether a stored hash was made with other parameters and should be re-hashed at sign-in. */
  needsRehash(stored: string): boolean {
    return !stored.startsWith(PHC_PARAMS);
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    while (this.running >= MAX_CONCURRENT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
