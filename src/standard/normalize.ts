/**
 * The normalizer every send path runs before validation: it fixes what can be fixed without guessing
 * and says what it changed. Text: mojibake repaired, line breaks and tabs turned into single spaces,
 * other control characters removed, trimmed. Names: CPFs masked as the SEI module does, then cut to
 * 150 characters. Units: cut to 300. Protocol numbers: digits only.
 */

import { maskCpfsInName } from './cpf.js';
import { withZoneOffset } from './datetime.js';
import { MAX_NOME_INTERESSADO, MAX_UNIDADE_OPERACAO, PROTOCOLO_LENGTHS, type DocumentoDraft, type ItemHistorico } from './model.js';
import { nupCheckDigits } from './nup.js';
import { removeControlCharacters, repairMojibake, truncate } from './text.js';

/** Options of {@link normalizeDocumento}. */
export interface NormalizeOptions {
  /**
   * IANA time zone given to date-times written without an offset (e.g. `America/Sao_Paulo`). Unset by
   * default: such values are left alone and validation reports them (DATETIME_OFFSET).
   */
  timeZone?: string;
}

/** What kind of change the normalizer made. */
export type ChangeKind =
  | 'mojibake-repaired'
  | 'control-characters'
  | 'trimmed'
  | 'cpf-masked'
  | 'cpf-digits'
  | 'truncated'
  | 'protocolo-digits'
  | 'protocolo-check-digits'
  | 'relacionado-dropped'
  | 'interessado-duplicate-dropped'
  | 'timezone-applied';

/** One thing the normalizer changed. Never carries the text itself (it may hold a CPF). */
export interface Change {
  field: string;
  kind: ChangeKind;
}

/** The result of {@link normalizeDocumento}: the Documento as it will be sent, and what changed. */
export interface Normalized {
  documento: DocumentoDraft;
  changes: Change[];
}

/** Cleans a free text: repairs mojibake, turns line breaks and tabs into spaces, removes controls, trims. */
export function normalizeText(value: string): string {
  return removeControlCharacters(repairMojibake(value)).trim();
}

/** A protocol number as the PI wants it: digits only (`99991.000007/2025-30` → `99991000007202530`). */
export function normalizeProtocolo(value: string): string {
  return new Normalizer({}).protocolo('Protocolo', value) ?? value;
}

const ONLY_DIGITS = /^[0-9]+$/;

class Normalizer {
  readonly changes: Change[] = [];
  constructor(private readonly options: NormalizeOptions) {}

  private note(field: string, kind: ChangeKind): void {
    this.changes.push({ field, kind });
  }

  text(field: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const repaired = repairMojibake(value);
    if (repaired !== value) this.note(field, 'mojibake-repaired');
    const cleaned = removeControlCharacters(repaired);
    if (cleaned !== repaired) this.note(field, 'control-characters');
    const trimmed = cleaned.trim();
    if (trimmed !== cleaned) this.note(field, 'trimmed');
    return trimmed;
  }

  cut(field: string, value: string | undefined, max: number): string | undefined {
    if (value === undefined) return undefined;
    const cut = truncate(value, max);
    if (cut !== value) this.note(field, 'truncated');
    return cut;
  }

  name(field: string, value: string | undefined): string | undefined {
    const text = this.text(field, value);
    if (text === undefined) return undefined;
    const masked = maskCpfsInName(text);
    if (masked !== text) this.note(field, 'cpf-masked');
    return this.cut(field, masked, MAX_NOME_INTERESSADO);
  }

  /**
   * An interessado's CPF as the REST API wants it: digits only, zero-padded to 11 (a CPF kept as a
   * number in the SPE lost its leading zeros: the SEI module's `%011s`). Anything else is left for
   * validation to report (CPF_INVALID): stripping letters would invent a number.
   */
  cpf(field: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') {
      this.note(field, 'trimmed');
      return undefined;
    }
    const digits = trimmed.replace(/[\s.\-/]/g, '');
    if (!/^[0-9]{1,11}$/.test(digits)) return trimmed;
    const padded = digits.padStart(11, '0');
    if (padded !== value) this.note(field, 'cpf-digits');
    return padded;
  }

  /**
   * Digits only. Old NUPs written with the letters "DV" in place of their check digits
   * (`00000.000000/0000-DV`) get the computed digits, as PEN's wiki says they may.
   */
  protocolo(field: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (ONLY_DIGITS.test(value)) return value; // what nearly every SPE writes: nothing to change
    const compact = value.trim().replace(/[\s.\-/]/g, '');
    if (/^[0-9]{15}DV$/i.test(compact)) {
      this.note(field, 'protocolo-check-digits');
      return compact.slice(0, 15) + nupCheckDigits(compact.slice(0, 15));
    }
    // Letters other than a final DV are left for validation to report: stripping them would invent a number.
    const digits = /^[0-9]+(DV)?$/i.test(compact) ? compact.replace(/DV$/i, '') : compact;
    if (digits !== value) this.note(field, 'protocolo-digits');
    return digits;
  }

  dateTime(field: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed !== value) this.note(field, 'trimmed');
    if (!this.options.timeZone) return trimmed;
    const zoned = withZoneOffset(trimmed, this.options.timeZone);
    if (zoned !== trimmed) this.note(field, 'timezone-applied');
    return zoned;
  }
}

