/** How many collaboration sockets one user, and one network address, may hold open at once. */
export interface SocketQuotaLimits {
  readonly perUser: number;
  /** 0: no limit per address (behind a reverse proxy every user shares one). */
  readonly perIp: number;
  /** A socket heard nothing from (no message, no pong) for this long may be displaced by its user's fresh one. */
  readonly silentMs: number;
}

/** An open socket as the quota sees it. */
export interface QuotaHolder {
  /** When the socket last sent anything, message or pong (`performance.now()` time). */
  lastHeardAt(): number;
  /** Drops the socket; its place is already given back. */
  evict(): void;
}

interface Place {
  readonly holder: QuotaHolder;
  readonly release: () => void;
}

/**
 * Counts open collaboration sockets per user and per remote address (R4), so one account or
 * one machine cannot hold the server's sockets and memory hostage. A socket takes a place
 * when it opens and gives it back when it closes. A user at their limit whose oldest socket
 * has gone silent (a stuck tab, a dropped network) gets that socket's place instead of a
 * refusal, rather than being locked out until the ping timeout ends it (issue 18).
 */
export class SocketQuota {
  private readonly byUser = new Map<number, Set<Place>>();
  private readonly byIp = new Map<string, number>();

  constructor(
    private readonly limits: SocketQuotaLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** How many sockets one user may hold. */
  get perUser(): number {
    return this.limits.perUser;
  }

  /** Takes a place for a new socket; null when the user or the address already holds its limit. */
  take(userId: number, ip: string, holder: QuotaHolder): (() => void) | null {
    if (this.ipFull(ip)) return null;
    const places = this.byUser.get(userId) ?? new Set<Place>();
    if (places.size >= this.limits.perUser) {
      const silent = this.oldestSilent(places);
      if (silent === null) return null;
      silent.release();
      silent.holder.evict();
    }
    this.byUser.set(userId, places);
    this.byIp.set(ip, (this.byIp.get(ip) ?? 0) + 1);
    let released = false;
    const place: Place = {
      holder,
      release: () => {
        if (released) return;
        released = true;
        places.delete(place);
        if (places.size === 0 && this.byUser.get(userId) === places) this.byUser.delete(userId);
        const left = (this.byIp.get(ip) ?? 1) - 1;
        if (left <= 0) this.byIp.delete(ip);
        else this.byIp.set(ip, left);
      },
    };
    places.add(place);
    return place.release;
  }

  private ipFull(ip: string): boolean {
    return this.limits.perIp > 0 && (this.byIp.get(ip) ?? 0) >= this.limits.perIp;
  }

  /** The place whose socket was heard from longest ago, if that is at least `silentMs` ago. */
  private oldestSilent(places: Set<Place>): Place | null {
    const cutoff = this.now() - this.limits.silentMs;
    let oldest: Place | null = null;
    for (const place of places) {
      const heard = place.holder.lastHeardAt();
      if (heard <= cutoff && (oldest === null || heard < oldest.holder.lastHeardAt())) oldest = place;
    }
    return oldest;
  }
}

/**
 * The sockets a user holds on every instance of the deployment (Redis), so the per-user limit
 * holds across instances. A socket counts from its registration to its release; an instance
 * that dies stops renewing its entries, which then expire.
 */
export interface SharedSocketCount {
  /** Registers an open socket; resolves with how many the user holds now, everywhere (this one included). */
  register(userId: number): Promise<{ count: number; release: () => void }>;
}
