/**
 * The integrarSistemaSPUNet client: validates a requisition, wraps it with cabecalhoSIAFI and a
 * UsernameToken, sends it over the shared SOAP layer (mutual TLS) and reads the outcome. It never
 * retries by itself: whether and when to send again, and with which nonce, is the caller's decision
 * (see SiafiSender, which keeps nonces durable).
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { maskCpf } from '../standard/cpf.js';
import { SoapClient } from '../soap/client.js';
import { SoapFaultError, SoapResponseError, TransportError } from '../soap/errors.js';
import type { TlsOptions } from '../soap/tls.js';
import { HttpTransport } from '../soap/transport.js';
import { usernameTokenHeader } from '../soap/wsse.js';
import { SPUNET_NAMESPACE, siafiEndpoint } from './endpoint.js';
import { operationInfo } from './operations.js';
import { DEFAULT_RETRY_DELAYS, outcomeFromFault, outcomeFromNoAnswer, outcomeFromResponse, type RetryDelays, type SiafiOutcome } from './outcome.js';
import type { SiafiOperation, SiafiRequisicoes } from './types.js';
import { checkCabecalho, checkRequisicao, type CheckedRequisicao } from './validate.js';
import { cabecalhoXml, operationXml } from './xml.js';

/** How to reach and authenticate to integrarSistemaSPUNet. */
export interface SiafiConnectionSettings {
  /** The whole service URL; else built from `environment` and `year`. */
  endpoint?: string | undefined;
  /** `homologacao` (default) or `producao`, with `year`, when no endpoint is given. */
  environment?: string | undefined;
  /** Exercise year of the endpoint (default: the current year in Brasília). */
  year?: number | undefined;
  /** CPF of the SIAFI operator (dots and dash allowed). */
  cpf: string | undefined;
  /** Their SIAFI password; `''` only with `emptyPassword` (certificate-only integrations). */
  password: string | undefined;
  emptyPassword?: boolean | undefined;
  /** Client certificate (required by SIAFI) and extra CAs. TLS 1.2 unless `tls.maxVersion` says otherwise. */
  tls?: TlsOptions | undefined;
  proxy?: string | undefined;
  /** Seconds to wait for each answer (default 60, as known SIAFI clients do). */
  timeoutSeconds?: number | undefined;
  /** The service namespace (default: the inferred {@link SPUNET_NAMESPACE}). */
  namespace?: string | undefined;
  /** nomeSistemaSIAFI for the header; left out by default (optional, "em desuso"). */
  nomeSistemaSIAFI?: string | undefined;
  /** Per-operation parameter element names, where the real WSDL differs from the document. */
  parameterNames?: Partial<Record<SiafiOperation, string>> | undefined;
  retryDelays?: Partial<RetryDelays> | undefined;
}

/** A prepared call: checked, serialized, ready to send with any nonce. */
export interface PreparedRequisicao {
  operation: SiafiOperation;
  ug: string;
  /** The operation wrapper (Body element), without credentials. */
  bodyXml: string;
  checked: CheckedRequisicao;
}

/** Header values of one {@link SiafiClient.call}. */
export interface SiafiCallOptions {
  ug: number | string;
  nonce: string;
  signal?: AbortSignal;
}

/**
 * The integrarSistemaSPUNet client: prepare (validate, serialize) and send with a given nonce. It keeps
 * no state; for durable nonces and retries use {@link createSiafiSender}.
 */
export class SiafiClient {
  readonly namespace: string;
  readonly delays: RetryDelays;
  private readonly cpf: string;

  constructor(
    private readonly soap: SoapClient,
    credentials: { cpf: string; password: string },
    private readonly options: Pick<SiafiConnectionSettings, 'namespace' | 'nomeSistemaSIAFI' | 'parameterNames' | 'retryDelays'> = {},
  ) {
    this.cpf = normalizeCpf(credentials.cpf);
    // A SIAFI that echoes the Security header must not put the operator's CPF or password in an output.
    registerSecret(credentials.password);
    registerSecret(this.cpf, maskCpf(this.cpf));
    const formatted = `${this.cpf.slice(0, 3)}.${this.cpf.slice(3, 6)}.${this.cpf.slice(6, 9)}-${this.cpf.slice(9)}`;
    registerSecret(formatted, maskCpf(formatted));
    this.security = usernameTokenHeader(this.cpf, credentials.password);
    this.namespace = options.namespace ?? SPUNET_NAMESPACE;
    this.delays = { ...DEFAULT_RETRY_DELAYS, ...options.retryDelays };
  }

  // Built once; never logged or stored.
  private readonly security: string;

