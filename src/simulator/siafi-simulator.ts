/**
 * A local integrarSistemaSPUNet (Novo SIAFI) for trying pi-sender and for tests: HTTPS with a
 * required client certificate, WS-Security UsernameToken (CPF + PasswordText), the cabecalhoSIAFI
 * rules with their EWS codes, nonces remembered (a repeat is answered with
 * requisicaoRepetidaResposta and changes nothing), numbered requisitions, XSD checks of every
 * request, and injected INDEFINIDO outcomes, lost answers and delays. Where the real service's
 * behaviour is unknown [?], an option says which way it goes.
 *
 * It shares only the SOAP plumbing with pi-sender's client: it parses requests on its own.
 */

import { t } from '../i18n/translate.js';
import { appendFileSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateAgainstSchema, XSD_DIR } from '../standard/xsd.js';
import { parseRepeatedScript } from './faults.js';
import { escapeXml, listen, readBody, type Listening, type ServerTls } from './server.js';

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const BIL_NS = 'http://www.tesouro.gov.br/bilhetador/xsd/bilhetador';
const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const DEFAULT_NS = 'http://www.tesouro.gov.br/siafi/services/integra/integrarSistemaSPUNet';
const SIAFI_XSD = path.join(XSD_DIR, 'siafi');

/** The operations, their response names (as the interface document gives them) and grupo. */
const RESPONSES: Record<string, { response: string; grupo: number | undefined }> = {
  criarSPURequisicaoIncorporacao: { response: 'criarSPURequisicaoIncorporacaoResponse', grupo: 1 },
  criarSPURequisicaoAvaliacao: { response: 'criarSPURequisicaoAvaliacaoResponse', grupo: 2 },
  criarSPURequisicaoTransferencia: { response: 'criarSPURequisicaoTransferenciaResponse', grupo: 3 },
  criarSPURequisicaoBaixa: { response: 'criarSPURequisicaoBaixaResponse', grupo: 4 },
  criarSPURequisicaoReclassificacao: { response: 'criarSPURequisicaoReclassificacaoResponse', grupo: 5 },
  criarSPURequisicaoDepreciacao: { response: 'criarSPURequisicaoDepreciacaoResponse', grupo: 6 },
  criarSPURequisicaoAtualizacaoAnual: { response: 'criarSPURequisicaoAtualizacaoAnualResponse', grupo: 7 },
  criarSPURequisicaoAjustesContabeis: { response: 'criarSPURequisicaoAjustesContabeisResponse', grupo: 8 },
  estornarSPURequisicao: { response: 'spuRequisicaoResponse', grupo: undefined },
};

/** What the next request gets (fault injection). */
export type SiafiBehaviour =
  /** answer normally */
  | 'ok'
  /** apply the requisition, answer resultado INDEFINIDO */
  | 'indefinido'
  /** do not apply it, answer resultado INDEFINIDO */
  | 'indefinido-not-applied'
  /** apply it, answer EWS0011 (processed, outcome unknown) */
  | 'ews0011'
  /** refuse it with EWS0009 (a business error caught by the bilhetador) */
  | 'ews0009'
  /** apply it, then close the connection without answering */
  | 'drop-after'
  /** close the connection without processing */
  | 'drop'
  /** keep the nonce "being processed" and never answer (EWS0006 for a repeat, EWS0010 after stuckAfterMs) */
  | 'stuck'
  /** HTTP 503 with no body, nothing processed */
  | '503'
  /** a SOAP fault repeating the operator's CPF and password from the Security header (a careless server) */
  | 'echo-fault'
  /** answer normally after a delay (ms) */
  | { delayMs: number };

/** An operator the simulator accepts: CPF, password and UGs. */
export interface SiafiOperator {
  /** CPF, 11 digits. */
  cpf: string;
  password: string;
  /** The UGs the operator may use in cabecalhoSIAFI (primary and secondary). */
  ugs: string[];
}

