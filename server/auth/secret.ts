import { createHash, randomBytes } from 'node:crypto';

/** A new random secret: 32 bytes (256 bits) as base64url, with a prefix naming its use. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the database stores instead of a secret: its SHA-256, hex. A leaked table grants nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
