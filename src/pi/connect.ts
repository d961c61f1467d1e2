/**
 * A PI client from plain settings: the one place that wires endpoint, credentials, TLS, proxy and
 * timeouts into the SOAP transport (used by `send`, the export job and the library).
 */

import { PiSenderError } from '../errors.js';
import { SoapClient } from '../soap/client.js';
import type { TlsOptions } from '../soap/tls.js';
import { HttpTransport } from '../soap/transport.js';
import { PiClient } from './client.js';
import { resolveEndpoint } from './service.js';

export interface PiConnectionSettings {
  /** SOAP address, or `homologacao` / `producao`. */
  endpoint: string | undefined;
  user: string | undefined;
  password: string | undefined;
  tls?: TlsOptions;
  proxy?: string;
  timeoutSeconds?: number;
}

export interface PiConnection {
  client: PiClient;
  transport: HttpTransport;
  endpoint: string;
}

export function createPiClient(s: PiConnectionSettings): PiConnection {
  if (!s.endpoint) throw new PiSenderError('ERR_CONFIG', 'no endpoint: set it (or PI_ENDPOINT), e.g. homologacao');
  const endpoint = resolveEndpoint(s.endpoint);
  if (!s.user) throw new PiSenderError('ERR_CONFIG', 'no user: the organ login PEN gave you (or PI_USER)');
  if (s.password === undefined) throw new PiSenderError('ERR_CONFIG', 'no password: set PI_PASSWORD or use a password file (never a flag or the configuration)');
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