/** Options of {@link startSiafiSimulator}; [?] marks behaviour of the real service that is unknown. */
export interface SiafiSimulatorOptions {
  /** Server certificate and key (PEM) and the CA(s) client certificates must chain to. */
  tls: { cert: string | Buffer; key: string | Buffer; clientCa: string | Buffer | Array<string | Buffer> };
  operators: SiafiOperator[];
  /** Exercise year in the path (`/siafi<year>he/...`); default the current year. */
  year?: number;
  /** `homologacao` (path `siafi<ano>he`, default) or `producao` (`siafi<ano>`). */
  environment?: 'homologacao' | 'producao';
  host?: string;
  port?: number;
  /** Service namespace [?] (default the inferred one). */
  namespace?: string;
  /** Client certificate subject CNs registered as consumers; others get EWS0003 (default: any the CA signed). */
  consumers?: string[];
  /** Name of the output header [?]: the document's `efetivacaoOperacao` (default) or `EfetivacaoOperacao` as seen in production code. */
  efetivacaoName?: 'efetivacaoOperacao' | 'EfetivacaoOperacao';
  /** Where EWS codes go [?]: a SOAP fault (default) or `mensagem` entries in a normal answer. */
  ewsPlacement?: 'fault' | 'mensagem';
  /** How long a processed nonce is remembered [?] (default 24 hours). */
  nonceTtlMs?: number;
  /** What a repeated nonce's resultado is [?]: the original one (default) or always FALHA. */
  repeatResult?: 'original' | 'falha';
  /** Whether a repeat carries the original SPURequisicaoResposta [?] (default true). */
  repeatBody?: boolean;
  /** A nonce "being processed" longer than this gets EWS0010 instead of EWS0006 (default 10 minutes). */
  stuckAfterMs?: number;
  /** Behaviours for the next requests, in order, then `ok`. Also `a,b,c` text (see parseSiafiScript). */
  script?: SiafiBehaviour[] | string;
  /** Append every requisition created or reversed as JSON Lines. */
  record?: string;
  /** The clock (tests of nonce memory). */
  now?: () => Date;
  /**
   * How a wrong CPF or password is refused [?]: a WS-Security FailedAuthentication fault (default, as
   * WSS4J does) or a plain `soap:Client` fault "Usuário ou senha inválidos", as some peers answer.
   */
  authFailure?: 'wsse' | 'client';
}

/** A requisition the simulator created. */
export interface SimulatedRequisicao {
  operation: string;
  ano: number;
  numero: number;
  numNS: string;
  ug: string;
  nonce: string;
  cpf: string;
  /** The parameter as received, parsed. */
  parameter: Record<string, unknown>;
  estornada: boolean;
  createdAt: string;
}

/** A running SIAFI simulator. */
export interface SiafiSimulator {
  /** The service address, e.g. `https://127.0.0.1:40123/siafi2026he/services/integra/integrarSistemaSPUNet`. */
  url: string;
  wsdlUrl: string;
  /** Requisitions created, in order. */
  requisicoes: readonly SimulatedRequisicao[];
  /** Every request received (after TLS): operation (or undefined) and nonce, in order. */
  requests: ReadonlyArray<{ operation: string | undefined; nonce: string | undefined }>;
  /** Replaces the script of the next behaviours. */
  setScript(script: SiafiBehaviour[] | string): void;
  close(): Promise<void>;
}

/** Parses `ok,indefinido,drop-after,delay=3000,stuck,ews0011x2`. */
export function parseSiafiScript(script: string): SiafiBehaviour[] {
  const simple = ['ok', 'indefinido', 'indefinido-not-applied', 'ews0011', 'ews0009', 'drop-after', 'drop', 'stuck', '503', 'echo-fault'];
  return parseRepeatedScript<SiafiBehaviour>(
    script,
    (token) => {
      const delay = /^delay=(\d+)$/.exec(token);
      return delay ? { delayMs: Number(delay[1]) } : simple.includes(token) ? (token as SiafiBehaviour) : undefined;
    },
    t('sim.siafiBehaviour'),
    `${simple.join(', ')}, delay=MS`,
  );
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['dadosPadraoBem', 'dadosMudancaBem', 'dadosDepreciacaoBens', 'itemListaBensImoveis'].includes(name),
});

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);
const textOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof obj(v)?.['#text'] === 'string' ? (obj(v)!['#text'] as string) : v === '' ? '' : undefined;

