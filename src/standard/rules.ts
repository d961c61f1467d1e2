/**
 * Rules beyond the XSD: what the PI (or the SEI module, its reference sender) needs and a schema cannot
 * say. Each rule has a stable code (problems.ts) and is documented in docs/data-standard.md.
 */

import { t } from '../i18n/translate.js';
import { findCpfs, isValidCpf } from './cpf.js';
import { parseXsDateTime } from './datetime.js';
import { MAX_ESPECIE_STRICT, MAX_NOME_INTERESSADO, MAX_UNIDADE_OPERACAO, type DocumentoDraft, type Profile } from './model.js';
import { formatNup, isValidNup, nupCheckDigits } from './nup.js';
import { problem, type Problem, type ProblemCode } from './problems.js';
import { ProtocoloIndex } from './protocolo-index.js';
import { codePointLength, codePointName, findControlCharacter, findForbiddenCharacter, isBlank } from './text.js';

/** Where each field is in the input (by path, e.g. `Historico/ItemHistorico[2]/Operacao`), to give problems a line. */
export interface FieldLines {
  get(field: string): number | undefined;
}

class Findings {
  readonly problems: Problem[] = [];
  constructor(
    private readonly lines: FieldLines | undefined,
    private readonly fallbackLine: number | undefined,
  ) {}

  add(code: ProblemCode, field: string, message: string, severity?: Problem['severity']): void {
    const line = this.lines?.get(field) ?? this.fallbackLine;
    const p = problem(code, `${field}: ${message}`, { field, ...(line !== undefined ? { line } : {}) });
    if (severity) p.severity = severity;
    this.problems.push(p);
  }
}

interface TextSpec {
  required: boolean;
  max?: { length: number; code: ProblemCode };
}

function checkText(f: Findings, field: string, value: string | undefined, spec: TextSpec): void {
  if (value === undefined) return; // a missing element is the XSD's to report
  const control = findControlCharacter(value);
  if (control) {
    const what = control.codePoint === 0x0a || control.codePoint === 0x0d ? t('rule.lineBreak') : control.codePoint === 0x09 ? t('rule.tab') : '';
    f.add('CONTROL_CHARACTER', field, t('rule.control', { name: codePointName(control.codePoint), what }));
  }
  const forbidden = findForbiddenCharacter(value);
  if (forbidden) {
    f.add(
      'CHARACTER_NOT_ALLOWED',
      field,
      t('rule.forbidden', {
        what: forbidden.what === 'a lone surrogate' ? t('rule.loneSurrogate') : t('rule.nonCharacter'),
        name: codePointName(forbidden.codePoint),
        position: String(forbidden.index + 1),
      }),
    );
  }
  if (spec.required && isBlank(value)) {
    f.add('TEXT_BLANK', field, value.trim() === '' ? t('rule.empty') : t('rule.invisible'));
  }
  // n UTF-16 units are at most n code points: only a text longer than the limit is counted.
  if (spec.max && value.length > spec.max.length) {
    const length = codePointLength(value);
    if (length > spec.max.length) {
      f.add(spec.max.code, field, t('rule.tooLong', { length, max: spec.max.length }));
    }
  }
}

function checkProtocolo(f: Findings, field: string, value: string | undefined): void {
  if (value === undefined || !/^[0-9]{17}$/.test(value) || isValidNup(value)) return;
  const expected = nupCheckDigits(value.slice(0, 15));
  f.add('NUP_CHECK_DIGITS', field, t('rule.nupCheckDigits', { nup: formatNup(value), digits: value.slice(15), base: value.slice(0, 15), expected }));
}

/** Checks a date-time's offset; returns its instant (undefined without an offset, or when it is no date-time). */
function checkDateTime(f: Findings, field: string, value: string | undefined, profile: Profile): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseXsDateTime(value.trim());
  if (!parsed || parsed.offset !== undefined) return parsed?.instant; // not a date-time at all: the XSD reports it
  f.add('DATETIME_OFFSET', field, t('rule.noOffset', { value, example: `${parsed.local.slice(0, 19)}-03:00` }), profile === 'lenient' ? 'warning' : 'error');
  return undefined;
}

/** Normalized, a CPF is 11 digits; the message never repeats it (personal data in a log or report). */
function checkCpf(f: Findings, base: string, cpf: string | undefined): void {
  if (cpf !== undefined && !(/^[0-9]{11}$/.test(cpf) && isValidCpf(cpf))) f.add('CPF_INVALID', `${base}/cpf`, t('rule.cpfInvalid'));
}

