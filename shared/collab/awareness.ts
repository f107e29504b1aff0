/**
 * Presence fields the server owns. Whatever a client puts in `user` of its awareness state
 * is replaced by these, taken from its session (R9).
 */
export interface PresenceUser {
  readonly id: number;
  readonly name: string;
  readonly color: string;
}

/** Caret colours with enough contrast on white for the name label. */
const PALETTE = [
  '#b3261e',
  '#1b6ef3',
  '#0b8043',
  '#a142f4',
  '#e8710a',
  '#00838f',
  '#c2185b',
  '#5d4037',
  '#3949ab',
  '#558b2f',
  '#6d4c41',
  '#00695c',
] as const;

/** A user's caret colour: stable across sessions and devices. */
export function colorForUser(userId: number): string {
  return PALETTE[Math.abs(userId) % PALETTE.length]!;
}