const EWS_TEXT: Record<string, string> = {
  EWS0001: 'Cabeçalho do SIAFI ausente.',
  EWS0003: 'Sistema consumidor não identificado ou não cadastrado.',
  EWS0004: 'Obrigatório informar o campo “nonce” no cabeçalho de entrada para executar operações que alteram a base.',
  EWS0005: 'Tamanho do campo “nonce” do cabeçalho de entrada excede 64 caracteres.',
  EWS0006: 'Já existe uma requisição com o mesmo identificador NONCE sendo processada. Aguarde 10 minutos e tente novamente.',
  EWS0007: 'Obrigatório informar o campo “ug” no cabeçalho SIAFI.',
  EWS0008: 'Nome do Sistema deve ser igual ao informado na URL.',
  EWS0009: 'Erro de Negócio capturado pelo bilhetador: ',
  EWS0010:
    'Existe uma requisição já processada com o mesmo NONCE e sem mensagem de resposta, verifique se as informações desta requisição já foram gravadas no Novo SIAFI ou entre em contato com o administrador do sistema.',
  EWS0011:
    'A requisição foi processada, porém não é possível identificar se foi efetivada. Aguarde 20 minutos e verifique o estado da requisição no Novo SIAFI.',
};

interface NonceEntry {
  state: 'processing' | 'done';
  since: number;
  operation: string;
  resultado?: 'SUCESSO' | 'FALHA' | 'INDEFINIDO';
  bodyXml?: string;
  processedAt?: string;
}