/** CPF_INVALID for each interessado's cpf, alone: for a Documento in the REST form, whose XML cannot carry it. */
export function cpfProblems(doc: DocumentoDraft): Problem[] {
  const f = new Findings(undefined, undefined);
  (doc.ListaInteressados?.Interessado ?? []).forEach((interessado, i) => checkCpf(f, `ListaInteressados/Interessado[${i + 1}]`, interessado.cpf));
  return f.problems;
}

/** Checks one Documento against every rule beyond the XSD (all but the duplicate check of a list). */
export function checkRules(doc: DocumentoDraft, profile: Profile, lines?: FieldLines, fallbackLine?: number): Problem[] {
  const f = new Findings(lines, fallbackLine);
  checkProtocolo(f, 'Protocolo', doc.Protocolo);
  checkDateTime(f, 'DataHoraProducao', doc.DataHoraProducao, profile);
  checkText(f, 'Especie', doc.Especie, {
    required: true,
    ...(profile === 'strict' ? { max: { length: MAX_ESPECIE_STRICT, code: 'ESPECIE_LENGTH' } } : {}),
  });
  checkText(f, 'Assunto', doc.Assunto, { required: true });
  checkText(f, 'IdentificacaoDocumento', doc.IdentificacaoDocumento, { required: true });

  (doc.ListaProtocolosRelacionados?.ProtocoloRelacionado ?? []).forEach((p, i) =>
    checkProtocolo(f, `ListaProtocolosRelacionados/ProtocoloRelacionado[${i + 1}]`, p),
  );

  (doc.ListaInteressados?.Interessado ?? []).forEach((interessado, i) => {
    const base = `ListaInteressados/Interessado[${i + 1}]`;
    const field = `${base}/NomeInteressado`;
    const name = interessado.NomeInteressado;
    checkText(f, field, name, { required: true, max: { length: MAX_NOME_INTERESSADO, code: 'NOME_INTERESSADO_LENGTH' } });
    const cpfs = name === undefined ? [] : findCpfs(name);
    if (cpfs.length > 0) {
      f.add(
        'CPF_UNMASKED',
        field,
        cpfs.length === 1
          ? t('rule.cpf', { position: String(cpfs[0]!.index + 1) })
          : t('rule.cpfs', { count: cpfs.length, position: String(cpfs[0]!.index + 1) }),
      );
    }
    checkCpf(f, base, interessado.cpf);
    checkText(f, `${base}/natureza`, interessado.natureza, { required: false });
  });

  let latest: { instant: number; index: number } | undefined;
  (doc.Historico?.ItemHistorico ?? []).forEach((item, i) => {
    const base = `Historico/ItemHistorico[${i + 1}]`;
    const instant = checkDateTime(f, `${base}/DataHoraOperacao`, item.DataHoraOperacao, profile);
    checkText(f, `${base}/UnidadeOperacao`, item.UnidadeOperacao, {
      required: false,
      max: { length: MAX_UNIDADE_OPERACAO, code: 'UNIDADE_OPERACAO_LENGTH' },
    });
    checkText(f, `${base}/Operacao`, item.Operacao, { required: true });
    if (instant === undefined) return;
    if (latest && instant < latest.instant) {
      f.add('HISTORICO_ORDER', `${base}/DataHoraOperacao`, t('rule.historicoOrder', { index: String(latest.index) }));
    }
    if (!latest || instant >= latest.instant) latest = { instant, index: i + 1 };
  });
  return f.problems;
}

/**
 * Remembers the Protocolos of one ListaDocumentos to report a repeated one. Holds one string per
 * Documento (about 60 bytes each: 1 million Documentos need about 60 MB).
 */
export class DuplicateProtocolos {
  private readonly seen = new ProtocoloIndex();

  /** Returns a problem when `protocolo` was already seen in this list. */
  check(protocolo: string | undefined, index: number, line?: number): Problem | undefined {
    if (protocolo === undefined || protocolo === '') return undefined;
    const key = protocolo.trim();
    const first = this.seen.firstOrSet(key, index);
    if (first === undefined) return undefined;
    return problem('PROTOCOLO_DUPLICATE', t('rule.duplicate', { protocolo: key, first: String(first) }), {
      field: 'Protocolo',
      ...(line !== undefined ? { line } : {}),
    });
  }
}
