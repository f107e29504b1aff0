/** How many collaboration sockets one user, and one network address, may hold open at once. */
export interface SocketQuotaLimits {
  readonly perUser: number;
  /** 0: no limit per address (behind a reverse proxy every user shares one). */
  readonly perIp: number;
}

/**
 * Counts open collaboration sockets per user and per remote address (R4), so one account or
 * one machine cannot hold the server's sockets and memory hostage. A socket takes a place
 * when it opens and gives it back when it closes.
 */
export class SocketQuota {
  private readonly byUser = new Map<number, number>();
  private readonly byIp = new Map<string, number>();

  constructor(private readonly limits: SocketQuotaLimits) {}

  /** Takes a place for a new socket; null when the user or the address already holds its limit. */
  take(userId: number, ip: string): (() => void) | null {
    const users = this.byUser.get(userId) ?? 0;
    const ips = this.byIp.get(ip) ?? 0;
    if (users >= this.limits.perUser || (this.limits.perIp > 0 && ips >= this.limits.perIp)) return null;
    this.byUser.set(userId, users + 1);
    this.byIp.set(ip, ips + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      decrement(this.byUser, userId);
      decrement(this.byIp, ip);
    };
  }
}

function decrement<K>(counts: Map<K, number>, key: K): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left <= 0) counts.delete(key);
  else counts.set(key, left);
}
