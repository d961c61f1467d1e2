/**
 * HTTP transport for SOAP: moves bytes, knows nothing of SOAP. One undici dispatcher per origin with
 * keep-alive; connect, headers and body timeouts; a maximum response size; HTTP Basic; TLS always
 * verified (extra CA, client certificate); an HTTP(S) proxy from the options or the environment.
 * Nothing it handles (body, headers, credentials) is ever logged.
 */

import { Agent, EnvHttpProxyAgent, ProxyAgent, request, type Dispatcher } from 'undici';
import { PiSenderError } from '../errors.js';
import { redact, registerSecret, registerUrlCredentials } from '../redact.js';
import { AuthError, displayUrl, EndpointError, TlsError, TransportError } from './errors.js';
import { describeTlsError, loadTls, type ConnectTls, type TlsOptions } from './tls.js';

export interface TransportOptions {
  tls?: TlsOptions;
  /** Proxy URL (`http://user:pass@proxy:3128`). Without it, HTTPS_PROXY/HTTP_PROXY/NO_PROXY are used. */
  proxy?: string;
  /** Ignore the *_PROXY environment variables (default false). */
  ignoreEnvProxy?: boolean;
  connectTimeoutMs?: number;
  /** Time allowed for the service to start answering (default 120 s: large batches take time). */
  headersTimeoutMs?: number;
  /** Time allowed between two chunks of the answer (default 60 s). */
  bodyTimeoutMs?: number;
  /** Largest answer accepted, in bytes (default 32 MiB). */
  maxResponseBytes?: number;
  keepAliveTimeoutMs?: number;
  basicAuth?: { user: string; password: string };
  userAgent?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Connection never made: the service cannot have received anything. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ECONNABORTED']);

function proxyFromEnv(): boolean {
  const e = process.env;
  return Boolean(e['HTTPS_PROXY'] || e['https_proxy'] || e['HTTP_PROXY'] || e['http_proxy']);
}

/** The Retry-After header as milliseconds (seconds or an HTTP date). */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export class HttpTransport {
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly tls: ConnectTls;
  private readonly authorization: string | undefined;

  constructor(private readonly options: TransportOptions = {}) {
    this.tls = loadTls(options.tls);
    registerUrlCredentials(options.proxy);
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) registerUrlCredentials(process.env[name]);
    if (options.basicAuth) {
      const { user, password } = options.basicAuth;
      if (user.includes(':')) throw new PiSenderError('ERR_CONFIG', 'the user name cannot contain ":" (HTTP Basic)');
      registerSecret(password);
      registerSecret(`${user}:${password}`);
      this.authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
      registerSecret(this.authorization);
    }
  }

  private dispatcherFor(origin: string): Dispatcher {
    let d = this.dispatchers.get(origin);
    if (d) return d;
    const o = this.options;
    const common = {
      connectTimeout: o.connectTimeoutMs ?? 15_000,
      headersTimeout: o.headersTimeoutMs ?? 120_000,
      bodyTimeout: o.bodyTimeoutMs ?? 60_000,
      keepAliveTimeout: o.keepAliveTimeoutMs ?? 30_000,
      maxResponseSize: o.maxResponseBytes ?? 32 * 1024 * 1024,
    };
    if (o.proxy) {
      d = new ProxyAgent({ ...common, uri: o.proxy, requestTls: this.tls, connect: this.tls });
    } else if (!o.ignoreEnvProxy && proxyFromEnv()) {
      d = new EnvHttpProxyAgent({ ...common, requestTls: this.tls, connect: this.tls });
    } else {
      d = new Agent({ ...common, connect: this.tls });
    }
    this.dispatchers.set(origin, d);
    return d;
  }

  /** POSTs a body; resolves for any HTTP status, rejects only when there is no answer. */
  async post(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResponse> {
    const target = new URL(url);
    const all: Record<string, string> = {
      ...headers,
      'user-agent': this.options.userAgent ?? 'pi-sender',
    };
    if (this.authorization) all['authorization'] = this.authorization;
    try {
      const res = await request(target, {
        method: 'POST',
        headers: all,
        body,
        dispatcher: this.dispatcherFor(target.origin),
        ...(signal ? { signal } : {}),
      });
      const text = await res.body.text();
      if (res.statusCode === 401 || res.statusCode === 403) {
        throw new AuthError(`the service refused the credentials (HTTP ${res.statusCode})`, res.statusCode);
      }
      // A server may echo the credentials it was sent: they go no further than this line.
      return { status: res.statusCode, headers: res.headers, body: redact(text) };
    } catch (err) {
      throw this.translate(err, target);
    }
  }

  private translate(err: unknown, target: URL): Error {
    if (err instanceof PiSenderError) return err;
    const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
    const code = e.code ?? e.cause?.code ?? 'UNKNOWN';
    const message = e.message || e.cause?.message || String(err);
    if (code === 'UND_ERR_ABORTED' || e.name === 'AbortError') {
      return new PiSenderError('ERR_INTERRUPTED', 'the request was interrupted', {}, { cause: err });
    }
    const tls = describeTlsError(code, message) ?? (e.cause ? describeTlsError(e.cause.code, e.cause.message) : undefined);
    if (tls) return new TlsError(`${target.origin}: ${tls}`, code, { cause: err });
    if (code === 'ENOTFOUND') {
      return new EndpointError(`${displayUrl(target)}: the host ${target.hostname} does not exist (DNS): check the URL`, code, undefined, { cause: err });
    }
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
      return new TransportError(
        `${target.origin}: the answer is larger than the ${this.options.maxResponseBytes ?? 32 * 1024 * 1024} bytes allowed`,
        code,
        true,
        undefined,
        { cause: err },
      );
    }
    const what: Record<string, string> = {
      ECONNREFUSED: 'connection refused',
      ENOTFOUND: 'host not found',
      EAI_AGAIN: 'host name lookup failed (DNS)',
      ECONNRESET: 'connection reset',
      UND_ERR_SOCKET: 'connection closed before the answer was complete',
      UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
      UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
      UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
    };
    const proxy = /proxy/i.test(message) ? ` (through the proxy: ${message})` : '';
    return new TransportError(`${target.origin}: ${what[code] ?? message}${proxy}`, code, !NOT_SENT.has(code), undefined, { cause: err });
  }

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.close()));
  }
}
