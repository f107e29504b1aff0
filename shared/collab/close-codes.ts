import type { ErrorCode } from '../errors.ts';

/**
 * WebSocket close codes used on /collab (RFC 6455 §7.4.1 plus 4xxx application codes).
 * The one place where collaboration error codes become close codes.
 */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  ProtocolError: 1002,
  UnsupportedData: 1003,
  PolicyViolation: 1008,
  MessageTooBig: 1009,
  InternalError: 1011,
  TryAgainLater: 1013,
  /** The session or token behind the socket ended (signed out, expired, revoked); sign in again. */
  SessionEnded: 4401,
  /** The user lost all access to the draft. 44xx: the stock client does not reconnect. */
  AccessRevoked: 4403,
  /**
   * An update would put content the editor cannot show into the draft (unknown node, mark or
   * attribute, too deep, another top-level type). 44xx: the stock client must not reconnect
   * and resend the same update forever.
   */
  ContentRejected: 4422,
  /** The user's rights were reduced but they may still read; 45xx: the stock client reconnects, read-only. */
  AccessChanged: 4500,
} as const;

/** A close code value from {@link CloseCode}. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

const byError: Partial<Record<ErrorCode, CloseCodeValue>> = {
  malformed_message: CloseCode.ProtocolError,
  invalid_update: CloseCode.UnsupportedData,
  rate_limited: CloseCode.PolicyViolation,
  too_many_connections: CloseCode.PolicyViolation,
  sync_timeout: CloseCode.PolicyViolation,
  message_too_big: CloseCode.MessageTooBig,
  slow_consumer: CloseCode.TryAgainLater,
  server_shutdown: CloseCode.GoingAway,
  room_unavailable: CloseCode.TryAgainLater,
  session_ended: CloseCode.SessionEnded,
  access_revoked: CloseCode.AccessRevoked,
  access_changed: CloseCode.AccessChanged,
  client_id_owned: CloseCode.UnsupportedData,
  invalid_content: CloseCode.ContentRejected,
};

/** The close code a connection ends with for a given error code (1011 if unmapped). */
export function closeCodeFor(code: ErrorCode): CloseCodeValue {
  return byError[code] ?? CloseCode.InternalError;
}
