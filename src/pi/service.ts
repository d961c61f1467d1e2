/**
 * Facts about the PI web service (reference §1): namespace, operations, endpoints.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';

/** Namespace of the wrapper elements (JAX-WS); their children are unqualified. */
export const PI_NAMESPACE = 'http://endpoint.ws.protocolo.gov.br/';

export const PI_OPERATIONS = {
  quantidade: 'getQuantidadeMaximaDocumentosPorRequisicao',
  enviar: 'enviarListaDocumentos',
} as const;

/** Known endpoints (the SOAP address is the WSDL address without `?wsdl`). */
export const PI_ENDPOINTS = {
  producao: 'https://protocolointegrado.gov.br/ProtocoloWS/integradorService',
  homologacao: 'https://protocolointegrado.preprod.nuvem.gov.br/ProtocoloWS/integradorService',
} as const;

/**
 * The REST API's base URLs (the operation names are appended). Inferred: the SEI module's REST branch
 * writes both with "??" in its configuration example (reference §1.7). Give a URL when PEN gives one.
 */
export const PI_REST_ENDPOINTS = {
  producao: 'https://protocolointegrado.gov.br/',
  homologacao: 'https://protocolointegrado.preprod.nuvem.gov.br/',
} as const;

/** The transports: the SOAP web service (the one in production today) or the new REST API. */
export const PI_TRANSPORTS = ['soap', 'rest'] as const;
export type PiTransport = (typeof PI_TRANSPORTS)[number];

/**
 * The names people use for the two environments, as PEN and the SEI module write them: with or
 * without accents (`homologação`, `produção`), and PEN's own `preprod` / `pre-producao`.
 */
const ENDPOINT_NAMES: Record<string, keyof typeof PI_ENDPOINTS> = {
  producao: 'producao',
  prod: 'producao',
  homologacao: 'homologacao',
  homolog: 'homologacao',
  preprod: 'homologacao',
  'pre-producao': 'homologacao',
  preproducao: 'homologacao',
};

/** The known endpoint a name stands for (accents and case ignored), if it is one. */
export function namedEndpoint(name: string, transport: PiTransport = 'soap'): string | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const env = ENDPOINT_NAMES[key];
  return env ? (transport === 'rest' ? PI_REST_ENDPOINTS : PI_ENDPOINTS)[env] : undefined;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * The SOAP address from what a user typed: `?wsdl` is dropped (SEI is configured with the WSDL URL),
 * `producao`/`homologacao` (also `produção`, `homologação`, `preprod`) name the known endpoints. Plain HTTP is refused except on this machine,
 * so credentials never cross a network unencrypted.
 */
export function resolveEndpoint(input: string, transport: PiTransport = 'soap'): string {
  const named = namedEndpoint(input, transport);
  let url: URL;
  try {
    url = new URL(named ?? input.trim());
  } catch {
    throw new PiSenderError('ERR_CONFIG', t('pi.notUrl', { input, example: PI_ENDPOINTS.homologacao }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PiSenderError('ERR_CONFIG', t('pi.notHttps', { protocol: url.protocol }));
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new PiSenderError('ERR_CONFIG', t('pi.plainHttp', { host: url.host }));
  }
  if (url.searchParams.has('wsdl') || url.search.toLowerCase() === '?wsdl') url.search = '';
  // The REST API's operation names are appended to its base: it ends with a slash.
  if (transport === 'rest' && !url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.toString();
}
