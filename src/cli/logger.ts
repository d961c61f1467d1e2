/**
 * Logs on stderr. Level from --log-level or PI_LOG_LEVEL (default warn: retries and errors, not
 * routine progress). Format from --log-format or PI_LOG_FORMAT: `text` (readable lines, coloured on a
 * terminal unless NO_COLOR is set) or `json` (pino's JSON Lines, for a log shipper). Either way one
 * stream carries one format: with `json` the command's human summary becomes a JSON record too
 * ({@link summaryRecord}). Only our own fields are logged: never an envelope, a Documento's text, a
 * URL with credentials or a password; every line goes through the redaction of registered secrets.
 */

import { CATALOG } from '../i18n/catalog.js';
import { t } from '../i18n/translate.js';
import { Writable } from 'node:stream';
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../logging.js';
import { redact } from '../redact.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The format asked for (flag, then PI_LOG_FORMAT), text by default. */
export function logFormat(flag: string | undefined): LogFormat {
  const v = flag ?? process.env['PI_LOG_FORMAT'];
  return v === 'json' ? 'json' : 'text';
}

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function colourAllowed(stream: { isTTY?: boolean } = process.stderr): boolean {
  return stream.isTTY === true && !process.env['NO_COLOR'];
}

/**
 * A logger on stderr. `through` receives each formatted line instead of stderr (a progress line
 * that must not be overwritten).
 */
export function createLogger(level: string | undefined, through?: { write(chunk: string): void }, format: LogFormat = logFormat(undefined)): Logger {
  const lvl = level ?? process.env['PI_LOG_LEVEL'] ?? 'warn';
  const options = {
    level: lvl,
    base: undefined,
    // ISO-8601 times in JSON logs (pino's default is epoch milliseconds).
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line, whatever its fields, goes through the redaction of registered secrets.
    hooks: { streamWrite: redact },
    // Defence in depth: these keys never carry values we want to see in a log.
    redact: { paths: ['password', 'senha', 'authorization', '*.password', '*.authorization', 'passphrase'], censor: '[redacted]' },
  };
  if (format === 'text') {
    const destination = through ? lines(through) : 2;
    return pino(
      options,
      pretty({
        destination,
        sync: true,
        colorize: colourAllowed(),
        ignore: 'pid,hostname',
        translateTime: 'HH:MM:ss',
        // The level names people read, in their language (JSON keeps pino's numbers).
        customPrettifiers: { level: (_level, _key, _log, { label, labelColorized }) => labelColorized.replace(label, levelName(label)) },
      }),
    );
  }
  return pino(options, through ? lines(through) : pino.destination({ fd: 2, sync: true }));
}

/** `WARN` in the current language (`AVISO`). */
function levelName(label: string): string {
  const key = `log.${label.toLowerCase()}`;
  return key in CATALOG ? t(key as 'log.warn').toUpperCase() : label;
}

/** The command's summary as one JSON log record (for `--log-format json`), in pino's shape. */
export function summaryRecord(msg: string, fields: Record<string, unknown>): string {
  return `${redact(JSON.stringify({ level: 30, time: new Date().toISOString(), msg, ...fields }))}\n`;
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
