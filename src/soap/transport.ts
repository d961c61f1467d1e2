/**
 * HTTP transport for SOAP: moves bytes, knows nothing of SOAP. One undici dispatcher per origin with
 * keep-alive; connect, headers and body timeouts; a maximum response size; HTTP Basic; TLS always
 * verified (extra CA, client certificate); an HTTP(S) proxy from the options or the environment.
 * Nothing it handles (body, headers, credentials) is ever logged.
 */

import { CATALOG } from '../i18n/catalog.js';
import { t } from '../i18n/translate.js';
import { Agent, buildConnector, EnvHttpProxyAgent, ProxyAgent, request, type Dispatcher } from 'undici';
import { PiSenderError } from '../errors.js';
import { redact, registerSecret, registerUrlCredentials } from '../redact.js';
import { BodyBuffers, type BodyFragment } from './body-buffers.js';
import { AuthError, displayUrl, EndpointError, ProxyError, TlsError, TransportError } from './errors.js';
export { retryAfterMs } from './errors.js';
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

/** Error codes of a failed connection to the proxy itself that the catalog explains (`http.proxy.<code>`). */
const PROXY_CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether NO_PROXY (`host`, `.domain`, `host:port`, `*`, comma-separated) sends `target` direct. */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[,\s]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [h, p] = entry.split(':') as [string, string | undefined];
      if (p && p !== port) return false;
      const bare = h.replace(/^\*?\./, '');
      return host === bare || host.endsWith(`.${bare}`);
    });
}

export class HttpTransport {
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly bodies = new BodyBuffers();
  private readonly tls: ConnectTls;
  private readonly authorization: string | undefined;
  /**
   * The last TLS alert a socket reported. Under TLS 1.3 a server that wants a client certificate
   * says so after the handshake; undici then reports only "other side closed", so the alert is
   * taken from the socket itself.
   */
  private lastTlsAlert: { code: string; message: string; at: number } | undefined;

