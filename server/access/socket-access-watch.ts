import { isWeaker } from '../../shared/access.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Logger } from '../logger.ts';
import type { AccessEpoch } from './access-epoch.ts';
import type { AccessService } from './access.service.ts';
import type { DraftAccess } from '../../shared/access.ts';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../time/clock.ts';

/**
 * What an open socket or event stream was granted: its credential and, for a draft's, the
 * access it opened with (a user's own stream, such as notifications, has no draft).
 */
export interface WatchGrant {
  readonly principal: Principal;
  readonly draftId: string | null;
  readonly access: DraftAccess | null;
}

/** An open socket or event stream as the watch sees it. */
export interface WatchedSocket {
  end(code: ErrorCode, detail: string): void;
}

/** Registers an open socket or stream with the watch; returns the function that stops watching it. */
export type StreamWatch = (socket: WatchedSocket, grant: WatchGrant) => () => void;

/** Sessions of open sockets count as active this often (idle expiry never hits a user who is typing). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Keeps open sockets (and the server-sent event streams of pages) in step with rights (R8, R10): every `intervalMs` it closes sockets whose
 * credential has passed its absolute expiry, and when the access epoch has moved (a role,
 * user, token or session changed, in this process or through the CLI) it re-checks each
 * socket's credential and access: an ended credential closes with 4401 and lost access with
 * 4403 (the stock client stops), reduced access with 4500 (it reconnects, read-only).
 */
export class SocketAccessWatch {
  private readonly sockets = new Map<WatchedSocket, WatchGrant>();
  private timer: NodeJS.Timeout | null = null;
  private epoch = -1;
  private lastTouch = this.deps.clock.now();
  private running = false;
  /** Callers of `nextCheck` waiting for a check to start, and those whose check is running. */
  private waiting: (() => void)[] = [];
  private inCheck: (() => void)[] = [];

  constructor(
    private readonly deps: {
      readonly auth: AuthService;
      readonly access: AccessService;
      readonly epoch: AccessEpoch;
      readonly clock: Clock;
      readonly touchSessions: (idHashes: readonly string[]) => Promise<void>;
      readonly intervalMs: number;
      readonly log: Logger;
    },
  ) {}

  /** Starts watching a socket; returns the function that stops it (call on close). */
  watch(socket: WatchedSocket, grant: WatchGrant): () => void {
    this.sockets.set(socket, grant);
    if (this.timer === null) this.start();
    return () => this.sockets.delete(socket);
  }

  /**
   * Resolves once a check that started after this call has finished: by then every change to
   * rights or sessions made before the call has been applied to the open sockets (tests wait for
   * this instead of sleeping for an interval). Checks run only while some socket is watched.
   */
  nextCheck(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Stops the timer (shutdown). */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private start(): void {
    void this.deps.epoch.read().then((value) => (this.epoch = Math.max(this.epoch, value)));
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      [this.inCheck, this.waiting] = [this.waiting, []];
      this.tick()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'socket access check failed'))
        .finally(() => {
          this.running = false;
          for (const resolve of this.inCheck.splice(0)) resolve();
        });
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const now = this.deps.clock.now();
    for (const [socket, grant] of this.sockets) {
      const end = grant.principal.expiresAt;
      if (end !== null && end <= now) this.close(socket, 'session_ended', 'credential expired');
    }
    const epoch = await this.deps.epoch.read();
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      await this.recheckAll();
    }
    if (now - this.lastTouch >= TOUCH_EVERY_MS) {
      this.lastTouch = now;
      const sessions = new Set<string>();
      for (const { principal } of this.sockets.values())
        if (principal.credential.kind === 'session') sessions.add(principal.credential.id);
      await this.deps.touchSessions([...sessions]);
    }
  }

  private async recheckAll(): Promise<void> {
    // Many sockets share a credential or a (user, draft) pair: ask once for each.
    const credentials = new Map<string, Promise<Principal | null>>();
    const rights = new Map<string, ReturnType<AccessService['resolve']>>();
    for (const [socket, grant] of [...this.sockets]) {
      const { principal, draftId } = grant;
      const credentialKey = `${principal.credential.kind}:${principal.credential.id}`;
      if (!credentials.has(credentialKey)) credentials.set(credentialKey, this.deps.auth.recheck(principal));
      const current = await credentials.get(credentialKey);
      if (current == null) {
        this.close(socket, 'session_ended', 'signed out, expired or revoked');
        continue;
      }
      // A session given a new id (R10): the socket follows it, before its old id is let go.
      if (current.credential.id !== principal.credential.id && this.sockets.has(socket))
        this.sockets.set(socket, { ...grant, principal: current });
      if (draftId === null) continue;
      const rightsKey = `${principal.userId}:${draftId}`;
      if (!rights.has(rightsKey))
        rights.set(rightsKey, this.deps.access.resolveText(principal.userId, draftId));
      const access = await rights.get(rightsKey)!;
      if (access === null) this.close(socket, 'access_revoked', 'no access to the draft any more');
      else if (grant.access !== null && isWeaker(access, grant.access))
        this.close(socket, 'access_changed', 'access to the draft was reduced');
    }
  }

  private close(socket: WatchedSocket, code: ErrorCode, detail: string): void {
    if (!this.sockets.delete(socket)) return;
    socket.end(code, detail);
  }
}
