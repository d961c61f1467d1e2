/**
 * Errors of the SOAP layer. They carry what a caller needs to decide (retry or not, was the request
 * possibly received) and never the envelope or a credential.
 */

import { PiSenderError, type ErrorContext } from '../errors.js';
import { t } from '../i18n/translate.js';

/** A SOAP 1.1 fault returned by the service. */
export class SoapFaultError extends PiSenderError {
  constructor(
    readonly faultcode: string,
    readonly faultstring: string,
    /** The `detail` element parsed to an object (namespace prefixes removed), if any. */
    readonly detail: Record<string, unknown> | undefined,
    readonly httpStatus: number,
    context: ErrorContext = {},
    /** The envelope's Header, parsed like `detail`, when the fault came with one. */
    readonly header?: Record<string, unknown>,
  ) {
    super('ERR_SOAP_FAULT', `SOAP fault ${faultcode}: ${faultstring}`, context);
    this.name = 'SoapFaultError';
  }
}

/** No usable answer from the service. */
export class TransportError extends PiSenderError {
  constructor(
    message: string,
    /** A stable code of the cause: ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, HTTP_503, ... */
    readonly reason: string,
    /**
     * Whether the service may have received the request: false only when the connection was never
     * made (refused, DNS, connect timeout, TLS). Matters for operations that must not run twice.
     */
    readonly maybeReceived: boolean,
    readonly httpStatus?: number,
    options?: { cause?: unknown; retryAfterMs?: number; code?: 'ERR_TRANSPORT' | 'ERR_ENDPOINT' | 'ERR_PROXY' },
  ) {
    super(options?.code ?? 'ERR_TRANSPORT', message, {}, options);
    this.name = 'TransportError';
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

/**
 * The endpoint is wrong, not down: its host name does not exist, or it answered HTTP 400, 404 or 405
 * without a SOAP fault (a wrong path). Nothing was processed; retrying cannot help until the URL is
 * fixed. A {@link TransportError} that never reached the service, with code ERR_ENDPOINT.
 */
export class EndpointError extends TransportError {
  constructor(message: string, reason: string, httpStatus?: number, options?: { cause?: unknown }) {
    super(message, reason, false, httpStatus, { ...options, code: 'ERR_ENDPOINT' });
    this.name = 'EndpointError';
  }
}

/**
 * The proxy refused the connection or the login, forbids the service, or does not exist: nothing
 * reached the service; retrying cannot help until the proxy settings change. Code ERR_PROXY (exit 2).
 */
export class ProxyError extends TransportError {
  constructor(message: string, reason: string, httpStatus?: number, options?: { cause?: unknown }) {
    super(message, reason, false, httpStatus, { ...options, code: 'ERR_PROXY' });
    this.name = 'ProxyError';
  }
}

/** The Retry-After header as milliseconds (seconds or an HTTP date). */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const WRONG_PATH = new Set([400, 404, 405]);
const STATUS_TEXT: Record<number, string> = { 400: ' (Bad Request)', 404: ' (Not Found)', 405: ' (Method Not Allowed)' };

/**
 * The error of an HTTP status that is not a success: 400, 404 and 405 are a wrong endpoint (not
 * retried), anything else may pass (retried, honouring Retry-After).
 */
export function httpStatusError(endpoint: string, status: number, retryAfter: string | string[] | undefined): TransportError {
  if (WRONG_PATH.has(status)) {
    return new EndpointError(
      t('http.wrongPath', { url: displayUrl(endpoint), status: String(status), text: STATUS_TEXT[status] ?? '' }),
      `HTTP_${status}`,
      status,
    );
  }
  const wait = retryAfterMs(retryAfter);
  return new TransportError(`${new URL(endpoint).origin}: HTTP ${status}`, `HTTP_${status}`, true, status, wait === undefined ? {} : { retryAfterMs: wait });
}

/** A URL as it may be shown: without user name, password or query. */
export function displayUrl(url: string | URL): string {
  const u = new URL(String(url));
  u.username = '';
  u.password = '';
  u.search = '';
  return u.toString();
}

/** The TLS handshake failed; retrying will not help until the configuration changes. */
export class TlsError extends PiSenderError {
  constructor(
    message: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('ERR_TLS', message, {}, options);
    this.name = 'TlsError';
  }
}

/** The service rejected the credentials (HTTP 401/403). */
export class AuthError extends PiSenderError {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super('ERR_AUTH', message);
    this.name = 'AuthError';
  }
}

/** The answer is not a SOAP envelope, or not the one expected. */
export class SoapResponseError extends PiSenderError {
  constructor(
    message: string,
    readonly httpStatus: number,
  ) {
    super('ERR_SOAP_RESPONSE', message);
    this.name = 'SoapResponseError';
  }
}
