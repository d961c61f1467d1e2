/**
 * The logging interface the library uses: pino's shape, so the CLI passes a pino logger and a library
 * user any compatible one. Nothing logged ever holds an envelope, a Documento's text or a credential.
 */

export interface LogFn {
  (msg: string): void;
  (obj: Record<string, unknown>, msg?: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const noop: LogFn = () => undefined;

export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
