/**
 * SOAP 1.1 envelopes: built from ready, escaped XML fragments (never by concatenating raw values), and
 * parsed into plain objects. Knows nothing of any particular service.
 */

import { t } from '../i18n/translate.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** An envelope around an already-serialized body element (and header blocks, if any). */
export function buildEnvelope(bodyXml: string, headerXml = ''): string {
  return envelopeParts([bodyXml], headerXml).join('');
}

/** {@link buildEnvelope} as fragments, for a body given as fragments (left as they are, not joined). */
export function envelopeParts<F extends string | Uint8Array>(bodyParts: readonly F[], headerXml = ''): Array<F | string> {
  return [
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NS}"><soapenv:Header>${headerXml}</soapenv:Header><soapenv:Body>`,
    ...bodyParts,
    `</soapenv:Body></soapenv:Envelope>`,
  ];
}

/** Escapes a value for an attribute or text; for the few values the SOAP layer itself writes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface SoapFault {
  faultcode: string;
  faultstring: string;
  detail: Record<string, unknown> | undefined;
}

export type ParsedEnvelope =
  | { kind: 'body'; header: Record<string, unknown> | undefined; body: Record<string, unknown> }
  | { kind: 'fault'; fault: SoapFault; header: Record<string, unknown> | undefined };

export class EnvelopeError extends Error {}

/**
 * Parses a SOAP 1.1 response. Element names lose their namespace prefix; text stays text (a CPF or a
 * protocol number with leading zeros is never turned into a number); attributes are ignored.
 * @param arrays element names that are always arrays, even when they occur once
 */
export function parseEnvelope(xml: string, arrays: ReadonlySet<string> = new Set()): ParsedEnvelope {
  // fast-xml-parser expands DOCTYPE entities and does not throw on truncated input: guard both.
  if (/<!DOCTYPE/i.test(xml)) throw new EnvelopeError(t('soap.doctype'));
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new EnvelopeError(t('soap.notWellFormed', { line: String(valid.err.line), message: valid.err.msg }));
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => arrays.has(name),
  });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const envelope = doc['Envelope'];
  if (envelope === '') throw new EnvelopeError(t('soap.noBody'));
  if (!isObject(envelope)) throw new EnvelopeError(t('soap.notEnvelope'));
  const body = envelope['Body'];
  if (body === '' || body === undefined) throw new EnvelopeError(t('soap.noBody'));
  if (!isObject(body)) throw new EnvelopeError(t('soap.bodyNotElement'));
  const header = isObject(envelope['Header']) ? envelope['Header'] : undefined;
  const fault = body['Fault'];
  if (fault !== undefined) {
    const f = isObject(fault) ? fault : {};
    return {
      kind: 'fault',
      fault: {
        faultcode: text(f['faultcode']) ?? '',
        faultstring: text(f['faultstring']) ?? '',
        detail: isObject(f['detail']) ? f['detail'] : undefined,
      },
      // Some services (SIAFI) say in a header whether a faulted operation took effect.
      header,
    };
  }
  return { kind: 'body', header, body };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The text of a parsed element (a string, or an empty element), else undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v === '' || (isObject(v) && Object.keys(v).length === 0)) return '';
  if (isObject(v) && typeof v['#text'] === 'string') return v['#text'];
  return undefined;
}
