/**
 * A local Protocolo Integrado: the SOAP 1.1 service `integradorService` as the reference describes it,
 * for tests and for agencies trying pi-sender without credentials. Where the real service is unknown
 * it is configurable (result Protocolo echoed or not, 401 or NegocioFault for bad credentials).
 *
 * It shares no code with the client it tests: requests are parsed with fast-xml-parser and the data
 * standard's own reader and rules.
 */

import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { DocumentoDraft, Profile } from '../standard/model.js';
import { readListaDocumentos } from '../standard/reader.js';
import { cpfProblems, DuplicateProtocolos } from '../standard/rules.js';
import { validateRecord } from '../standard/validate.js';
import { draftOfRest } from '../standard/rest-json.js';
import { documentoXml, escapeXmlText } from '../standard/writer.js';
import { XSD_DIR } from '../standard/xsd.js';
import { FaultPlan, type Behaviour, type FaultOptions } from './faults.js';
import { nfFor } from './nf-codes.js';
import { BodyTooLarge, listen, readBody, type Listening, type ServerTls } from './server.js';

const NS = 'http://endpoint.ws.protocolo.gov.br/';
const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The simulator's answer for one Documento. */
type Result = { protocolo: string; resultado: string };

export const PI_SIMULATOR_PATH = '/ProtocoloWS/integradorService';
/** Where the simulator's REST API lives (operation names are appended). */
export const PI_SIMULATOR_REST_PATH = '/api/';

/** Options of {@link startPiSimulator}. */
export interface PiSimulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** HTTP Basic user name the service accepts (default `simulador`). */
  user?: string;
  /** HTTP Basic password the service accepts. Required. */
  password: string;
  /** What `getQuantidadeMaximaDocumentosPorRequisicao` answers; a larger batch gets a NegocioFault. */
  maxDocs?: number;
  tls?: ServerTls;
  /** Appends every accepted Documento that brought something new to this JSON Lines file. */
  record?: string;
  /** Profile used to check each Documento (default strict). */
  profile?: Profile;
  /** Echo Protocolo in each ResultadoDocumento (default true; unknown for the real service). */
  resultProtocolo?: boolean;
  /** How bad credentials are answered: a NegocioFault (default, as SEI reads it) or HTTP 401. */
  authFailure?: 'fault' | 'http';
  faults?: FaultOptions;
  /** Largest request accepted (default 64 MiB). */
  maxBodyBytes?: number;
  /** Lifetime of the REST API's tokens, in seconds (default 3600; short ones test the renewal). */
  tokenTtlSeconds?: number;
}

/** Counters of a simulator since it started. */
export interface PiSimulatorStats {
  requests: number;
  documentos: number;
  accepted: number;
  rejected: number;
}

/** A running simulator. */
export interface PiSimulator {
  /** The SOAP address, e.g. `http://127.0.0.1:39123/ProtocoloWS/integradorService`. */
  url: string;
  /** The REST API's base, e.g. `http://127.0.0.1:39123/api/` (the same checks, answers and faults). */
  restUrl: string;
  wsdlUrl: string;
  stats: PiSimulatorStats;
  /** REST logins answered with a token so far (a renewal is a second one). */
  logins: number;
  /** Protocolos accepted so far, with the ItemHistorico keys received for each. */
  accepted: ReadonlyMap<string, ReadonlySet<string>>;
  /** Replaces the fault plan (e.g. between two phases of a test). */
  setFaults(faults: FaultOptions): void;
  close(): Promise<void>;
}

