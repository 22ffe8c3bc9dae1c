/**
 * The structured logger, on pino: one JSON object per line for machines, or a
 * readable line per event when a person watches a terminal. Call sites only see
 * `Logger` (a message and optional fields), so the library stays replaceable.
 *
 * Secrets never reach the output: fields named like secrets are redacted by pino,
 * DATABASE_URL passwords are masked, and API keys, bearer tokens and URL passwords
 * are scrubbed from messages and string fields wherever they appear.
 */
import pino from 'pino';
import { redactDatabaseUrl } from './redact-database-url';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFormat = 'json' | 'pretty';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const secretFieldNames = [
  'authorization',
  'cookie',
  'apiKey',
  'secret',
  'password',
  'token',
  'metricsToken',
  'adminApiKey',
  'cursorSecret',
  'databaseUrl',
  'DATABASE_URL',
];

/** Secret-named fields at the top level, one level down, and in request or response headers. */
export const redactedPaths = [
  ...secretFieldNames,
  ...secretFieldNames.map((name) => `*.${name}`),
  ...['headers', 'request.headers', 'req.headers'].flatMap((headers) => [`${headers}.authorization`, `${headers}.cookie`, `${headers}["x-api-key"]`]),
];

function censor(value: unknown, path: string[]): unknown {
  const field = path[path.length - 1] ?? '';
  // A database URL stays useful (host, port, database) with only its password hidden.
  if (/^(databaseUrl|DATABASE_URL)$/.test(field) && typeof value === 'string') return redactDatabaseUrl(value);
  return '[redacted]';
}

const secretPatterns: Array<[RegExp, string]> = [
  [/\bbgk_[A-Za-z0-9_-]{20,}/g, 'bgk_[redacted]'],
  [/\b(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]'],
  [/\b(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@'],
];

/** The text with API keys, bearer tokens and database URL passwords masked. */
export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of secretPatterns) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

/** Scrubs strings inside plain objects and arrays; returns the same value when nothing changed (the usual case). */
function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth >= 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const scrubbed = value.map((item) => {
      const result = scrubValue(item, depth + 1);
      if (result !== item) changed = true;
      return result;
    });
    return changed ? scrubbed : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const result = scrubValue(item, depth + 1);
    if (result !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = result;
  }
  return copy ?? value;
}

/** Pino's own keys, left out of the pretty line's key=value details. */
const pinoKeys = new Set(['level', 'time', 'message', 'pid', 'hostname']);

/**
 * Line breaks and other control characters written as escapes (\n, \u001b): values can
 * come from clients (an operation name, a slug), and one event must stay one line, so
 * that nobody can write log lines of their own (or terminal escape sequences) into the log.
 */
export function escapeControlCharacters(text: string): string {
  // \p{Cc} is every control character (U+0000–U+001F and U+007F–U+009F), written as a class so the pattern names no control character itself.
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (character) =>
    JSON.stringify(character)
      .slice(1, -1)
      .replace(/^[\u007f-\u009f\u2028\u2029]$/, (raw) => `\\u${raw.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** "12:34:56 info  message key=value key=value", from one of pino's JSON lines. */
export function formatPrettyLine(jsonLine: string): string {
  const entry = JSON.parse(jsonLine) as Record<string, unknown>;
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : new Date().toISOString().slice(11, 19);
  const details = Object.entries(entry)
    .filter(([key]) => !pinoKeys.has(key))
    .map(([key, value]) => ` ${escapeControlCharacters(key)}=${typeof value === 'string' ? escapeControlCharacters(value) : JSON.stringify(value)}`)
    .join('');
  return `${time} ${String(entry.level).padEnd(5)} ${escapeControlCharacters(String(entry.message))}${details}`;
}

function destination(format: LogFormat, write: ((line: string) => void) | undefined): pino.DestinationStream {
  if (format === 'json' && !write) {
    // Synchronous, so lines written just before process.exit are not lost.
    return pino.destination({ dest: 2, sync: true });
  }
  const writeLine = write ?? ((line: string) => process.stderr.write(line + '\n'));
  return {
    write(chunk: string) {
      const line = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      writeLine(format === 'pretty' ? formatPrettyLine(line) : line);
    },
  };
}

/**
 * A logger at `level` and above. `write` receives each line without its newline
 * (tests capture lines with it); by default lines go to stderr.
 */
export function createLogger(level: LogLevel, format: LogFormat = 'json', write?: (line: string) => void): Logger {
  const logger = pino(
    {
      level,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths, censor },
    },
    level === 'silent' ? { write() {} } : destination(format, write),
  );
  const emit = (messageLevel: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (!logger.isLevelEnabled(messageLevel)) return;
    logger[messageLevel]((fields ? scrubValue(fields, 0) : {}) as object, scrubSecrets(message));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger('silent');
