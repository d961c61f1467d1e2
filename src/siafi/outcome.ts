/**
 * What SIAFI made of a request: SUCESSO, FALHA or INDEFINIDO, from the response header
 * (efetivacaoOperacao, matched by local name without regard to case, in any namespace), a repeated
 * requisition's header, the SPURequisicaoResposta, a SOAP fault, or the lack of an answer.
 *
 * The one rule that matters: nothing that might have been applied is ever reported as FALHA. A
 * timeout, a reset after the request left, an unreadable answer, a fault with no verdict from a
 * server that may have done the work: all INDEFINIDO.
 */

import { t } from '../i18n/translate.js';
import { isObject, text } from '../soap/envelope.js';
import { type SoapFaultError, type SoapResponseError, TransportError } from '../soap/errors.js';
import { EWS_CODES, ewsEffect, findEwsCode, type EwsCode } from './ews.js';
import type { Mensagem, SPURequisicaoResposta } from './types.js';

/** The resultado of efetivacaoOperacao. */
export type Resultado = 'SUCESSO' | 'FALHA' | 'INDEFINIDO';

/**
 * - `applied`: SIAFI did it.
 * - `failed`: SIAFI did not, for a business reason: change the requisition before sending it again.
 * - `refused`: rejected before processing (header, credentials, consumer not registered): fix the
 *   setup and send the same requisition again.
 * - `unknown`: it may have been applied: send again later with the same nonce.
 */
export type Effect = 'applied' | 'failed' | 'refused' | 'unknown';

/** requisicaoRepetidaResposta: the request repeats one SIAFI already processed. */
export interface RequisicaoRepetida {
  nonceOriginal: string;
  mensagem: string;
  dataProcessamento: string;
}

/** What SIAFI made of one request, and what to do next. */
export interface SiafiOutcome {
  resultado: Resultado;
  effect: Effect;
  /** One line for people. */
  message: string;
  /** The EWS code of the answer, with its meaning from the interface document. */
  ews?: EwsCode;
  resposta?: SPURequisicaoResposta;
  repetida?: RequisicaoRepetida;
  fault?: { faultcode: string; faultstring: string };
  /** For `unknown`: how long to wait before sending again with the same nonce. */
  retryAfterMs?: number;
  /** EWS0010: SIAFI will not tell; someone must check in SIAFI and settle the requisition. */
  needsCheck?: boolean;
  httpStatus?: number;
}

/** How long to wait before sending an unknown outcome again (same nonce). */
export interface RetryDelays {
  /** After INDEFINIDO, a timeout or an unreadable answer (default 15 minutes, as known clients do). */
  indefinidoMs: number;
  /** After EWS0006, "being processed" (default 10 minutes, as the document says). */
  ews0006Ms: number;
  /** After EWS0011, "processed, outcome unknown" (default 20 minutes, as the document says). */
  ews0011Ms: number;
}

/** 15 minutes after INDEFINIDO, 10 after EWS0006, 20 after EWS0011. */
export const DEFAULT_RETRY_DELAYS: RetryDelays = { indefinidoMs: 15 * 60_000, ews0006Ms: 10 * 60_000, ews0011Ms: 20 * 60_000 };

/** The entry of `obj` whose local name equals `name` without regard to case. */
function entry(obj: Record<string, unknown> | undefined, name: string): unknown {
  if (!obj) return undefined;
  const n = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === n) return v;
  return undefined;
}

function field(obj: unknown, name: string): string | undefined {
  return isObject(obj) ? text(entry(obj, name)) : undefined;
}

function mensagens(v: unknown): Mensagem[] {
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  const out: Mensagem[] = [];
  for (const m of list) {
    if (isObject(m)) {
      const codMsg = field(m, 'codMsg');
      out.push({ ...(codMsg ? { codMsg } : {}), txtMsg: field(m, 'txtMsg') ?? '' });
    } else if (typeof m === 'string') out.push({ txtMsg: m });
  }
  return out;
}

