/**
 * What the PI answered for one Documento (reference §1.3): `Ok!` is accepted; a business error
 * `NFxxx - message` is rejected (final until the data changes); anything else is a failure of the
 * service, to be retried.
 */
import { t } from '../i18n/translate.js';

export type SendOutcome = 'accepted' | 'rejected' | 'failed';

/** The classification of one `Resultado`. */
export interface Classified {
  outcome: SendOutcome;
  /** `NF001` for a rejection; undefined for an acceptance or an unclassified failure. */
  code?: string;
  message: string;
}

const NF = /\b(NF\d{3})\b\s*(?:[-–:]\s*)?(.*)$/is;

/** `Ok!` is accepted; `NFxxx - message` is rejected, with its code; anything else is a failure to retry. */
export function classifyResultado(resultado: string | undefined): Classified {
  const r = (resultado ?? '').trim();
  if (r === 'Ok!') return { outcome: 'accepted', message: r };
  const nf = NF.exec(r);
  if (nf) return { outcome: 'rejected', code: nf[1]!.toUpperCase(), message: nf[2]?.trim() || r };
  return { outcome: 'failed', message: r === '' ? t('pi.emptyResultado') : t('pi.unexpectedResultado', { text: r.slice(0, 300) }) };
}
