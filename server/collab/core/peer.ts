/** One connected client as the collaboration core sees it: no sockets, no frameworks. */
export interface Peer {
  /** A short id for logs. */
  readonly id: string;
  /** Queues one binary message; never throws (a dead socket just drops it). */
  send(data: Uint8Array): void;
  /** Closes the connection with a WebSocket close code and a short reason. */
  close(code: number, reason: string): void;
}