/** Finds SPURequisicaoResposta in the Body, inside whichever response wrapper the service used. */
function resposta(body: Record<string, unknown>): SPURequisicaoResposta | undefined {
  for (const wrapper of Object.values(body)) {
    if (!isObject(wrapper)) continue;
    const r = entry(wrapper, 'spuRequisicaoResposta');
    if (!isObject(r) && r !== '') continue;
    const o = isObject(r) ? r : {};
    const out: SPURequisicaoResposta = { mensagem: mensagens(entry(o, 'mensagem')) };
    for (const k of ['anoRequisicaoSPU', 'codTipoRequisicaoSPU', 'numRequisicaoSPU', 'numNS'] as const) {
      const v = field(o, k);
      if (v) out[k] = v;
    }
    return out;
  }
  return undefined;
}

function repetida(header: Record<string, unknown> | undefined): RequisicaoRepetida | undefined {
  const r = entry(header, 'requisicaoRepetidaResposta');
  if (!isObject(r)) return undefined;
  return { nonceOriginal: field(r, 'nonceOriginal') ?? '', mensagem: field(r, 'mensagem') ?? '', dataProcessamento: field(r, 'dataProcessamento') ?? '' };
}

function resultadoOf(header: Record<string, unknown> | undefined): string | undefined {
  const e = entry(header, 'efetivacaoOperacao');
  return isObject(e) ? field(e, 'resultado')?.trim().toUpperCase() : undefined;
}

function unknownDelay(ews: string | undefined, d: RetryDelays): number {
  return ews === 'EWS0006' ? d.ews0006Ms : ews === 'EWS0011' ? d.ews0011Ms : d.indefinidoMs;
}

function describeEws(code: string, detail: string | undefined): string {
  const known = EWS_CODES[code];
  return detail && detail.includes(code) ? detail : known ? `${code} ${known.description}` : code;
}

/** Builds the outcome from a verdict (or none), an EWS code (or none) and what came with them. */
function decide(
  verdict: string | undefined,
  ewsCode: string | undefined,
  parts: {
    resposta?: SPURequisicaoResposta;
    repetida?: RequisicaoRepetida;
    fault?: { faultcode: string; faultstring: string };
    httpStatus?: number;
    detail?: string;
    clientFault?: boolean;
  },
  delays: RetryDelays,
): SiafiOutcome {
  const base = {
    ...(ewsCode ? { ews: EWS_CODES[ewsCode] ?? { code: ewsCode, description: t('siafi.o.unlistedEws'), indication: '' } } : {}),
    ...(parts.resposta ? { resposta: parts.resposta } : {}),
    ...(parts.repetida ? { repetida: parts.repetida } : {}),
    ...(parts.fault ? { fault: parts.fault } : {}),
    ...(parts.httpStatus !== undefined ? { httpStatus: parts.httpStatus } : {}),
  };
  const texts = [
    ewsCode ? describeEws(ewsCode, parts.detail) : undefined,
    ...(parts.resposta?.mensagem ?? []).map((m) => (m.codMsg ? `${m.codMsg} ${m.txtMsg}` : m.txtMsg)),
    parts.fault && !ewsCode ? parts.fault.faultstring : undefined,
  ]
    .filter((s): s is string => Boolean(s))
    .filter((s, i, all) => all.indexOf(s) === i);
  const said = texts.join('; ');
  const repeat = parts.repetida ? t('siafi.o.repeat', { nonce: parts.repetida.nonceOriginal, when: parts.repetida.dataProcessamento }) : '';
  const effect = ewsCode ? ewsEffect(ewsCode) : undefined;

  if (verdict === 'SUCESSO' && effect !== 'unknown') {
    return { resultado: 'SUCESSO', effect: 'applied', message: `SUCESSO${repeat}${said ? `: ${said}` : ''}`, ...base };
  }
  if (effect === 'unknown' || verdict === 'INDEFINIDO' || (verdict !== 'FALHA' && !effect && !parts.clientFault)) {
    const why = verdict === 'INDEFINIDO' || effect === 'unknown' ? said || t('siafi.o.unknown') : `${t('siafi.o.noVerdict')}${said ? ` (${said})` : ''}`;
    return {
      resultado: 'INDEFINIDO',
      effect: 'unknown',
      message: `INDEFINIDO${repeat}: ${why}`,
      retryAfterMs: unknownDelay(ewsCode, delays),
      ...(ewsCode === 'EWS0010' ? { needsCheck: true } : {}),
      ...base,
    };
  }
  return { resultado: 'FALHA', effect: effect ?? 'failed', message: `FALHA${repeat}: ${said || t('siafi.o.notApplied')}`, ...base };
}