  get endpoint(): string {
    return this.soap.endpoint;
  }

  /** Validates and serializes a requisition; throws SiafiValidationError listing every problem. */
  prepare<O extends SiafiOperation>(operation: O, requisicao: SiafiRequisicoes[O], ug: number | string): PreparedRequisicao {
    const checked = checkRequisicao(operation, requisicao);
    const cab = checkCabecalho({ ug, nonce: 'x' });
    const name = this.options.parameterNames?.[operation] ?? operationInfo(operation).parameter;
    return { operation, ug: cab.ug, bodyXml: operationXml(checked, this.namespace, name), checked };
  }

  /**
   * Sends a prepared requisition with `nonce`. Resolves with the outcome (SUCESSO, FALHA or
   * INDEFINIDO); rejects only when the request certainly never reached the service (connection
   * refused, TLS handshake failed: TransportError with `maybeReceived` false, TlsError) or on a
   * configuration error.
   */
  async send(prepared: Pick<PreparedRequisicao, 'ug' | 'bodyXml'>, nonce: string, signal?: AbortSignal): Promise<SiafiOutcome & { raw?: string }> {
    const cab = checkCabecalho({
      ug: prepared.ug,
      nonce,
      ...(this.options.nomeSistemaSIAFI !== undefined ? { nomeSistemaSIAFI: this.options.nomeSistemaSIAFI } : {}),
    });
    const header = cabecalhoXml(cab, this.namespace) + this.security;
    try {
      const r = await this.soap.call({ body: prepared.bodyXml, header, soapAction: '', arrays: new Set(['mensagem']), ...(signal ? { signal } : {}) });
      return { ...outcomeFromResponse(r.header, r.body, r.httpStatus, this.delays), raw: r.raw };
    } catch (err) {
      if (err instanceof SoapFaultError) return outcomeFromFault(err, this.delays);
      if (err instanceof TransportError && err.maybeReceived) return outcomeFromNoAnswer(err, this.delays);
      if (err instanceof SoapResponseError) return outcomeFromNoAnswer(err, this.delays);
      throw err;
    }
  }

  /** Validates, then sends with `nonce`: {@link prepare} and {@link send} in one call. */
  async call<O extends SiafiOperation>(operation: O, requisicao: SiafiRequisicoes[O], options: SiafiCallOptions): Promise<SiafiOutcome & { raw?: string }> {
    return this.send(this.prepare(operation, requisicao, options.ug), options.nonce, options.signal);
  }
}

/** A CPF as SIAFI wants it in Username: 11 digits (dots and dash removed). */
export function normalizeCpf(cpf: string): string {
  const digits = cpf.replace(/[.\-\s]/g, '');
  if (!/^\d{11}$/.test(digits)) throw new PiSenderError('ERR_CONFIG', t('siafi.c.cpf'));
  return digits;
}

/** A SIAFI client with its transport (close the transport when done). */
export interface SiafiConnection {
  client: SiafiClient;
  transport: HttpTransport;
  endpoint: string;
}

/** A client over mutual TLS; throws ERR_CONFIG naming what is missing. */
export function createSiafiClient(s: SiafiConnectionSettings): SiafiConnection {
  const endpoint = s.endpoint ?? siafiEndpoint(s.environment ?? 'homologacao', s.year);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new PiSenderError('ERR_CONFIG', t('siafi.c.notUrl', { endpoint }));
  }
  if (url.protocol !== 'https:') throw new PiSenderError('ERR_CONFIG', t('siafi.c.https', { protocol: url.protocol }));
  if (!s.cpf) throw new PiSenderError('ERR_CONFIG', t('siafi.c.noUser'));
  const password = s.password ?? (s.emptyPassword ? '' : undefined);
  if (password === undefined) throw new PiSenderError('ERR_CONFIG', t('siafi.c.noPassword'));
  if (!s.tls?.pfxFile && !s.tls?.certFile) throw new PiSenderError('ERR_CONFIG', t('siafi.c.certificate'));
  const timeoutMs = (s.timeoutSeconds ?? 60) * 1000;
  // The interface document asks for TLS 1.2; it also keeps a refused client certificate a handshake
  // failure (nothing sent) instead of a connection lost after the request left (see TlsOptions).
  const transport = new HttpTransport({
    tls: { maxVersion: 'TLSv1.2', ...s.tls },
    ...(s.proxy ? { proxy: s.proxy } : {}),
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
  });
  const client = new SiafiClient(new SoapClient(transport, endpoint), { cpf: s.cpf, password }, s);
  return { client, transport, endpoint };
}
