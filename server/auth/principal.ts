/** Who is behind a request or socket, and through which credential. */
export interface Principal {
  readonly userId: number;
  /** The session (by the hash of its id) or API token (by its row id) that authenticated. */
  readonly credential: {
    readonly kind: 'session' | 'token';
    readonly id: string;
    /**
     * Stable for the credential's whole life, across session rotations (R10): `session:…` or
     * `token:…`. Yjs clientIDs are bound to it (issue 18).
     */
    readonly family: string;
  };
  /** When the credential ends at the latest (ms since epoch), or null if it never expires. */
  readonly expiresAt: number | null;
  /** Set when the session was just given a new id (R10): the new secret, for the cookie. */
  readonly renewedSecret?: string;
}
