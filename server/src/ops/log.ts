import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

export type LogLevel = LevelWithSilent;
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** `json`: one JSON object a line (log collectors); `pretty`: short human lines for a terminal. */
export type LogFormat = 'json' | 'pretty';

/** What every line written while serving one HTTP request or one WebSocket operation carries. */
interface LogScope {
  reqId?: string;
}
const scopes = new AsyncLocalStorage<LogScope>();

/**
 * Runs `work` with a fresh log scope: lines logged inside it (however deep, across awaits) carry
 * the scope's `reqId` once it is set with `setRequestId`.
 */
export function withLogScope<T>(work: () => T): T {
  return scopes.run({}, work);
}

/** Names the request or operation the current scope serves (no-op outside a scope). */
export function setRequestId(reqId: string): void {
  const scope = scopes.getStore();
  if (scope) scope.reqId = reqId;
}

// Keys that may hold a secret or a person's details, wherever a caller puts them. Pino replaces
// their values before a line is written; the code also never passes such values (privacy rules in
// the product brief), so this is the second line of defence.
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'coordinatorPassword',
  'token',
  'secret',
  'authorization',
  'cookie',
  'contact',
  'email',
  'phone',
  'address',
  'variables',
  'connectionParams',
];
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'req.headers',
  'headers',
];

// What an error's text may carry from the statement that failed (the database driver puts the
// query with its values in the message): quoted literals, email addresses, phone numbers,
// bearer tokens and signed tokens.
const SCRUBS: [RegExp, string][] = [
  [/'(?:[^']|'')*'/g, "'?'"],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}\b/g, '[email]'],
  [/Bearer\s+\S+/gi, 'Bearer [redacted]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[token]'],
  [/\+?\d[\d ().-]{6,}\d/g, '[number]'],
];

/** Removes values a person could be identified by (or a secret) from free text of an error. */
export function scrub(text: string): string {
  return SCRUBS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** Errors are logged with their type, code, message and stack, scrubbed; never their other fields. */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    message: scrub(error.message),
    ...(error.stack ? { stack: scrub(error.stack) } : {}),
    ...(cause instanceof Error ? { cause: serializeError(cause) } : {}),
  };
}

const stdout: DestinationStream = { write: (line: string) => void process.stdout.write(line) };
let destination: DestinationStream = stdout;
/** A test's capture, which takes every line (and its own level) until it is restored. */
let capture: { destination: DestinationStream; level: LogLevel } | null = null;
let configuredLevel: LogLevel = 'info';
// The logger writes here, so `configureLogging` and tests can change where lines go at any time.
const sink: DestinationStream = { write: (line: string) => (capture ?? { destination }).destination.write(line) };

/**
 * The server's one logger. Lines are JSON (`level`, `time`, `msg`, and `reqId` inside a request
 * or WebSocket operation); `configureLogging` sets the level and format from the config at start.
 */
export const log = pino(
  {
    level: 'info',
    base: undefined, // no pid/hostname on every line: the process supervisor knows them
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    mixin: () => {
      const reqId = scopes.getStore()?.reqId;
      return reqId ? { reqId } : {};
    },
  },
  sink,
);

function prettyStream(): DestinationStream {
  return pretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
    errorLikeObjectKeys: ['err', 'error'],
    destination: 1,
  });
}

/**
 * Applies `LOG_LEVEL` and `LOG_FORMAT` (unset format: `pretty` on a terminal, `json` otherwise).
 * The logger is one per process: the last call wins.
 */
export function configureLogging(options: { level: LogLevel; format: LogFormat | null }): void {
  configuredLevel = options.level;
  if (!capture) log.level = options.level;
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  destination = format === 'pretty' ? prettyStream() : stdout;
}

/**
 * For tests: every line logged until `restore()`, as written (JSON), at `level` or above, servers
 * started meanwhile included. Lines go nowhere else meanwhile.
 */
export function captureLogs(level: LogLevel = 'trace'): {
  lines: string[];
  entries(): Record<string, unknown>[];
  restore(): void;
} {
  const lines: string[] = [];
  capture = { destination: { write: (line: string) => void lines.push(line) }, level };
  log.level = level;
  return {
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    restore() {
      capture = null;
      log.level = configuredLevel;
    },
  };
}
