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
import { PiClient } from './client.js';
import { resolveEndpoint } from './service.js';

/** Settings of {@link createPiClient}. */
export interface PiConnectionSettings {
  /** SOAP address, or `homologacao` / `producao`. */
  endpoint: string | undefined;
  user: string | undefined;
  password: string | undefined;
  tls?: TlsOptions;
  proxy?: string;
  timeoutSeconds?: number;
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
  };
}

function optionalProxy(proxy: string | undefined): { proxy?: string } {
  return proxy === undefined ? {} : { proxy };
}

/** A PI client with its transport (close the transport when done). */
export interface PiConnection {
  client: PiClient;
  transport: HttpTransport;
  endpoint: string;
}

/** A PI client over HTTPS with HTTP Basic; throws ERR_CONFIG when the endpoint, user or password is missing. */
export function createPiClient(s: PiConnectionSettings): PiConnection {
  if (!s.endpoint) throw new PiSenderError('ERR_CONFIG', t('pi.noEndpoint'));
  const endpoint = resolveEndpoint(s.endpoint);
  if (!s.user) throw new PiSenderError('ERR_CONFIG', t('pi.noUser'));
  if (s.password === undefined) throw new PiSenderError('ERR_CONFIG', t('pi.noPassword'));
  const timeoutMs = (s.timeoutSeconds ?? 120) * 1000;
  const transport = new HttpTransport({
    basicAuth: { user: s.user, password: s.password },
    ...(s.tls ? { tls: s.tls } : {}),
    ...(s.proxy ? { proxy: s.proxy } : {}),
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
  });
  return { client: new PiClient(new SoapClient(transport, endpoint)), transport, endpoint };
}
