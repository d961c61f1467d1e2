/**
 * Exit codes of every command. The CLI is the only place that turns errors into exit codes.
 */

import { isPiSenderError, type ErrorCode } from '../errors.js';

export const EXIT = {
  /** Everything valid / accepted (warnings allowed). */
  OK: 0,
  /** Some Documentos invalid or rejected; the rest was done. */
  INVALID: 1,
  /** Usage or configuration error, unreadable input file, bad credentials. */
  USAGE: 2,
  /** The service is unreachable or failing: try again later. */
  UNAVAILABLE: 3,
  /** A bug in pi-sender. */
  INTERNAL: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  all valid / all accepted (warnings allowed)
  1  some Documentos invalid or rejected (the rest was done)
  2  usage or configuration error, unreadable file, bad credentials
  3  service unreachable or failing: try again later
  4  internal error (a bug: please report it)`;

const BY_ERROR: Partial<Record<ErrorCode, ExitCode>> = {
  ERR_FILE_READ: EXIT.USAGE,
  ERR_FILE_WRITE: EXIT.USAGE,
  ERR_AUTH: EXIT.USAGE,
  ERR_TLS: EXIT.USAGE,
  ERR_TRANSPORT: EXIT.UNAVAILABLE,
  ERR_SOAP_FAULT: EXIT.UNAVAILABLE,
  ERR_SOAP_RESPONSE: EXIT.UNAVAILABLE,
  ERR_USAGE: EXIT.USAGE,
  ERR_CONFIG: EXIT.USAGE,
  ERR_INVALID_DOCUMENT: EXIT.INVALID,
  ERR_INVALID_CHARACTER: EXIT.INVALID,
  ERR_INVALID_REQUISICAO: EXIT.INVALID,
  ERR_SIAFI_FAILED: EXIT.INVALID,
};

export function exitCodeFor(err: unknown): ExitCode {
  return isPiSenderError(err) ? exitCodeForCode(err.code) : EXIT.INTERNAL;
}

/** The exit code of an error known only by its code (e.g. one recorded in a run summary). */
export function exitCodeForCode(code: string): ExitCode {
  return BY_ERROR[code as ErrorCode] ?? EXIT.INTERNAL;
}