/** Normalizes a Documento (the input is not modified). */
export function normalizeDocumento(doc: DocumentoDraft, options: NormalizeOptions = {}): Normalized {
  const n = new Normalizer(options);
  const out: DocumentoDraft = {};
  const set = <K extends keyof DocumentoDraft>(key: K, value: DocumentoDraft[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('Protocolo', n.protocolo('Protocolo', doc.Protocolo));
  set('DataHoraProducao', n.dateTime('DataHoraProducao', doc.DataHoraProducao));
  set('Especie', n.text('Especie', doc.Especie));
  set('Assunto', n.text('Assunto', doc.Assunto));
  set('IdentificacaoDocumento', n.text('IdentificacaoDocumento', doc.IdentificacaoDocumento));

  if (doc.ListaProtocolosRelacionados) {
    // As the SEI module: only numbers of a length the PI knows, each once, never the Documento itself.
    const kept: string[] = [];
    (doc.ListaProtocolosRelacionados.ProtocoloRelacionado ?? []).forEach((raw, i) => {
      const field = `ListaProtocolosRelacionados/ProtocoloRelacionado[${i + 1}]`;
      const p = n.protocolo(field, raw);
      if (p === undefined || !/^[0-9]+$/.test(p) || !PROTOCOLO_LENGTHS.has(p.length) || p === out.Protocolo || kept.includes(p)) {
        n.changes.push({ field, kind: 'relacionado-dropped' });
        return;
      }
      kept.push(p);
    });
    if (kept.length > 0) out.ListaProtocolosRelacionados = { ProtocoloRelacionado: kept };
  }

  if (doc.ListaInteressados) {
    type Kept = NonNullable<NonNullable<DocumentoDraft['ListaInteressados']>['Interessado']>[number];
    const kept: Kept[] = [];
    const byName = new Map<string, Kept>();
    (doc.ListaInteressados.Interessado ?? []).forEach((interessado, i) => {
      const base = `ListaInteressados/Interessado[${i + 1}]`;
      const field = `${base}/NomeInteressado`;
      const name = n.name(field, interessado.NomeInteressado);
      const cpf = n.cpf(`${base}/cpf`, interessado.cpf);
      const natureza = n.text(`${base}/natureza`, interessado.natureza) || undefined;
      const earlier = name === undefined ? undefined : byName.get(name);
      if (earlier) {
        // The same person twice, once with the CPF and once without, is still one person with a CPF.
        if (earlier.cpf === undefined && cpf !== undefined) earlier.cpf = cpf;
        if (earlier.natureza === undefined && natureza !== undefined) earlier.natureza = natureza;
        n.changes.push({ field, kind: 'interessado-duplicate-dropped' });
        return;
      }
      const one: Kept = name === undefined ? {} : { NomeInteressado: name };
      if (cpf !== undefined) one.cpf = cpf;
      if (natureza !== undefined) one.natureza = natureza;
      if (name !== undefined) byName.set(name, one);
      kept.push(one);
    });
    if (kept.length > 0) out.ListaInteressados = { Interessado: kept };
  }

  if (doc.Historico) {
    out.Historico = {
      ItemHistorico: (doc.Historico.ItemHistorico ?? []).map((item, i) => {
        const base = `Historico/ItemHistorico[${i + 1}]`;
        const result: Partial<ItemHistorico> = {};
        const when = n.dateTime(`${base}/DataHoraOperacao`, item.DataHoraOperacao);
        if (when !== undefined) result.DataHoraOperacao = when;
        const unit = n.cut(`${base}/UnidadeOperacao`, n.text(`${base}/UnidadeOperacao`, item.UnidadeOperacao), MAX_UNIDADE_OPERACAO);
        if (unit !== undefined) result.UnidadeOperacao = unit;
        const op = n.text(`${base}/Operacao`, item.Operacao);
        if (op !== undefined) result.Operacao = op;
        return result;
      }),
    };
  }
  return { documento: out, changes: n.changes };
}
