/**
 * Exit codes of every command, from one table: what each exit code means (with what it means for a
 * given command, where that says more), and which error gives which (src/errors.ts ERROR_CODES). The
 * CLI is the only place that turns errors into exit codes.
 */

import { ERROR_CODES, isPiSenderError, type ErrorCode } from '../errors.js';

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

/** What each exit code means: in general, and for the commands where it says more. */
export const EXIT_MEANINGS: ReadonlyArray<{ code: ExitCode; meaning: string; for?: Record<string, string> }> = [
  {
    code: 0,
    meaning: 'all valid / all accepted (warnings allowed)',
    for: {
      send: 'every Documento accepted (dry run: every Documento valid)',
      export: 'the run went through: everything due was accepted',
      status: 'healthy: nothing stale, a successful send within 48 hours',
      'check-config': 'everything checked',
    },
  },
  {
    code: 1,
    meaning: 'some Documentos invalid or rejected (the rest was done)',
    for: {
      send: 'some Documentos invalid or rejected (NFxxx); the rest was sent',
      export: 'some Documentos were rejected by the PI or invalid (EN); the rest was sent',
      validate: 'some Documentos invalid, or the file is not a valid ListaDocumentos',
      status:
        'something needs a person: packages EN/FI for longer than alerts.staleAfterDays, FI past the attempt limit, or no successful send for more than 48 hours',
      'check-config': 'some Documentos of the sample are invalid',
    },
  },
  {
    code: 2,
    meaning: 'usage or configuration error, unreadable file, bad credentials, wrong endpoint or certificate: a person must fix it (not retried)',
    for: {
      export:
        'configuration problem, credentials refused, wrong endpoint, untrusted certificate, another export running, or history items whose process the processos query did not return (the watermark waits for them)',
    },
  },
  {
    code: 3,
    meaning: 'service unreachable or failing for a reason that passes: try again later',
    for: {
      send: 'the service is unreachable or failing: some Documentos failed after every retry (--resume sends them)',
      export: 'the SPE database or the PI is unreachable or failing (FI packages are retried next run)',
    },
  },
  { code: 4, meaning: 'internal error (a bug: please report it)' },
  {
    code: 130,
    meaning: 'interrupted by Ctrl-C (SIGINT); 143 for SIGTERM: what was answered is recorded',
    for: {
      send: 'interrupted (Ctrl-C; 143 for SIGTERM): continue with --resume',
      export: 'interrupted (Ctrl-C; 143 for SIGTERM) between batches: the next run sends the rest',
    },
  },
];

/** The "Exit codes:" help text of a command (or of the program), from {@link EXIT_MEANINGS}. */
export function exitCodesHelp(command?: string, only?: readonly ExitCode[]): string {
  const rows = EXIT_MEANINGS.filter((m) => (only ? only.includes(m.code) : m.code !== 130 || (command !== undefined && m.for?.[command] !== undefined)));
  const width = Math.max(...rows.map((r) => String(r.code).length));
  return `\nExit codes:\n${rows.map((r) => `  ${String(r.code).padEnd(width)}  ${(command && r.for?.[command]) || r.meaning}`).join('\n')}`;
}

export const EXIT_CODES_HELP = exitCodesHelp();

export function exitCodeFor(err: unknown): ExitCode {
  return isPiSenderError(err) ? exitCodeForCode(err.code) : EXIT.INTERNAL;
}

/** The exit code of an error known only by its code (e.g. one recorded in a run summary). */
export function exitCodeForCode(code: string): ExitCode {
  return (ERROR_CODES[code as ErrorCode]?.exit as ExitCode | undefined) ?? EXIT.INTERNAL;
}