const BODY_OPEN = /<(?:[A-Za-z_][\w.-]*:)?Body(?:\s[^>]*)?>/;
const FIRST_ELEMENT = /(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/y;

/**
 * The operation a request calls: the local name of the Body's first element. Found by looking at the
 * Body's start, not by building the whole request as objects: the request is already known to be
 * well-formed, and its ListaDocumentos is read once more by the checks anyway.
 */
function operationOf(xml: string): string | undefined {
  const body = BODY_OPEN.exec(xml);
  if (!body) return undefined;
  FIRST_ELEMENT.lastIndex = body.index + body[0].length;
  return FIRST_ELEMENT.exec(xml)?.[1];
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="${SOAP_NS}"><S:Body>${body}</S:Body></S:Envelope>`;
}

function fault(faultcode: string, faultstring: string, negocio?: string): string {
  const detail =
    negocio === undefined
      ? ''
      : `<detail><ns2:NegocioFault xmlns:ns2="${NS}"><mensagemFault>${escapeXmlText(negocio)}</mensagemFault></ns2:NegocioFault></detail>`;
  return envelope(`<S:Fault><faultcode>S:${faultcode}</faultcode><faultstring>${escapeXmlText(faultstring)}</faultstring>${detail}</S:Fault>`);
}

/** What a careless server repeats of a request: its Authorization header, decoded too. */
function echoOf(authorization: string): string {
  const decoded = Buffer.from(authorization.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return `Authorization: ${authorization}; credenciais ${decoded}; senha=${encodeURIComponent(password)}`;
}

function itemKey(item: { DataHoraOperacao?: string; UnidadeOperacao?: string; Operacao?: string }): string {
  return `${item.DataHoraOperacao ?? ''}|${item.UnidadeOperacao ?? ''}|${item.Operacao ?? ''}`;
}

/** Starts a local PI on 127.0.0.1 (a free port unless given): for trying pi-sender and for your own tests. */
export async function startPiSimulator(options: PiSimulatorOptions): Promise<PiSimulator> {
  const user = options.user ?? 'simulador';
  const expectedAuth = `Basic ${Buffer.from(`${user}:${options.password}`, 'utf8').toString('base64')}`;
  const maxDocs = options.maxDocs ?? 100;
  const profile = options.profile ?? 'strict';
  const echoProtocolo = options.resultProtocolo ?? true;
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  let faults = new FaultPlan(options.faults);
  const accepted = new Map<string, Set<string>>();
  const stats: PiSimulatorStats = { requests: 0, documentos: 0, accepted: 0, rejected: 0 };
  const wsdlTemplate = readFileSync(path.join(XSD_DIR, 'protocolo-integrado.wsdl'), 'utf8');
  const servedXsd = new Set(['protocolo-integrado-ws.xsd', 'protocolo-integrado.xsd', 'protocolo-integrado-common.xsd']);
  let url = '';

  const send = (res: ServerResponse, status: number, body: string, type = 'text/xml; charset=utf-8'): void => {
    res.statusCode = status;
    res.setHeader('content-type', type);
    res.end(body);
  };

  /**
   * Checks and records one list; returns the Resultado of each Documento. Over REST, `rest` holds the
   * Documentos as received, whose interessados' CPFs (absent from the XML) are checked too.
   */
  async function check(listXml: string, rest?: DocumentoDraft[]): Promise<Result[]> {
    const results: Result[] = [];
    const duplicates = new DuplicateProtocolos();
    let position = 0;
    for await (const ev of readListaDocumentos(Buffer.from(listXml, 'utf8'))) {
      if (ev.kind === 'problem') {
        if (ev.fatal && results.length === 0) throw new Error(ev.problem.message);
        continue;
      }
      const received = rest?.[position++];
      const protocolo = (ev.documento.Protocolo ?? '').trim();
      const problems = validateRecord(ev, profile);
      if (received) problems.push(...cpfProblems(received));
      const dup = duplicates.check(protocolo, ev.index);
      if (dup) problems.push(dup);
      const error = problems.find((p) => p.severity === 'error');
      stats.documentos++;
      if (error) {
        stats.rejected++;
        results.push({ protocolo, resultado: nfFor(error) });
        continue;
      }
      stats.accepted++;
      remember(protocolo, received ?? ev.documento);
      results.push({ protocolo, resultado: 'Ok!' });
    }
    return results;
  }

  /** Keeps what is new: a resend of what the service has changes nothing, as the real PI. */
  function remember(protocolo: string, doc: DocumentoDraft): void {
    let items = accepted.get(protocolo);
    const isNew = !items;
    items ??= new Set();
    const fresh = (doc.Historico?.ItemHistorico ?? []).filter((i) => !items!.has(itemKey(i)));
    for (const i of fresh) items.add(itemKey(i));
    accepted.set(protocolo, items);
    if (options.record && (isNew || fresh.length > 0)) {
      const line = JSON.stringify({ receivedAt: new Date().toISOString(), protocolo, newItems: fresh.length, documento: doc });
      appendFileSync(options.record, `${line}\n`);
    }
  }

  function resultsXml(results: Result[]): string {
    return results
      .map(
        (r) =>
          `<ResultadoDocumento>${echoProtocolo ? `<Protocolo>${escapeXmlText(r.protocolo)}</Protocolo>` : ''}<Resultado>${escapeXmlText(r.resultado)}</Resultado></ResultadoDocumento>`,
      )
      .join('');
  }

  // --- the REST API (reference §1.7): a JWT from the organ's code and password, JSON both ways ---
  const jwtSecret = randomBytes(32);
  const ttlMs = (options.tokenTtlSeconds ?? 3600) * 1000;
  let logins = 0;
  const b64 = (v: string | Buffer): string => Buffer.from(v).toString('base64url');
  const sign = (data: string): string => createHmac('sha256', jwtSecret).update(data).digest('base64url');
  const issue = (): string => {
    const data = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify({ sub: user, jti: randomBytes(8).toString('hex'), exp: Math.floor((Date.now() + ttlMs) / 1000) }))}`;
    return `${data}.${sign(data)}`;
  };
  const validToken = (header: string | undefined): boolean => {
    const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '');
    if (!m || sign(`${m[1]}.${m[2]}`) !== m[3]) return false;
    const exp = (JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as { exp?: number }).exp ?? 0;
    return exp * 1000 > Date.now();
  };
  const json = (res: ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), 'application/json');

  async function handleRest(req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> {
    stats.requests++;
    if (operation === 'autenticarPorOrgao' && req.method === 'POST') {
      let login: { codigoOrgao?: unknown; senha?: unknown };
      try {
        login = JSON.parse(await readBody(req, 64 * 1024)) as typeof login;
      } catch {
        return json(res, 400, { title: 'Bad Request', status: 400, detail: 'Corpo da requisição não é um JSON válido' });
      }
      if (String(login.codigoOrgao) !== user || login.senha !== options.password) {
        return json(res, 401, { title: 'Unauthorized', status: 401, detail: 'Órgão e/ou senha inválidos' });
      }
      logins++;
      return json(res, 200, { id_token: issue() });
    }
    if (!validToken(req.headers['authorization'])) return json(res, 401, { title: 'Unauthorized', status: 401, detail: 'Token ausente, inválido ou expirado' });
    if (operation === 'getQuantidadeMaximaDocumentosPorRequisicao' && req.method === 'GET') return json(res, 200, { quantidade: maxDocs });
    if (operation !== 'enviarListaDocumentos' || req.method !== 'POST')
      return json(res, 404, { title: 'Not Found', status: 404, detail: `Operação desconhecida: ${operation}` });
    let body: { documentos?: unknown };
    try {
      body = JSON.parse(await readBody(req, maxBody)) as typeof body;
    } catch (err) {
      if (err instanceof BodyTooLarge) return json(res, 413, { status: 413, detail: err.message });
      return json(res, 400, { title: 'Bad Request', status: 400, detail: 'Corpo da requisição não é um JSON válido' });
    }
    const { behaviour, delayMs } = faults.next();
    if (delayMs > 0) await sleep(delayMs);
    if (await injectBefore(behaviour, res, echoOf(req.headers['authorization'] ?? ''))) return;
    const documentos = Array.isArray(body.documentos) ? body.documentos : undefined;
    if (!documentos || documentos.length === 0) return json(res, 400, { title: 'Bad Request', status: 400, detail: 'documentos ausente ou vazio' });
    if (documentos.length > maxDocs) {
      return json(res, 400, {
        title: 'Bad Request',
        status: 400,
        detail: `A lista tem ${documentos.length} documentos; o máximo por requisição é ${maxDocs}.`,
      });
    }
    // The same checks as over SOAP: each Documento in the standard's XML, through the same reader and rules.
    const drafts = documentos.map((d) => draftOfRest(d));
    const checked = await check(`<ListaDocumentos>${drafts.map((d) => documentoXml(d, { invalidCharacters: 'replace' })).join('')}</ListaDocumentos>`, drafts);
    const results = injectAfter(behaviour, res, checked, echoOf(req.headers['authorization'] ?? ''));
    if (!results) return;
    return json(
      res,
      200,
      results.map((r) => ({ resultado: r.resultado })),
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', 'http://simulator');
    if (target.pathname.startsWith(PI_SIMULATOR_REST_PATH)) return handleRest(req, res, target.pathname.slice(PI_SIMULATOR_REST_PATH.length));
    if (req.method === 'GET' || req.method === 'HEAD') {
      // The WSDL is readable without credentials (the SEI module probes it unauthenticated).
      if (target.pathname === PI_SIMULATOR_PATH && target.searchParams.has('wsdl')) {
        return send(res, 200, req.method === 'HEAD' ? '' : wsdlTemplate.replace(/location="[^"]*"/, `location="${url}"`));
      }
      const file = target.pathname.startsWith('/ProtocoloWS/') ? target.pathname.slice('/ProtocoloWS/'.length) : '';
      if (servedXsd.has(file)) return send(res, 200, req.method === 'HEAD' ? '' : readFileSync(path.join(XSD_DIR, file), 'utf8'));
      return send(res, 404, 'not found', 'text/plain');
    }
    if (req.method !== 'POST' || target.pathname !== PI_SIMULATOR_PATH) return send(res, 404, 'not found', 'text/plain');
    stats.requests++;
    if (!/^(text\/xml|application\/soap\+xml)/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, 'SOAP 1.1 needs Content-Type: text/xml', 'text/plain');
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) return send(res, 413, err.message, 'text/plain');
      throw err;
    }
    const auth = req.headers['authorization'];
    if (!auth) {
      res.setHeader('www-authenticate', 'Basic realm="ProtocoloWS"');
      return send(res, 401, 'authentication required', 'text/plain');
    }
    if (auth !== expectedAuth) {
      if (options.authFailure === 'http') return send(res, 401, 'unauthorized', 'text/plain');
      return send(res, 500, fault('Server', 'Usuário e/ou senha inválidos', 'Usuário e/ou senha inválidos para uso do serviço.'));
    }
    if (XMLValidator.validate(body) !== true || /<!DOCTYPE/i.test(body)) {
      return send(res, 500, fault('Client', 'Requisição SOAP malformada'));
    }
    const operation = operationOf(body);
    if (operation === 'getQuantidadeMaximaDocumentosPorRequisicao') {
      return send(
        res,
        200,
        envelope(
          `<ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse xmlns:ns2="${NS}"><NumeroMaximoDocumentos>${maxDocs}</NumeroMaximoDocumentos></ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse>`,
        ),
      );
    }
    if (operation !== 'enviarListaDocumentos') {
      return send(res, 500, fault('Client', `Operação desconhecida: ${operation ?? '(nenhuma)'}`));
    }

    const { behaviour, delayMs } = faults.next();
    if (delayMs > 0) await sleep(delayMs);
    if (await injectBefore(behaviour, res, echoOf(auth))) return;

    const start = body.search(/<ListaDocumentos[\s>/]/);
    const end = body.lastIndexOf('</ListaDocumentos>');
    if (start === -1 || end === -1) {
      return send(res, 500, fault('Client', 'ListaDocumentos ausente ou qualificada (deve vir sem namespace)'));
    }
    const listXml = body.slice(start, end + '</ListaDocumentos>'.length);
    const count = (listXml.match(/<Documento[\s>/]/g) ?? []).length;
    if (count > maxDocs) {
      return send(
        res,
        500,
        fault('Server', 'Quantidade de documentos acima do permitido', `A lista tem ${count} documentos; o máximo por requisição é ${maxDocs}.`),
      );
    }
    let checked;
    try {
      checked = await check(listXml);
    } catch (err) {
      return send(res, 500, fault('Client', `ListaDocumentos inválida: ${(err as Error).message}`));
    }
    const results = injectAfter(behaviour, res, checked, echoOf(auth));
    if (!results) return;
    return send(res, 200, envelope(`<ns2:enviarListaDocumentosResponse xmlns:ns2="${NS}">${resultsXml(results)}</ns2:enviarListaDocumentosResponse>`));
  }

  /** Applies a fault that happens before processing; true when the request was answered (or dropped). */
  async function injectBefore(b: Behaviour, res: ServerResponse, echo: string): Promise<boolean> {
    switch (b.kind) {
      case 'delay':
        await sleep(b.ms);
        return false;
      case 'status':
        if (b.status === 500) send(res, 500, fault('Server', 'Erro interno do servidor'));
        else {
          if (b.status === 503) res.setHeader('retry-after', '1');
          send(res, b.status, `<html><body><h1>${b.status}</h1></body></html>`, 'text/html');
        }
        return true;
      case 'drop':
        res.socket?.destroy();
        return true;
      case 'malformed':
        send(res, 200, envelope(`<ns2:enviarListaDocumentosResponse xmlns:ns2="${NS}"><ResultadoDocumento><Resultado>Ok!`).slice(0, -40));
        return true;
      case 'not-xml':
        send(res, 200, '<html><head><title>Manutenção</title></head><body>Sistema em manutenção</body></html>', 'text/html');
        return true;
      case 'fault':
        send(res, 500, fault('Server', 'Erro ao processar a requisição', 'Erro temporário; tente novamente.'));
        return true;
      case 'echo-fault':
        send(res, 500, fault('Server', `Erro ao processar a requisição. ${echo}`, `Requisição recebida com ${echo}`));
        return true;
      default:
        return false;
    }
  }

  /** Applies a fault that happens after processing, to the answers of both APIs; undefined when the connection was dropped. */
  function injectAfter(b: Behaviour, res: ServerResponse, results: Result[], echo: string): Result[] | undefined {
    switch (b.kind) {
      case 'drop-after':
        res.socket?.destroy();
        return undefined;
      case 'count-mismatch':
        return results.slice(0, -1);
      case 'garbage-result':
        return results.map((r) => ({ ...r, resultado: 'Erro interno ao gravar o documento' }));
      case 'echo-result':
        return results.map((r) => ({ ...r, resultado: `NF001 - Protocolo recusado. ${echo}` }));
      default:
        return results;
    }
  }

  const listening: Listening = await listen(handle, {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  url = `${listening.origin}${PI_SIMULATOR_PATH}`;
  return {
    url,
    restUrl: `${listening.origin}${PI_SIMULATOR_REST_PATH}`,
    wsdlUrl: `${url}?wsdl`,
    stats,
    get logins() {
      return logins;
    },
    accepted,
    setFaults: (f) => {
      faults = new FaultPlan(f);
    },
    close: () => listening.close(),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
