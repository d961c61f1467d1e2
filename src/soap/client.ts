/**
 * A SOAP 1.1 client: wraps a body in an envelope, POSTs it, and returns the parsed Body or throws a
 * typed error (fault, transport, malformed answer). Security headers are a pluggable step on the
 * envelope; the transport only moves bytes.
 */

import { t } from '../i18n/translate.js';
import { buildEnvelope, envelopeParts, EnvelopeError, parseEnvelope } from './envelope.js';
import { httpStatusError, SoapFaultError, SoapResponseError } from './errors.js';

import type { BodyFragment } from './body-buffers.js';
import type { HttpTransport } from './transport.js';

export interface SoapCall {
  /** The operation's body element, serialized and escaped; or its fragments, sent one after the other. */
  body: string | readonly BodyFragment[];
  /** Header blocks (e.g. a WS-Security UsernameToken), serialized. */
  header?: string;
  /** The SOAPAction HTTP header; JAX-WS services normally declare `""`. */
  soapAction?: string;
  /** Elements to parse as arrays even when they occur once. */
  arrays?: ReadonlySet<string>;
  /**
   * A quicker reading of the answer the operation almost always gets: the Body as {@link parseEnvelope}
   * would give it, or undefined to have the answer parsed in full (faults, anything unusual).
   */
  readBody?: (xml: string) => Record<string, unknown> | undefined;
  signal?: AbortSignal;
}

export interface SoapResult {
  body: Record<string, unknown>;
  header: Record<string, unknown> | undefined;
  httpStatus: number;
  /** The answer as received (it never holds the request or its credentials). */
  raw: string;
}

export class SoapClient {
  constructor(
    private readonly transport: HttpTransport,
    readonly endpoint: string,
  ) {}

  async call(call: SoapCall): Promise<SoapResult> {
    const envelope = typeof call.body === 'string' ? buildEnvelope(call.body, call.header ?? '') : envelopeParts(call.body, call.header ?? '');
    const res = await this.transport.post(
      this.endpoint,
      envelope,
      { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${call.soapAction ?? ''}"` },
      call.signal,
    );
    const isXml = /xml/i.test(String(res.headers['content-type'] ?? '')) || res.body.trimStart().startsWith('<');
    if (isXml && res.status >= 200 && res.status < 300 && call.readBody) {
      const body = call.readBody(res.body);
      if (body) return { body, header: undefined, httpStatus: res.status, raw: res.body };
    }
    let parsed;
    if (isXml && res.body.trim() !== '') {
      try {
        parsed = parseEnvelope(res.body, call.arrays);
      } catch (err) {
        if (!(err instanceof EnvelopeError)) throw err;
        if (res.status >= 400) throw httpStatusError(this.endpoint, res.status, res.headers['retry-after']);
        throw new SoapResponseError(`${err.message} (HTTP ${res.status})`, res.status);
      }
    }
    if (parsed?.kind === 'fault') {
      const f = parsed.fault;
      throw new SoapFaultError(f.faultcode, f.faultstring, f.detail, res.status, {}, parsed.header);
    }
    if (res.status < 200 || res.status >= 300) throw httpStatusError(this.endpoint, res.status, res.headers['retry-after']);
    if (!parsed) throw new SoapResponseError(t('http.notXml', { status: String(res.status) }), res.status);
    return { body: parsed.body, header: parsed.header, httpStatus: res.status, raw: res.body };
  }
}
