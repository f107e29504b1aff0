import type { PresenceUser } from '../../../shared/collab/awareness.ts';

/** Who is behind a connection, as the collaboration core needs to know it. */
export interface Member {
  readonly userId: number;
  /** The credential family behind the connection; the clientIDs it writes with are bound to it (issue 18). */
  readonly credential: string;
  /** Written into every awareness state this connection publishes (R9). */
  readonly presence: PresenceUser;
  /**
   * Whether sync step 2 and update messages are applied. For read-only members they are
   * ignored: never applied, stored or relayed (R8).
   */
  readonly canWrite: boolean;
}