  constructor(private readonly options: TransportOptions = {}) {
    this.tls = loadTls(options.tls);
    registerUrlCredentials(options.proxy);
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) registerUrlCredentials(process.env[name]);
    if (options.basicAuth) {
      const { user, password } = options.basicAuth;
      if (user.includes(':')) throw new PiSenderError('ERR_CONFIG', t('http.colonInUser'));
      registerSecret(password);
      registerSecret(`${user}:${password}`);
      this.authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
      registerSecret(this.authorization);
    }
  }

  private get connectTimeoutMs(): number {
    return this.options.connectTimeoutMs ?? 15_000;
  }

  private get headersTimeoutMs(): number {
    return this.options.headersTimeoutMs ?? 120_000;
  }

  /** The longest a request may wait for its answer to start: the connection, then the headers. */
  private get answerWaitMs(): number {
    return this.connectTimeoutMs + this.headersTimeoutMs;
  }

  private dispatcherFor(origin: string): Dispatcher {
    let d = this.dispatchers.get(origin);
    if (d) return d;
    const o = this.options;
    const common = {
      connectTimeout: this.connectTimeoutMs,
      headersTimeout: this.headersTimeoutMs,
      bodyTimeout: o.bodyTimeoutMs ?? 60_000,
      keepAliveTimeout: o.keepAliveTimeoutMs ?? 30_000,
      maxResponseSize: o.maxResponseBytes ?? 32 * 1024 * 1024,
    };
    if (o.proxy) {
      d = new ProxyAgent({ ...common, uri: o.proxy, requestTls: this.tls, connect: this.tls });
    } else if (!o.ignoreEnvProxy && proxyFromEnv()) {
      d = new EnvHttpProxyAgent({ ...common, requestTls: this.tls, connect: this.tls });
    } else {
      d = new Agent({ ...common, connect: this.alertRecordingConnector() });
    }
    this.dispatchers.set(origin, d);
    return d;
  }

  /** undici's own connector, with a listener that keeps the socket's TLS alerts for {@link translate}. */
  private alertRecordingConnector(): buildConnector.connector {
    const connect = buildConnector({ ...this.tls, timeout: this.connectTimeoutMs });
    return (opts, callback) =>
      connect(opts, (...args) => {
        const socket = args[1];
        socket?.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code && /^ERR_SSL_/.test(e.code)) this.lastTlsAlert = { code: e.code, message: e.message, at: Date.now() };
        });
        callback(...args);
      });
  }

  /** The proxy a request to `target` goes through, or undefined when it goes direct. */
  private proxyFor(target: URL): URL | undefined {
    const o = this.options;
    let raw = o.proxy;
    if (!raw && !o.ignoreEnvProxy) {
      const e = process.env;
      raw = target.protocol === 'https:' ? e['HTTPS_PROXY'] || e['https_proxy'] : e['HTTP_PROXY'] || e['http_proxy'];
      if (raw && bypassesProxy(target, e['NO_PROXY'] ?? e['no_proxy'] ?? '')) raw = undefined;
    }
    if (!raw) return undefined;
    try {
      return new URL(raw);
    } catch {
      return undefined;
    }
  }

  /**
   * POSTs a body, as one string or as fragments sent one after the other (encoded into a reused buffer:
   * body-buffers.ts); resolves for any HTTP status, rejects only when there is no answer.
   */
  post(
    url: string,
    body: string | readonly BodyFragment[],
    headers: Record<string, string>,
    signal?: AbortSignal,
    options: { keepSecrets?: boolean } = {},
  ): Promise<HttpResponse> {
    return this.request('POST', url, body, headers, signal, options.keepSecrets === true);
  }

  /** A GET, as {@link HttpTransport.post}. */
  get(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResponse> {
    return this.request('GET', url, undefined, headers, signal);
  }

  /**
   * `keepSecrets`: the answer as it came, not redacted, for an answer that carries a secret the caller
   * needs and never shows (a login's token, which may equal one already registered).
   */
  private async request(
    method: 'GET' | 'POST',
    url: string,
    body: string | readonly BodyFragment[] | undefined,
    headers: Record<string, string>,
    signal?: AbortSignal,
    keepSecrets = false,
  ): Promise<HttpResponse> {
    const target = new URL(url);
    const all: Record<string, string> = {
      ...headers,
      'user-agent': this.options.userAgent ?? 'pi-sender',
    };
    if (this.authorization) all['authorization'] = this.authorization;
    // undici bounds the connection and the wait for headers, but not a proxy that accepts the
    // connection and never answers CONNECT: one deadline covers the whole wait for the headers.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.answerWaitMs + 1000);
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    // undici does not give up a request queued behind a CONNECT that never ends, even when its signal
    // aborts: the deadline rejects on its own, and the stuck dispatcher is thrown away.
    const expired = new Promise<never>((_, reject) => {
      deadline.signal.addEventListener('abort', () => reject(new Error('deadline')), { once: true });
    });
    expired.catch(() => undefined);
    const dispatcher = this.dispatcherFor(target.origin);
    const bytes = typeof body === 'object' ? this.bodies.encode(body) : body;
    try {
      const res = await Promise.race([
        request(target, { method, headers: all, ...(bytes === undefined ? {} : { body: bytes }), dispatcher, signal: combined }),
        expired,
      ]);
      clearTimeout(timer);
      const text = await res.body.text();
      // The request is over: its body was written whole, or its socket destroyed. On any error
      // before this, the buffer is not reused, since undici may still be writing it.
      if (typeof bytes === 'object') this.bodies.release(bytes);
      if (res.statusCode === 401 || res.statusCode === 403) {
        throw new AuthError(t('http.refused', { status: String(res.statusCode) }), res.statusCode);
      }
      // A server may echo the credentials it was sent: they go no further than this line.
      return { status: res.statusCode, headers: res.headers, body: keepSecrets ? text : redact(text) };
    } catch (err) {
      const deadlinePassed = deadline.signal.aborted && !signal?.aborted;
      if (deadlinePassed && this.dispatchers.get(target.origin) === dispatcher) {
        this.dispatchers.delete(target.origin);
        dispatcher.destroy().catch(() => undefined);
      }
      throw this.translate(err, target, deadlinePassed);
    } finally {
      clearTimeout(timer);
    }
  }

  private translate(err: unknown, target: URL, deadlinePassed = false): Error {
    if (err instanceof PiSenderError) return err;
    const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string } };
    const code = e.code ?? e.cause?.code ?? 'UNKNOWN';
    const message = e.message || e.cause?.message || String(err);
    const proxy = this.proxyFor(target);
    if (proxy) {
      const viaProxy = this.translateProxy(e, code, message, target, proxy, deadlinePassed);
      if (viaProxy) return viaProxy;
    }
    if (deadlinePassed) {
      const seconds = Math.round(this.answerWaitMs / 1000);
      return new TransportError(t('http.noAnswerIn', { origin: target.origin, seconds }), 'UND_ERR_HEADERS_TIMEOUT', true, undefined, { cause: err });
    }
    if (code === 'UND_ERR_ABORTED' || e.name === 'AbortError') {
      return new PiSenderError('ERR_INTERRUPTED', t('http.interrupted'), {}, { cause: err });
    }
    const alert = this.lastTlsAlert;
    const lateAlert = (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') && alert && Date.now() - alert.at < 10_000 ? alert : undefined;
    const tls =
      describeTlsError(code, message) ??
      (e.cause ? describeTlsError(e.cause.code, e.cause.message) : undefined) ??
      (lateAlert ? describeTlsError(lateAlert.code, lateAlert.message) : undefined);
    if (tls) return new TlsError(`${target.origin}: ${tls}`, lateAlert?.code ?? code, { cause: err });
    if (code === 'ENOTFOUND') {
      return new EndpointError(t('http.noHost', { url: displayUrl(target), host: target.hostname }), code, undefined, { cause: err });
    }
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
      return new TransportError(t('http.tooLarge', { origin: target.origin, max: this.options.maxResponseBytes ?? 32 * 1024 * 1024 }), code, true, undefined, {
        cause: err,
      });
    }
    const key = `http.${code}`;
    const what = key in CATALOG ? t(key as 'http.ECONNREFUSED') : message;
    return new TransportError(`${target.origin}: ${what}`, code, !NOT_SENT.has(code), undefined, { cause: err });
  }

  /**
   * An error that the proxy caused, named after it (without credentials): a refused or unknown proxy,
   * a CONNECT answered 407 or 403, a proxy that never answers. Undefined when the error is not the proxy's.
   */
  private translateProxy(
    e: NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string } },
    code: string,
    message: string,
    target: URL,
    proxy: URL,
    deadlinePassed: boolean,
  ): Error | undefined {
    const name = t('http.proxyName', { proxy: `${proxy.protocol}//${proxy.host}` });
    const tunnel = /Proxy response \((\d+)\)/.exec(message);
    if (tunnel) {
      const status = Number(tunnel[1]);
      if (status === 407) {
        const given = Boolean(proxy.username || proxy.password);
        return new ProxyError(given ? t('http.proxyBadLogin', { proxy: name }) : t('http.proxyLogin', { proxy: name }), 'PROXY_407', 407, { cause: e });
      }
      if (status >= 500) {
        return new TransportError(t('http.proxyUpstream', { proxy: name, host: target.host, status: String(status) }), `PROXY_${status}`, false, status, {
          cause: e,
        });
      }
      return new ProxyError(t('http.proxyForbids', { proxy: name, host: target.host, status: String(status) }), `PROXY_${status}`, status, { cause: e });
    }
    if (deadlinePassed) {
      const seconds = Math.round(this.answerWaitMs / 1000);
      return new TransportError(t('http.proxySilent', { proxy: name, seconds, host: target.host }), 'PROXY_TIMEOUT', false, undefined, {
        cause: e,
      });
    }
    const cause = (e.cause ?? e) as NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string };
    const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
    const atProxy = (cause.port === proxyPort && cause.address !== undefined) || cause.hostname === proxy.hostname;
    if (!atProxy || !PROXY_CONNECT_ERRORS.has(code)) return undefined;
    const what = t(`http.proxy.${code}` as 'http.proxy.ECONNREFUSED');
    // A connection to the proxy that times out may pass; the others are settings to fix.
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TransportError(`${name} ${what}`, code, false, undefined, { cause: e });
    return new ProxyError(`${name} ${what}`, code, undefined, { cause: e });
  }

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.close()));
  }
}
