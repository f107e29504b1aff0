import type { Logger } from '../../server/logger.ts';

/** One captured log line. */
export interface LogEntry {
  level: 'error' | 'warn' | 'info' | 'debug';
  msg: string;
  fields: Record<string, unknown>;
}

/** A Logger that keeps every entry in memory, so tests can assert what was logged. */
export function captureLogger(
  entries: LogEntry[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { entries: LogEntry[] } {
  const at =
    (level: LogEntry['level']) =>
    (obj: object, msg = ''): void => {
      entries.push({ level, msg, fields: { ...bindings, ...(obj as Record<string, unknown>) } });
    };
  return {
    entries,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: (more) => captureLogger(entries, { ...bindings, ...more }),
  };
}
