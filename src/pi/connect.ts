/**
 * A PI client from plain settings: the one place that wires endpoint, credentials, TLS, proxy and
 * timeouts into the SOAP transport (used by `send`, the export job and the library).
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import { proxyWithCredentials, readSecret } from '../secrets.js';
import { SoapClient } from '../soap/client.js';
import { tlsOptionsFrom, type CertificateFiles, type TlsOptions } from '../soap/tls.js';
import { HttpTransport } from '../soap/transport.js';
import { registerSecret } from '../redact.js';
import { PiClient, type PiService } from './client.js';
import { RestPiClient } from './rest-client.js';
import { PI_TRANSPORTS, resolveEndpoint, type PiTransport } from './service.js';

/** Settings of {@link createPiClient}. */
export interface PiConnectionSettings {
  /** SOAP address, or `homologacao` / `producao`. */
  endpoint: string | undefined;
  user: string | undefined;
  password: string | undefined;
  tls?: TlsOptions;
  proxy?: string;
  timeoutSeconds?: number;
  /** `soap` (default) or `rest`. */
  transport?: PiTransport;
}

/** How a user names the PI connection, in flags or in a configuration file. Secrets are files. */
export interface PiOptions extends CertificateFiles {
  endpoint?: string | undefined;
  user?: string | undefined;
  passwordFile?: string | undefined;
  proxy?: string | undefined;
  /** File holding the proxy's `user:password` (the proxy URL itself must not carry them). */
  proxyCredentialsFile?: string | undefined;
  /** How the proxy setting is named in errors: `--proxy` (default) or `pi.proxy`. */
  proxyOrigin?: string | undefined;
  timeoutSeconds?: number | undefined;
  /** `soap` or `rest` (else PI_TRANSPORT, else soap). */
  transport?: PiTransport | undefined;
}

/**
 * Settings from PI options, with the environment where they leave something out: PI_ENDPOINT, PI_USER,
 * PI_PASSWORD (when no password file), PI_CERT_PASSPHRASE, PI_CA_FILE.
 */
export function piSettings(o: PiOptions, env: NodeJS.ProcessEnv = process.env): PiConnectionSettings {
  return {
    endpoint: o.endpoint ?? env['PI_ENDPOINT'],
    user: o.user ?? env['PI_USER'],
    password: readSecret('PI_PASSWORD', o.passwordFile, t('secret.password')),
    tls: tlsOptionsFrom(o, 'PI', { env }),
    ...optionalProxy(proxyWithCredentials(o.proxy, o.proxyCredentialsFile, o.proxyOrigin ?? '--proxy')),
    ...(o.timeoutSeconds ? { timeoutSeconds: o.timeoutSeconds } : {}),
    transport: transportOf(o.transport ?? env['PI_TRANSPORT']),
  };
}

/** `soap` or `rest` as a person wrote it; anything else is a configuration error. */
export function transportOf(value: string | undefined): PiTransport {
  const v = (value ?? 'soap').trim().toLowerCase();
  if (!(PI_TRANSPORTS as readonly string[]).includes(v)) throw new PiSenderError('ERR_CONFIG', t('pi.badTransport', { value: value ?? '' }));
  return v as PiTransport;
}

function optionalProxy(proxy: string | undefined): { proxy?: string } {
  return proxy === undefined ? {} : { proxy };
}

/** A PI client with its transport (close the transport when done). */
export interface PiConnection {
  client: PiService;
  transport: HttpTransport;
  endpoint: string;
}

/** A PI client over HTTPS with HTTP Basic; throws ERR_CONFIG when the endpoint, user or password is missing. */
export function createPiClient(s: PiConnectionSettings): PiConnection {
  if (!s.endpoint) throw new PiSenderError('ERR_CONFIG', t('pi.noEndpoint'));
  const kind = s.transport ?? 'soap';
  const endpoint = resolveEndpoint(s.endpoint, kind);
  if (!s.user) throw new PiSenderError('ERR_CONFIG', t('pi.noUser'));
  if (s.password === undefined) throw new PiSenderError('ERR_CONFIG', t('pi.noPassword'));
  const timeoutMs = (s.timeoutSeconds ?? 120) * 1000;
  registerSecret(s.password);
  const transport = new HttpTransport({
    // SOAP: HTTP Basic on every request; REST: a login, then the token (rest-client.ts).
    ...(kind === 'soap' ? { basicAuth: { user: s.user, password: s.password } } : {}),
    ...(s.tls ? { tls: s.tls } : {}),
    ...(s.proxy ? { proxy: s.proxy } : {}),
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
  });
  const client =
    kind === 'rest' ? new RestPiClient(transport, endpoint, { user: s.user, password: s.password }) : new PiClient(new SoapClient(transport, endpoint));
  return { client, transport, endpoint };
}
