/**
 * Typed errors with stable codes. Every error pi-sender throws on purpose is a {@link PiSenderError};
 * the CLI maps codes to exit codes (src/cli/exit-codes.ts), library users switch on `code`.
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type ErrorCode =
  | 'ERR_FILE_READ'
  | 'ERR_FILE_WRITE'
  | 'ERR_USAGE'
  | 'ERR_CONFIG'
  | 'ERR_INVALID_DOCUMENT'
  | 'ERR_INVALID_CHARACTER'
  | 'ERR_XSD'
  /** Credentials refused by the service (HTTP 401/403, or the PI's NegocioFault on its first call). */
  | 'ERR_AUTH'
  /** The TLS handshake failed: untrusted or invalid certificate, unreadable key. Not retried. */
  | 'ERR_TLS'
  /** No usable answer: connection refused or reset, timeout, HTTP error status without a SOAP fault. */
  | 'ERR_TRANSPORT'
  /** The service answered with a SOAP fault. */
  | 'ERR_SOAP_FAULT'
  /** The service answered something that is not the expected SOAP response. */
  | 'ERR_SOAP_RESPONSE'
  /** The run was interrupted (Ctrl-C). */
  | 'ERR_INTERRUPTED'
  /** A SIAFI requisition breaks the interface document's restrictions; nothing was sent. */
  | 'ERR_INVALID_REQUISICAO'
  /** SIAFI answered FALHA for this very requisition before: change it (or ask for a new one) to send again. */
  | 'ERR_SIAFI_FAILED'
  | 'ERR_INTERNAL';

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
    super(message, options);
    this.name = 'PiSenderError';
    this.code = code;
    this.context = context;
  }
}

/** True when `err` is a {@link PiSenderError}, optionally with the given code. */
export function isPiSenderError(err: unknown, code?: ErrorCode): err is PiSenderError {
  return err instanceof PiSenderError && (code === undefined || err.code === code);
}
