/**
 * The PI's REST API (reference §1.7, from the SEI module's unreleased REST client): a login by the
 * organ's code and password gives a JWT, sent as `Authorization: Bearer` to the two operations. The
 * token is obtained once per client, kept only in memory (and registered as a secret: it never reaches
 * a log, report or store), and renewed once when the service answers 401 mid-run.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { AuthError, httpStatusError, SoapResponseError } from '../soap/errors.js';
import type { HttpResponse, HttpTransport } from '../soap/transport.js';
import { maskCpfsInText } from '../standard/cpf.js';
import { readListaDocumentos } from '../standard/reader.js';
import { restDocumento, type RestDocumento } from '../standard/rest-json.js';
import type { OutgoingDocumento, PiService, ResultadoDocumento } from './client.js';

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export class RestPiClient implements PiService {
  private token: string | undefined;

  constructor(
    private readonly transport: HttpTransport,
    /** The base URL, ending in `/`: operation names are appended to it. */
    readonly endpoint: string,
    private readonly credentials: { user: string; password: string },
  ) {}

  async getQuantidadeMaximaDocumentosPorRequisicao(signal?: AbortSignal): Promise<number> {
    const res = await this.authorized(
      (token) => this.transport.get(`${this.endpoint}getQuantidadeMaximaDocumentosPorRequisicao`, bearer(token), signal),
      signal,
    );
    const value = (this.json(res) as { quantidade?: unknown } | null)?.quantidade;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new SoapResponseError(t('pi.badMaximum', { value: value === undefined ? t('pi.missing') : JSON.stringify(value) }), res.status);
    }
    return value;
  }

  async enviarListaDocumentos(outgoing: readonly OutgoingDocumento[], signal?: AbortSignal): Promise<ResultadoDocumento[]> {
    if (outgoing.length === 0) throw new PiSenderError('ERR_INTERNAL', t('pi.emptyList'));
    const documentos: RestDocumento[] = [];
    const list = Buffer.concat([
      Buffer.from('<ListaDocumentos>'),
      ...outgoing.map((d) => (typeof d.xml === 'string' ? Buffer.from(d.xml, 'utf8') : d.xml)),
      Buffer.from('</ListaDocumentos>'),
    ]);
    for await (const ev of readListaDocumentos(list)) {
      if (ev.kind !== 'documento') continue;
      // The CPF and natureza the XML cannot carry, by the interessado's position in it.
      const extras = outgoing[documentos.length]?.interessados;
      (ev.documento.ListaInteressados?.Interessado ?? []).forEach((i, k) => Object.assign(i, extras?.[k]));
      documentos.push(restDocumento(ev.documento));
    }
    if (documentos.length !== outgoing.length)
      throw new PiSenderError('ERR_INTERNAL', t('rest.unreadDocumento', { read: String(documentos.length), given: String(outgoing.length) }));
    const body = JSON.stringify({ documentos });
    const res = await this.authorized(
      (token) => this.transport.post(`${this.endpoint}enviarListaDocumentos`, body, { ...JSON_HEADERS, ...bearer(token) }, signal),
      signal,
    );
    const answer = this.json(res);
    if (!Array.isArray(answer)) throw new SoapResponseError(t('rest.notList', { status: String(res.status) }), res.status);
    return answer.map((r: unknown, i) => {
      const resultado = r && typeof r === 'object' ? (r as { resultado?: unknown }).resultado : undefined;
      if (typeof resultado !== 'string') throw new SoapResponseError(t('pi.noResultado', { index: String(i + 1) }), res.status);
      // A service that quotes what it was sent may quote a CPF: it is masked before any log or store sees it.
      return { Resultado: maskCpfsInText(resultado) };
    });
  }

  private async login(signal?: AbortSignal): Promise<string> {
    const body = JSON.stringify({ codigoOrgao: this.credentials.user, senha: this.credentials.password, lembrarMe: true });
    // Read as it came: a token equal to one already registered would otherwise arrive as ***.
    const res = await this.transport.post(`${this.endpoint}autenticarPorOrgao`, body, JSON_HEADERS, signal, { keepSecrets: true });
    const token = (this.json(res) as { id_token?: unknown } | null)?.id_token;
    if (typeof token !== 'string' || token === '') throw new SoapResponseError(t('rest.noToken', { status: String(res.status) }), res.status);
    registerSecret(token);
    this.token = token;
    return token;
  }

  /** A call with the token; a 401 (an expired token) gets one new login and one more try. */
  private async authorized(call: (token: string) => Promise<HttpResponse>, signal?: AbortSignal): Promise<HttpResponse> {
    const token = this.token ?? (await this.login(signal));
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof AuthError) || err.httpStatus !== 401) throw err;
      this.token = undefined;
      return call(await this.login(signal));
    }
  }

  /** The answer's JSON; an error status (with a problem+json `detail` when there is one) is thrown. */
  private json(res: HttpResponse): unknown {
    let value: unknown;
    try {
      value = res.body.trim() === '' ? null : JSON.parse(res.body);
    } catch {
      if (res.status >= 400) throw httpStatusError(this.endpoint, res.status, res.headers['retry-after']);
      throw new SoapResponseError(t('rest.notJson', { status: String(res.status) }), res.status);
    }
    const detail = value && typeof value === 'object' && !Array.isArray(value) ? (value as { detail?: unknown }).detail : undefined;
    if (res.status >= 500 || res.status === 429 || (res.status >= 400 && detail === undefined))
      throw httpStatusError(this.endpoint, res.status, res.headers['retry-after']);
    // The whole batch failed, as the service said why: retried like any answer that is not the expected one.
    if (detail !== undefined)
      throw new SoapResponseError(t('rest.detail', { status: String(res.status), detail: maskCpfsInText(String(detail).slice(0, 500)) }), res.status);
    return value;
  }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, accept: 'application/json' };
}
