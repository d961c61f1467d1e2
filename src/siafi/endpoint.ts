/**
 * Where the integrarSistemaSPUNet service lives (interface document §3.2), and its namespace.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';

/**
 * The service namespace. Inferred from the four Novo SIAFI WSDLs that are public
 * (`http://www.tesouro.gov.br/siafi/services/<grupo>/<servico>`), not read from the SPUNet WSDL [?]:
 * configurable with `namespace`.
 */
export const SPUNET_NAMESPACE = 'http://www.tesouro.gov.br/siafi/services/integra/integrarSistemaSPUNet';

export const SPUNET_PATH = 'services/integra/integrarSistemaSPUNet';

/** The two SIAFI environments: homologação externa and produção. */
export type SiafiEnvironment = 'producao' | 'homologacao';

/** The current year in Brasília, the default exercise year (ano do exercício). */
export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'America/Sao_Paulo', year: 'numeric' }).format(now));
}

/**
 * The service address: produção `https://servicos-siafi.tesouro.gov.br/siafi<ano>/services/integra/…`,
 * homologação externa `https://homextservicos-siafi.tesouro.gov.br/siafi<ano>he/services/integra/…`.
 */
export function siafiEndpoint(environment: string, year: number = currentYear()): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new PiSenderError('ERR_USAGE', t('siafi.c.year', { year: String(year) }));
  if (environment === 'producao' || environment === 'produção') return `https://servicos-siafi.tesouro.gov.br/siafi${year}/${SPUNET_PATH}`;
  if (environment === 'homologacao' || environment === 'homologação') return `https://homextservicos-siafi.tesouro.gov.br/siafi${year}he/${SPUNET_PATH}`;
  throw new PiSenderError('ERR_USAGE', t('siafi.c.environment', { environment }));
}
