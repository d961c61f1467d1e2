/**
 * Logs on stderr: pino JSON, or readable lines on a terminal. Level from --log-level or PI_LOG_LEVEL
 * (default warn: retries and errors, not routine progress). Only our own fields are logged: never an
 * envelope, a Documento's text, a URL with credentials or a password.
 */

import pino from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../logging.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

export function createLogger(level: string | undefined): Logger {
  const lvl = level ?? process.env['PI_LOG_LEVEL'] ?? 'warn';
  const options = {
    level: lvl,
    base: undefined,
    // ISO-8601 times in JSON logs (pino's default is epoch milliseconds).
    timestamp: pino.stdTimeFunctions.isoTime,
    // Defence in depth: these keys never carry values we want to see in a log.
    redact: { paths: ['password', 'senha', 'authorization', '*.password', '*.authorization', 'passphrase'], censor: '[redacted]' },
  };
  if (process.stderr.isTTY) {
    return pino(options, pretty({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }));
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}
