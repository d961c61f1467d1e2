/**
 * Logs on stderr: pino JSON, or readable lines on a terminal. Level from --log-level or PI_LOG_LEVEL
 * (default warn: retries and errors, not routine progress). Only our own fields are logged: never an
 * envelope, a Documento's text, a URL with credentials or a password.
 */

import { Writable } from 'node:stream';
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../logging.js';
import { redact } from '../redact.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

/**
 * A logger on stderr. `through` receives each formatted line instead of stderr (a progress line
 * that must not be overwritten).
 */
export function createLogger(level: string | undefined, through?: { write(chunk: string): void }): Logger {
  const lvl = level ?? process.env['PI_LOG_LEVEL'] ?? 'warn';
  const options = {
    level: lvl,
    base: undefined,
    // ISO-8601 times in JSON logs (pino's default is epoch milliseconds).
    timestamp: pino.stdTimeFunctions.isoTime,
    // Defence in depth: these keys never carry values we want to see in a log.
    // Every line, whatever its fields, goes through the redaction of registered secrets.
    hooks: { streamWrite: redact },
    redact: { paths: ['password', 'senha', 'authorization', '*.password', '*.authorization', 'passphrase'], censor: '[redacted]' },
  };
  if (process.stderr.isTTY) {
    const destination = through ? lines(through) : 2;
    return pino(options, pretty({ destination, sync: true, colorize: !process.env['NO_COLOR'], ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }));
  }
  return pino(options, through ? lines(through) : pino.destination({ fd: 2, sync: true }));
}

/** A stream that hands each chunk to `through`, synchronously. */
function lines(through: { write(chunk: string): void }): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      through.write(String(chunk));
      done();
    },
  });
}
