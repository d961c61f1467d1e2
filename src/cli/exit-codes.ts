/**
 * Exit codes of every command, from one table: what each exit code means (with what it means for a
 * given command, where that says more), and which error gives which (src/errors.ts ERROR_CODES). The
 * CLI is the only place that turns errors into exit codes.
 */

import { ERROR_CODES, isPiSenderError, type ErrorCode } from '../errors.js';
import { CATALOG } from '../i18n/catalog.js';
import { t, type MessageKey } from '../i18n/translate.js';

export const EXIT = {
  /** Everything valid / accepted (warnings allowed). */
  OK: 0,
  /** Some Documentos invalid or rejected; the rest was done. */
  INVALID: 1,
  /** Usage or configuration error, unreadable input file, bad credentials: a person must act. */
  USAGE: 2,
  /** The service is unreachable or failing: try again later. */
  UNAVAILABLE: 3,
  /** A bug in pi-sender. */
  INTERNAL: 4,
  /** Interrupted by SIGINT (Ctrl-C). */
  SIGINT: 130,
  /** Interrupted by SIGTERM (systemd, kill). */
  SIGTERM: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes listed in help, in order; each means the catalog's `exit.<code>`. */
const LISTED: readonly ExitCode[] = [0, 1, 2, 3, 4, 130];

function meaning(code: ExitCode, command: string | undefined): string | undefined {
  const specific = command === undefined ? undefined : (`exit.${code}.${command}` as MessageKey);
  if (specific !== undefined && specific in CATALOG) return t(specific as 'exit.0');
  return `exit.${code}` in CATALOG ? t(`exit.${code}` as 'exit.0') : undefined;
}

/**
 * The "Exit codes:" help text of a command (or of the program), in the current language: what each
 * code means in general, or for this command where the catalog says more (`exit.<code>.<command>`).
 */
export function exitCodesHelp(command?: string, only?: readonly ExitCode[]): string {
  const rows = (only ?? LISTED.filter((c) => c !== 130 || (command !== undefined && `exit.130.${command}` in CATALOG))).map((code) => ({
    code,
    text: meaning(code, command) ?? '',
  }));
  const width = Math.max(...rows.map((r) => String(r.code).length));
  return `\n${t('exit.title')}\n${rows.map((r) => `  ${String(r.code).padEnd(width)}  ${r.text}`).join('\n')}`;
}

export function exitCodeFor(err: unknown): ExitCode {
  return isPiSenderError(err) ? exitCodeForCode(err.code) : EXIT.INTERNAL;
}

/** The exit code of an error known only by its code (e.g. one recorded in a run summary). */
export function exitCodeForCode(code: string): ExitCode {
  return (ERROR_CODES[code as ErrorCode]?.exit as ExitCode | undefined) ?? EXIT.INTERNAL;
}
