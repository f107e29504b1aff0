import { closeCodeFor } from '../../../shared/collab/close-codes.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { Logger } from '../../logger.ts';
import { CollabError } from './collab-error.ts';
import type { Member } from './member.ts';
import type { Peer } from './peer.ts';
import { decodeMessage, ProtocolError, type InboundMessage } from './protocol.ts';
import type { Room } from './room.ts';
import type { RoomRegistry } from './room-registry.ts';
import { TokenBucket } from './token-bucket.ts';

/** Per-connection limits (R4, R5). */
export interface ConnectionLimits {
  readonly messagesPerSecond: number;
  readonly messagesBurst: number;
  readonly bytesPerSecond: number;
  readonly bytesBurst: number;
  readonly syncTimeoutMs: number;
}

/**
 * The policy around one socket: rate limits, the sync-step-1 deadline, buffering while the
 * room loads, and turning every refusal into a close of this connection only. Messages are
 * decoded here, so a malformed one never reaches a room.
 */
export class Connection {
  private room: Room | null = null;
  private queue: InboundMessage[] = [];
  private closed = false;
  private syncTimer: NodeJS.Timeout | null;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(
    private readonly peer: Peer,
    private readonly roomName: string,
    member: Member,
    private readonly registry: RoomRegistry,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messagesBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.bytesBurst);
    this.syncTimer = setTimeout(
      () => this.refuse(new CollabError('sync_timeout', `no sync step 1 within ${limits.syncTimeoutMs} ms`)),
      limits.syncTimeoutMs,
    );
    this.syncTimer.unref();
    this.registry.join(roomName, peer, member).then(
      (room) => this.attach(room),
      (error: unknown) => this.refuse(error),
    );
  }

  /** Handles one WebSocket message (binary; a text frame is a protocol violation). */
  receive(data: Uint8Array | string): void {
    if (this.closed) return;
    try {
      const size = typeof data === 'string' ? data.length : data.byteLength;
      if (!this.messages.take(1)) throw new CollabError('rate_limited', 'too many messages per second');
      if (!this.bytes.take(size)) throw new CollabError('rate_limited', 'too many bytes per second');
      if (typeof data === 'string')
        throw new CollabError('malformed_message', 'text frames are not part of the protocol');
      const message = decodeMessage(data);
      if (message.kind === 'sync-step1' && this.syncTimer !== null) {
        clearTimeout(this.syncTimer);
        this.syncTimer = null;
      }
      if (this.room === null) this.queue.push(message);
      else this.room.receive(this.peer, message);
    } catch (error) {
      this.refuse(error);
    }
  }

  /** Whether the socket has closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Ends the connection from the server side, e.g. when its session ended. */
  end(code: ErrorCode, detail: string): void {
    this.refuse(new CollabError(code, detail));
  }

  /** The socket is gone (for whatever reason): leave the room, stop timers. */
  onClose(): void {
    if (this.syncTimer !== null) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    this.closed = true;
    this.queue = [];
    this.room?.leave(this.peer);
  }

  private attach(room: Room): void {
    if (this.closed) {
      room.leave(this.peer);
      return;
    }
    this.room = room;
    const queued = this.queue;
    this.queue = [];
    try {
      for (const message of queued) room.receive(this.peer, message);
    } catch (error) {
      this.refuse(error);
    }
  }

  /** Logs the refusal once, with its reason, and closes this connection only. */
  private refuse(error: unknown): void {
    if (this.closed) return;
    const known = error instanceof CollabError || error instanceof ProtocolError;
    const code = error instanceof CollabError ? error.code : known ? 'malformed_message' : 'internal_error';
    const detail = error instanceof CollabError ? error.detail : (error as Error).message;
    const fields = { room: this.roomName, peer: this.peer.id, code, detail };
    if (known) this.log.warn(fields, 'collab connection refused');
    else this.log.error({ ...fields, err: error }, 'collab connection failed');
    this.peer.close(closeCodeFor(code), code);
    this.onClose();
  }
}
