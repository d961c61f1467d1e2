/**
 * Facts about the PI web service (reference §1): namespace, operations, endpoints.
 */

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

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * The SOAP address from what a user typed: `?wsdl` is dropped (SEI is configured with the WSDL URL),
 * `producao`/`homologacao` name the known endpoints. Plain HTTP is refused except on this machine,
 * so credentials never cross a network unencrypted.
 */
export function resolveEndpoint(input: string): string {
  const named = PI_ENDPOINTS[input.trim().toLowerCase() as keyof typeof PI_ENDPOINTS];
  let url: URL;
  try {
    url = new URL(named ?? input.trim());
  } catch {
    throw new PiSenderError('ERR_CONFIG', `the endpoint '${input}' is not a URL (e.g. ${PI_ENDPOINTS.homologacao})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PiSenderError('ERR_CONFIG', `the endpoint must be an https:// URL, not ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new PiSenderError('ERR_CONFIG', `refusing to send credentials over plain HTTP to ${url.host}: use https://`);
  }
  if (url.searchParams.has('wsdl') || url.search.toLowerCase() === '?wsdl') url.search = '';
  return url.toString();
}