/** Starts a local integrarSistemaSPUNet on 127.0.0.1 over HTTPS with mutual TLS. */
export async function startSiafiSimulator(options: SiafiSimulatorOptions): Promise<SiafiSimulator> {
  const now = options.now ?? (() => new Date());
  const year = options.year ?? Number(new Intl.DateTimeFormat('en', { timeZone: 'America/Sao_Paulo', year: 'numeric' }).format(now()));
  const segment = `siafi${year}${(options.environment ?? 'homologacao') === 'homologacao' ? 'he' : ''}`;
  const servicePath = `/${segment}/services/integra/integrarSistemaSPUNet`;
  const tns = options.namespace ?? DEFAULT_NS;
  const efetivacaoName = options.efetivacaoName ?? 'efetivacaoOperacao';
  const ewsPlacement = options.ewsPlacement ?? 'fault';
  const nonceTtlMs = options.nonceTtlMs ?? 24 * 3600_000;
  const stuckAfterMs = options.stuckAfterMs ?? 10 * 60_000;
  let script: SiafiBehaviour[] = typeof options.script === 'string' ? parseSiafiScript(options.script) : [...(options.script ?? [])];
  const nonces = new Map<string, NonceEntry>();
  const requisicoes: SimulatedRequisicao[] = [];
  const requests: Array<{ operation: string | undefined; nonce: string | undefined }> = [];
  const nextNumber = new Map<number, number>();
  const stuckSockets = new Set<ServerResponse>();
  let nsCounter = 0;
  let url = '';
  const wsdl = readFileSync(path.join(SIAFI_XSD, 'integrarSistemaSPUNet.wsdl'), 'utf8');
  const served = new Set(['integrarSistemaSPUNet.xsd', 'bilhetador.xsd', 'tipodadossimples.xsd', 'spunet-tipos.xsd']);

  const reply = (res: ServerResponse, status: number, body: string, type = 'text/xml; charset=utf-8'): void => {
    res.statusCode = status;
    res.setHeader('content-type', type);
    res.end(body);
  };
  const envelope = (header: string, body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}">${header ? `<soap:Header>${header}</soap:Header>` : ''}<soap:Body>${body}</soap:Body></soap:Envelope>`;
  const efetivacao = (resultado: string): string => `<ns2:${efetivacaoName} xmlns:ns2="${BIL_NS}"><resultado>${resultado}</resultado></ns2:${efetivacaoName}>`;
  const soapFault = (code: string, message: string, header = ''): string =>
    envelope(header, `<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(message)}</faultstring></soap:Fault>`);
  // WSS4J's faults: rejected before the service runs, with no output header.
  const wsseFault = (code: string, message: string): string => soapFault(`wsse:${code}`, message).replace('<faultcode>', `<faultcode xmlns:wsse="${WSSE_NS}">`);
  const resposta = (operation: string, inner: string): string => {
    const name = RESPONSES[operation]?.response ?? `${operation}Response`;
    return `<ns3:${name} xmlns:ns3="${escapeXml(tns)}"><spuRequisicaoResposta>${inner}</spuRequisicaoResposta></ns3:${name}>`;
  };
  const mensagem = (cod: string | undefined, txt: string): string =>
    `<mensagem>${cod ? `<codMsg>${cod}</codMsg>` : ''}<txtMsg>${escapeXml(txt)}</txtMsg></mensagem>`;

  /** An EWS answer, where the options put it; resultado FALHA except for the "unknown" codes. */
  function ews(res: ServerResponse, operation: string | undefined, code: string, extra = ''): void {
    const resultado = code === 'EWS0006' || code === 'EWS0010' || code === 'EWS0011' ? 'INDEFINIDO' : 'FALHA';
    const text = `${code} - ${EWS_TEXT[code]}${extra}`;
    if (ewsPlacement === 'mensagem' && operation) return reply(res, 200, envelope(efetivacao(resultado), resposta(operation, mensagem(code, text))));
    reply(res, 500, soapFault('soap:Server', text, efetivacao(resultado)));
  }

  function applyRequisicao(operation: string, parameter: Obj, ug: string, nonce: string, cpf: string): { resultado: 'SUCESSO' | 'FALHA'; body: string } {
    if (operation === 'estornarSPURequisicao') {
      const ano = Number(textOf(parameter['anoRequisicaoSPU']));
      const numero = Number(textOf(parameter['numRequisicaoSPU']));
      const target = requisicoes.find((r) => r.ano === ano && r.numero === numero && r.operation !== 'estornarSPURequisicao');
      if (!target)
        return { resultado: 'FALHA', body: resposta(operation, mensagem('SPU001', `Requisição ${ano}RI${String(numero).padStart(6, '0')} não encontrada.`)) };
      if (target.estornada)
        return { resultado: 'FALHA', body: resposta(operation, mensagem('SPU002', `Requisição ${ano}RI${String(numero).padStart(6, '0')} já estornada.`)) };
      if (String(RESPONSES[target.operation]?.grupo) !== String(Number(textOf(parameter['grupoRequisicao'])))) {
        return { resultado: 'FALHA', body: resposta(operation, mensagem('SPU003', 'O grupo informado não corresponde ao da requisição estornada.')) };
      }
      target.estornada = true;
    } else {
      const grupo = Number(textOf(parameter['grupoRequisicao']));
      if (grupo !== RESPONSES[operation]!.grupo)
        return {
          resultado: 'FALHA',
          body: resposta(operation, mensagem('SPU004', `grupoRequisicao deve ser ${String(RESPONSES[operation]!.grupo).padStart(2, '0')}.`)),
        };
      if (operation === 'criarSPURequisicaoTransferencia' && textOf(parameter['codUGOrigem']) === textOf(parameter['codUGDestino'])) {
        return { resultado: 'FALHA', body: resposta(operation, mensagem('SPU005', 'UG de origem e de destino devem ser diferentes.')) };
      }
    }
    const numero = (nextNumber.get(year) ?? 0) + 1;
    nextNumber.set(year, numero);
    const numNS = `${year}NS${String(++nsCounter).padStart(6, '0')}`;
    const r: SimulatedRequisicao = { operation, ano: year, numero, numNS, ug, nonce, cpf, parameter, estornada: false, createdAt: now().toISOString() };
    requisicoes.push(r);
    if (options.record) appendFileSync(options.record, `${JSON.stringify(r)}\n`);
    const txt = operation === 'estornarSPURequisicao' ? 'Requisição de estorno registrada com sucesso.' : 'Requisição registrada com sucesso.';
    return {
      resultado: 'SUCESSO',
      body: resposta(
        operation,
        `<anoRequisicaoSPU>${year}</anoRequisicaoSPU><codTipoRequisicaoSPU>RI</codTipoRequisicaoSPU><numRequisicaoSPU>${numero}</numRequisicaoSPU><numNS>${numNS}</numNS>${mensagem(undefined, txt)}`,
      ),
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', 'https://simulator');
    if (req.method === 'GET') {
      if (target.pathname === servicePath && target.searchParams.has('wsdl')) return reply(res, 200, wsdl.replace(/location="[^"]*"/, `location="${url}"`));
      const file = path.posix.basename(target.pathname);
      if (target.pathname.startsWith(path.posix.dirname(servicePath)) && served.has(file))
        return reply(res, 200, readFileSync(path.join(SIAFI_XSD, file), 'utf8'));
      return reply(res, 404, 'not found', 'text/plain');
    }
    if (req.method !== 'POST' || target.pathname !== servicePath) return reply(res, 404, 'not found', 'text/plain');
    if (!/^text\/xml/i.test(req.headers['content-type'] ?? '')) return reply(res, 415, 'SOAP 1.1 needs Content-Type: text/xml', 'text/plain');
    const raw = await readBody(req, 4 * 1024 * 1024);
    if (/<!DOCTYPE/i.test(raw) || XMLValidator.validate(raw) !== true)
      return reply(res, 500, soapFault('soap:Client', 'Unmarshalling Error: the request is not well-formed XML'));
    const env = obj(obj(parser.parse(raw) as Obj)?.['Envelope']);
    const header = obj(env?.['Header']);
    const body = obj(env?.['Body']);
    const operation = body ? Object.keys(body).find((k) => !k.startsWith('@')) : undefined;
    const cab = obj(header?.['cabecalhoSIAFI']);
    const nonce = textOf(obj(cab?.['bilhetador'])?.['nonce']);
    requests.push({ operation, nonce });

    // WS-Security first: WSS4J runs before the service.
    const token = obj(obj(header?.['Security'])?.['UsernameToken']);
    if (!token) return reply(res, 500, wsseFault('InvalidSecurity', 'An error was discovered processing the <wsse:Security> header'));
    const user = textOf(token['Username']) ?? '';
    const pw = token['Password'];
    const pwType = obj(pw)?.['@Type'];
    if (pwType !== undefined && pwType !== PASSWORD_TEXT)
      return reply(res, 500, wsseFault('UnsupportedSecurityToken', 'Password type not supported: use PasswordText'));
    const operator = options.operators.find((o) => o.cpf === user && o.password === (textOf(pw) ?? ''));
    if (!operator) {
      if (options.authFailure === 'client') return reply(res, 500, soapFault('soap:Client', 'Usuário ou senha inválidos'));
      return reply(res, 500, wsseFault('FailedAuthentication', 'The security token could not be authenticated or authorized'));
    }
    if (!operation || !(operation in RESPONSES)) return reply(res, 500, soapFault('soap:Client', `Unexpected wrapper element ${operation ?? '(none)'} found`));

    // The bilhetador's header rules, in the order of the document's table.
    if (!cab) return ews(res, operation, 'EWS0001');
    const cn = (req.socket as TLSSocket).getPeerCertificate?.()?.subject?.CN;
    const cnText = Array.isArray(cn) ? cn[0] : cn;
    if (options.consumers && !options.consumers.includes(cnText ?? '')) return ews(res, operation, 'EWS0003');
    const ug = textOf(cab['ug']);
    if (!ug || !operator.ugs.includes(ug)) return ews(res, operation, 'EWS0007');
    const nome = textOf(cab['nomeSistemaSIAFI']);
    if (nome !== undefined && nome.toLowerCase() !== segment.toLowerCase() && nome.toLowerCase() !== `siafi${year}`) return ews(res, operation, 'EWS0008');
    if (!nonce) return ews(res, operation, 'EWS0004');
    if ([...nonce].length > 64) return ews(res, operation, 'EWS0005');

    // SIAFI refuses empty elements; then the request must match the schema.
    const bodyXml = raw.slice(raw.search(/<([\w-]+:)?Body[\s>]/));
    if (/<[\w:-]+(\s[^>]*)?\/>|<([\w:-]+)(\s[^>]*)?>\s*<\/\2>/.test(bodyXml))
      return reply(res, 500, soapFault('soap:Client', 'Unmarshalling Error: empty element'));
    const invalid = validateAgainstSchema(path.join(SIAFI_XSD, 'envelope.xsd'), raw);
    if (invalid.length > 0) return reply(res, 500, soapFault('soap:Client', `Unmarshalling Error: ${invalid[0]}`, efetivacao('FALHA')));

    // Nonces: one being processed, or one already processed.
    const at = now().getTime();
    const seen = nonces.get(nonce);
    if (seen && seen.state === 'done' && at - seen.since > nonceTtlMs) nonces.delete(nonce);
    const known = nonces.get(nonce);
    if (known?.state === 'processing') return ews(res, operation, at - known.since > stuckAfterMs ? 'EWS0010' : 'EWS0006');
    if (known?.state === 'done') {
      const repetida = `<ns2:requisicaoRepetidaResposta xmlns:ns2="${escapeXml(tns)}"><nonceOriginal>${escapeXml(nonce)}</nonceOriginal><mensagem>Requisição já processada anteriormente.</mensagem><dataProcessamento>${known.processedAt}</dataProcessamento></ns2:requisicaoRepetidaResposta>`;
      const resultado = options.repeatResult === 'falha' ? 'FALHA' : known.resultado!;
      const b = options.repeatBody === false ? resposta(operation, mensagem(undefined, 'Requisição repetida.')) : known.bodyXml!;
      return reply(res, 200, envelope(efetivacao(resultado) + repetida, b));
    }

    const behaviour = script.shift() ?? 'ok';
    if (behaviour === '503') return reply(res, 503, '', 'text/plain');
    if (behaviour === 'echo-fault') {
      return reply(res, 500, soapFault('soap:Server', `Erro ao processar a requisição do usuário ${user} (senha ${textOf(pw) ?? ''}): tente novamente`));
    }
    if (behaviour === 'drop') return void req.socket.destroy();
    if (behaviour === 'stuck') {
      nonces.set(nonce, { state: 'processing', since: at, operation });
      stuckSockets.add(res);
      return;
    }
    if (behaviour === 'ews0009') {
      nonces.set(nonce, {
        state: 'done',
        since: at,
        operation,
        resultado: 'FALHA',
        bodyXml: resposta(operation, mensagem('EWS0009', `${EWS_TEXT['EWS0009']}Bem imóvel não encontrado.`)),
        processedAt: now().toISOString(),
      });
      return ews(res, operation, 'EWS0009', 'Bem imóvel não encontrado.');
    }
    if (behaviour === 'indefinido-not-applied')
      return reply(res, 200, envelope(efetivacao('INDEFINIDO'), resposta(operation, mensagem(undefined, 'Não foi possível concluir a requisição.'))));
    nonces.set(nonce, { state: 'processing', since: at, operation });
    if (typeof behaviour === 'object') await new Promise((r) => setTimeout(r, behaviour.delayMs));
    const parameter = obj(obj(body![operation])?.[Object.keys(obj(body![operation]) ?? {}).find((k) => !k.startsWith('@')) ?? '']) ?? {};
    const done = applyRequisicao(operation, parameter, ug, nonce, operator.cpf);
    nonces.set(nonce, { state: 'done', since: at, operation, resultado: done.resultado, bodyXml: done.body, processedAt: now().toISOString() });
    if (behaviour === 'drop-after') return void req.socket.destroy();
    if (behaviour === 'indefinido')
      return reply(res, 200, envelope(efetivacao('INDEFINIDO'), resposta(operation, mensagem(undefined, 'A requisição pode ou não ter tido sucesso.'))));
    if (behaviour === 'ews0011') return ews(res, operation, 'EWS0011');
    reply(res, 200, envelope(efetivacao(done.resultado), done.body));
  }

  const serverTls: ServerTls = { cert: options.tls.cert, key: options.tls.key, ca: options.tls.clientCa, requestCert: true };
  const listening: Listening = await listen(handle, {
    tls: serverTls,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  url = `${listening.origin}${servicePath}`;
  return {
    url,
    wsdlUrl: `${url}?wsdl`,
    requisicoes,
    requests,
    setScript(s) {
      script = typeof s === 'string' ? parseSiafiScript(s) : [...s];
    },
    close: async () => {
      for (const r of stuckSockets) r.destroy();
      await listening.close();
    },
  };
}
