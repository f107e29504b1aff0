import { pino } from 'pino';

/** The logging surface the app uses; pino's logger satisfies it, and so can a test double. */
export interface Logger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Creates the process logger: JSON lines on stdout at the configured level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'vankien' } });
}
