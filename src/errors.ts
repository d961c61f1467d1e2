/**
 * Typed errors with stable codes. Every error pi-sender throws on purpose is a {@link PiSenderError};
 * the CLI maps codes to exit codes (src/cli/exit-codes.ts), library users switch on `code`.
 */

import { redact } from './redact.js';

/**
 * Every error code, with the exit code the CLI gives it and what it means for the person who reads
 * it. docs/errors.md is checked against this table by a test; the CLI's exit codes come from it.
 */
export const ERROR_CODES = {
  ERR_USAGE: { exit: 2, meaning: 'The command line is wrong (an unknown option, a missing argument, two options that exclude each other).' },
  ERR_CONFIG: {
    exit: 2,
    meaning:
      'The configuration is wrong or incomplete: a file, a setting, a password that is missing; an SPE database that does not exist or refuses the login; a query that does not parse; a port in use.',
  },
  ERR_FILE_READ: { exit: 2, meaning: 'An input file cannot be read (missing, no permission, a folder).' },
  ERR_FILE_WRITE: { exit: 2, meaning: 'An output file (report, journal) cannot be written.' },
  ERR_AUTH: {
    exit: 2,
    meaning:
      "The service refused the credentials (HTTP 401/403, or the PI's NegocioFault on its first call). Not retried: check the login and password of this environment.",
  },
  ERR_TLS: {
    exit: 2,
    meaning:
      'The TLS handshake failed: an untrusted, expired, weak (SHA-1, RSA under 2048 bits) or wrong-host certificate, or a client certificate the server wants ("the server asks for a client certificate") or refuses ("the server refused our client certificate"). Not retried.',
  },
  ERR_ENDPOINT: {
    exit: 2,
    meaning: 'The endpoint is wrong: its host name does not exist, or it answered HTTP 400, 404 or 405 (a wrong path). Not retried: check the URL.',
  },
  ERR_PROXY: {
    exit: 2,
    meaning:
      'The proxy refused the connection or the login (HTTP 407), forbids the service (HTTP 403), or cannot be reached. Not retried: check the proxy address and its credentials.',
  },
  ERR_TRANSPORT: {
    exit: 3,
    meaning:
      'No usable answer, for a reason that passes: connection refused or reset, a timeout, HTTP 5xx or 429, a lost answer. Retried; the next run sends what is left.',
  },
  ERR_SOAP_FAULT: { exit: 3, meaning: 'The service answered with a SOAP fault (other than refused credentials). Retried.' },
  ERR_SOAP_RESPONSE: {
    exit: 3,
    meaning: 'The service answered something that is not the expected SOAP response (truncated, not XML, a result count that does not match). Retried.',
  },
  ERR_INTERRUPTED: {
    exit: 130,
    meaning: 'The run was interrupted (Ctrl-C, SIGTERM): what was answered is recorded; the rest is sent next time. Exit 130 for SIGINT, 143 for SIGTERM.',
  },
  ERR_INVALID_DOCUMENT: { exit: 1, meaning: 'A Documento breaks the data standard; it is recorded with its problems and never sent.' },
  ERR_INVALID_CHARACTER: { exit: 1, meaning: 'A text holds a character XML cannot carry.' },
  ERR_XSD: { exit: 4, meaning: 'The XSD engine failed on a Documento (not a validation problem: a bug).' },
  ERR_INVALID_REQUISICAO: { exit: 1, meaning: "A SIAFI requisition breaks the interface document's restrictions; nothing was sent." },
  ERR_SIAFI_FAILED: { exit: 1, meaning: 'SIAFI answered FALHA for this very requisition before: change it (or ask for a new one) to send again.' },
  ERR_INTERNAL: { exit: 4, meaning: 'A bug in pi-sender: please report it, with the message and what led to it.' },
} as const satisfies Record<string, { exit: number; meaning: string }>;

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in the user's input an error was found; every field is optional. */
export interface ErrorContext {
  file?: string;
  line?: number;
  /** 1-based position of the Documento in its ListaDocumentos. */
  documento?: number;
  protocolo?: string;
  /** Path of the element inside the Documento, e.g. `Historico/ItemHistorico[2]/Operacao`. */
  field?: string;
}

/** The base of every error pi-sender throws on purpose: switch on its stable `code`. */
export class PiSenderError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;

  constructor(code: ErrorCode, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    // Messages often quote a server's answer or a driver's error: no registered secret survives in them.
    super(redact(message), options);
    this.name = 'PiSenderError';
    this.code = code;
    this.context = context;
  }
}

/** True when `err` is a {@link PiSenderError}, optionally with the given code. */
export function isPiSenderError(err: unknown, code?: ErrorCode): err is PiSenderError {
  return err instanceof PiSenderError && (code === undefined || err.code === code);
}
