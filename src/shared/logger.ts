/**
 * A small structured logger on stderr: one JSON object per line for machines, or
 * a readable line per event when a person watches a terminal.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFormat = 'json' | 'pretty';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  level: LogLevel,
  format: LogFormat = 'json',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const emit = (messageLevel: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (order[messageLevel] < order[level]) return;
    if (format === 'pretty') {
      const details = fields ? Object.entries(fields).map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join('') : '';
      write(`${new Date().toISOString().slice(11, 19)} ${messageLevel.padEnd(5)} ${message}${details}`);
    } else {
      write(JSON.stringify({ time: new Date().toISOString(), level: messageLevel, message, ...fields }));
    }
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger('silent');