/** The outcome of an answer with a Body. */
export function outcomeFromResponse(
  header: Record<string, unknown> | undefined,
  body: Record<string, unknown>,
  httpStatus: number,
  delays: RetryDelays = DEFAULT_RETRY_DELAYS,
): SiafiOutcome {
  const r = resposta(body);
  const rep = repetida(header);
  const ews = (r?.mensagem ?? []).map((m) => findEwsCode(m.codMsg) ?? findEwsCode(m.txtMsg)).find(Boolean);
  return decide(resultadoOf(header), ews, { ...(r ? { resposta: r } : {}), ...(rep ? { repetida: rep } : {}), httpStatus }, delays);
}

/** WS-Security fault codes (WSS 1.0 §12): the token was refused before anything ran. */
const WSSE_FAULTS = new Set([
  'failedauthentication',
  'invalidsecurity',
  'invalidsecuritytoken',
  'failedcheck',
  'securitytokenunavailable',
  'unsupportedsecuritytoken',
]);

/** Words of a fault that refuses the login rather than the requisition. */
const AUTH_TEXT = /usu[aá]rio|\buser|senha|password|\bcpf\b|certificad|certificate|autentica|authentica|credencia|credential/i;

/** The outcome of a SOAP fault. */
export function outcomeFromFault(err: SoapFaultError, delays: RetryDelays = DEFAULT_RETRY_DELAYS): SiafiOutcome {
  const fault = { faultcode: err.faultcode, faultstring: err.faultstring };
  const local = err.faultcode.replace(/^.*:/, '').toLowerCase();
  const detailText = err.detail ? JSON.stringify(err.detail) : undefined;
  const ews = findEwsCode(err.faultstring) ?? findEwsCode(detailText);
  // A plain Client fault that speaks of the login ("Usuário ou senha inválidos") is a refusal of the
  // credentials like a WS-Security fault: nothing ran, and the same nonce goes again once they are fixed.
  const aboutLogin = (local === 'client' || local === 'server') && !ews && AUTH_TEXT.test(`${err.faultstring} ${detailText ?? ''}`);
  if (WSSE_FAULTS.has(local) || aboutLogin) {
    return {
      resultado: 'FALHA',
      effect: 'refused',
      message: WSSE_FAULTS.has(local) ? t('siafi.o.usernameToken', { fault: err.faultstring }) : t('siafi.o.credentials', { fault: err.faultstring }),
      fault,
      httpStatus: err.httpStatus,
    };
  }
  const rep = repetida(err.header);
  return decide(
    resultadoOf(err.header),
    ews,
    { fault, httpStatus: err.httpStatus, detail: err.faultstring, clientFault: local === 'client', ...(rep ? { repetida: rep } : {}) },
    delays,
  );
}

/** The outcome when the request may have arrived but no usable answer came back. */
export function outcomeFromNoAnswer(err: TransportError | SoapResponseError, delays: RetryDelays = DEFAULT_RETRY_DELAYS): SiafiOutcome {
  return {
    resultado: 'INDEFINIDO',
    effect: 'unknown',
    message: t('siafi.o.noAnswer', { message: err.message }),
    retryAfterMs: err instanceof TransportError && err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, delays.indefinidoMs) : delays.indefinidoMs,
    ...(err.httpStatus !== undefined ? { httpStatus: err.httpStatus } : {}),
  };
}
