/**
 * The PI web service's two operations over SOAP 1.1 (document/literal, JAX-WS style).
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import type { SoapClient } from '../soap/client.js';
import { isObject, text } from '../soap/envelope.js';
import { AuthError, SoapFaultError, SoapResponseError } from '../soap/errors.js';
import type { InteressadoExtra } from '../standard/model.js';
import { PI_NAMESPACE, PI_OPERATIONS } from './service.js';

/** One `ResultadoDocumento` of the PI's answer, in request order. */
export interface ResultadoDocumento {
  /** Present when the service echoes it (not proven: the SEI module never reads it). */
  Protocolo?: string;
  Resultado: string;
}

const ARRAYS = new Set(['ResultadoDocumento']);

/**
 * The PI's answer to enviarListaDocumentos as it almost always comes: an envelope holding only
 * ResultadoDocumento elements, with no entity, comment, CDATA, attribute or `return` wrapper. Read by
 * one linear pattern instead of a general parser (which cost 5 % of a send); anything else is parsed
 * in full. Each whitespace run is followed by a literal `<`, so the pattern cannot backtrack far.
 */
const PLAIN_ANSWER =
  /^\s*(?:<\?xml[^?>]*\?>\s*)?<([\w.-]+:)?Envelope(?:\s[^>]*)?>\s*(?:<\1Header\s*\/>\s*|<\1Header\s*>\s*<\/\1Header>\s*)?<\1Body\s*>\s*<([\w.-]+:)?enviarListaDocumentosResponse(?:\s[^>]*)?>\s*((?:<ResultadoDocumento>\s*(?:<Protocolo>[0-9]*<\/Protocolo>\s*)?<Resultado>[^<&]*<\/Resultado>\s*<\/ResultadoDocumento>\s*)*)<\/\2enviarListaDocumentosResponse>\s*<\/\1Body>\s*<\/\1Envelope>\s*$/;
const RESULTADO = /<ResultadoDocumento>\s*(?:<Protocolo>([0-9]*)<\/Protocolo>\s*)?<Resultado>([^<&]*)<\/Resultado>/g;

/** The Body of a plain answer, as the general parser gives it; undefined for anything else. */
export function readPlainAnswer(xml: string): Record<string, unknown> | undefined {
  const m = PLAIN_ANSWER.exec(xml);
  if (!m) return undefined;
  const results = [...m[3]!.matchAll(RESULTADO)].map((r) => (r[1] === undefined ? { Resultado: r[2]!.trim() } : { Protocolo: r[1], Resultado: r[2]!.trim() }));
  return { [`${PI_OPERATIONS.enviar}Response`]: results.length === 0 ? '' : { ResultadoDocumento: results } };
}

/**
 * One Documento handed to a transport: its canonical XML of the standard (valid, normalized), and what
 * the XML has no place for, by the position of each interessado in it: the REST API's `cpf` and
 * `natureza`, present only when `pi.sendCpf` is on. SOAP sends the XML alone.
 */
export interface OutgoingDocumento {
  /** As text, or as its UTF-8 bytes (from a reader thread: soap/body-buffers.ts). */
  xml: string | Uint8Array;
  interessados?: ReadonlyArray<InteressadoExtra | undefined> | undefined;
}

/** The `mensagemFault` of a PI `NegocioFault`, if this is one. */
export function negocioFaultMessage(err: unknown): string | undefined {
  if (!(err instanceof SoapFaultError)) return undefined;
  const nf = err.detail?.['NegocioFault'];
  if (nf === undefined) return undefined;
  return (isObject(nf) ? text(nf['mensagemFault']) : text(nf)) ?? '';
}

/** Finds a response wrapper's children, also when a JAX-WS `return` element wraps them. */
function wrapper(body: Record<string, unknown>, name: string, httpStatus: number): Record<string, unknown> {
  const w = body[name];
  if (w === '') return {};
  if (!isObject(w)) throw new SoapResponseError(t('pi.noElement', { name }), httpStatus);
  return isObject(w['return']) ? w['return'] : w;
}

/**
 * The PI's two operations, whichever the transport: SOAP ({@link PiClient}) or the REST API
 * ({@link RestPiClient}). Everything above `pi/` sends through this and never knows which it is.
 */
export interface PiService {
  readonly endpoint: string;
  /** How many Documentos one send may carry. */
  getQuantidadeMaximaDocumentosPorRequisicao(signal?: AbortSignal): Promise<number>;
  /** Sends Documentos (already valid); one result each, in request order. */
  enviarListaDocumentos(documentos: readonly OutgoingDocumento[], signal?: AbortSignal): Promise<ResultadoDocumento[]>;
}

/** The PI web service's two operations over SOAP. Build one with {@link createPiClient}. */
export class PiClient implements PiService {
  constructor(readonly soap: SoapClient) {}

  get endpoint(): string {
    return this.soap.endpoint;
  }

  /**
   * How many Documentos one `enviarListaDocumentos` may carry. A NegocioFault here means the
   * credentials were refused, as the SEI module reads it.
   */
  async getQuantidadeMaximaDocumentosPorRequisicao(signal?: AbortSignal): Promise<number> {
    const op = PI_OPERATIONS.quantidade;
    let result;
    try {
      result = await this.soap.call({ body: `<end:${op} xmlns:end="${PI_NAMESPACE}"/>`, ...(signal ? { signal } : {}) });
    } catch (err) {
      const negocio = negocioFaultMessage(err);
      if (negocio !== undefined) {
        throw new AuthError(t('pi.refusedLogin', { message: negocio || t('pi.noMessage') }));
      }
      throw err;
    }
    const value = text(wrapper(result.body, `${op}Response`, result.httpStatus)['NumeroMaximoDocumentos']);
    const n = Number(value);
    if (value === undefined || !/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw new SoapResponseError(t('pi.badMaximum', { value: value ?? t('pi.missing') }), result.httpStatus);
    }
    return n;
  }

  /** Sends Documentos (their XML: the standard has no CPF) and returns the service's results as they came. */
  async enviarListaDocumentos(documentos: readonly OutgoingDocumento[], signal?: AbortSignal): Promise<ResultadoDocumento[]> {
    if (documentos.length === 0) throw new PiSenderError('ERR_INTERNAL', t('pi.emptyList'));
    const op = PI_OPERATIONS.enviar;
    // Fragments, not one string: the transport encodes them straight into a reused buffer.
    const body = [`<end:${op} xmlns:end="${PI_NAMESPACE}"><ListaDocumentos>`, ...documentos.map((d) => d.xml), `</ListaDocumentos></end:${op}>`];
    const result = await this.soap.call({ body, arrays: ARRAYS, readBody: readPlainAnswer, ...(signal ? { signal } : {}) });
    const w = wrapper(result.body, `${op}Response`, result.httpStatus);
    const list = w['ResultadoDocumento'];
    const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
    return items.map((item, i) => {
      const r: Record<string, unknown> = isObject(item) ? item : { Resultado: item };
      const resultado = text(r['Resultado']);
      if (resultado === undefined) throw new SoapResponseError(t('pi.noResultado', { index: String(i + 1) }), result.httpStatus);
      const protocolo = text(r['Protocolo']);
      return protocolo === undefined || protocolo === '' ? { Resultado: resultado } : { Protocolo: protocolo, Resultado: resultado };
    });
  }
}
