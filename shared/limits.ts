/** Default limits of the collaboration endpoint; the server may configure others. */
export const COLLAB_LIMITS = {
  /** Largest WebSocket message accepted (a frame header announcing more is refused). */
  maxPayloadBytes: 2 * 1024 * 1024,
  /** Sustained messages per second per connection, and the burst above it. */
  messagesPerSecond: 100,
  messagesBurst: 500,
  /** Sustained bytes per second per connection, and the burst above it. */
  bytesPerSecond: 1024 * 1024,
  bytesBurst: 4 * 1024 * 1024,
  /** A connection must send sync step 1 within this time after the upgrade. */
  syncTimeoutMs: 10_000,
} as const;
