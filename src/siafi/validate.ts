/**
 * Checks a requisition against the restrictions of the interface document before anything is sent,
 * and turns it into the canonical values the XML writer emits. Every problem names its field path
 * (`dadosPadraoBem[0].dadosBem.ripBem`, indices from 0 as in the JSON it came from).
 */

import { t } from '../i18n/translate.js';
import { PiSenderError, type ErrorContext } from '../errors.js';
import { operationInfo, type OperationInfo } from './operations.js';
import { HEADER_LIMITS, SHAPES, type Field, type Restriction } from './restrictions.js';
import type { SiafiOperation, SiafiRequisicoes } from './types.js';

/** Stable codes of requisition problems. */
export const SIAFI_PROBLEM_CODES = {
  SIAFI_REQUIRED: 'a required field is missing',
  SIAFI_UNKNOWN_FIELD: 'a field the type does not have (a typo?)',
  SIAFI_TYPE: 'a value of the wrong kind (text for a number, a list for a single value, ...)',
  SIAFI_RESTRICTION: 'a value outside its restriction (digits, length, range, enumeration)',
  SIAFI_BLANK: 'required text that is blank or holds control characters',
  SIAFI_OCCURS: 'a list with too few or too many entries',
  SIAFI_GRUPO: 'a grupoRequisicao other than the one the operation requires',
} as const;

/** The code of a {@link SiafiProblem}. */
export type SiafiProblemCode = keyof typeof SIAFI_PROBLEM_CODES;

/** One problem of a requisition. */
export interface SiafiProblem {
  /** JSON path of the field, e.g. `dadosPadraoBem[0].valorBem`. */
  path: string;
  code: SiafiProblemCode;
  message: string;
}

/** A canonical value: text for a simple field, ordered children for a complex one. */
export type CanonicalNode = { name: string; text: string } | { name: string; children: CanonicalNode[] };

/** A requisition refused before sending: every problem, with its field path. */
export class SiafiValidationError extends PiSenderError {
  constructor(
    readonly operation: string,
    readonly problems: readonly SiafiProblem[],
    context: ErrorContext = {},
  ) {
    const list = problems.map((p) => `  ${p.path || t('siafi.wholeRequisition')}: ${p.code} ${p.message}`).join('\n');
    super('ERR_INVALID_REQUISICAO', `${t('siafi.invalid', { operation, count: problems.length })}\n${list}`, context);
    this.name = 'SiafiValidationError';
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function simple(value: unknown, r: Restriction, path: string, problems: SiafiProblem[]): string | undefined {
  const bad = (code: SiafiProblemCode, message: string): undefined => {
    problems.push({ path, code, message });
    return undefined;
  };
  switch (r.kind) {
    case 'int': {
      let digits: string;
      if (typeof value === 'number') {
        if (!Number.isSafeInteger(value) || value < 0)
          return bad('SIAFI_RESTRICTION', t('siafi.v.wholeDigits', { name: r.name, digits: range(r.minDigits, r.maxDigits), value: show(value) }));
        digits = String(value);
      } else if (typeof value === 'string') {
        if (!/^\d+$/.test(value))
          return bad('SIAFI_RESTRICTION', t('siafi.v.digits', { name: r.name, digits: range(r.minDigits, r.maxDigits), value: show(value) }));
        digits = value;
      } else return bad('SIAFI_TYPE', t('siafi.v.number', { name: r.name, value: show(value) }));
      if (digits.length < r.minDigits || digits.length > r.maxDigits)
        return bad('SIAFI_RESTRICTION', t('siafi.v.digits', { name: r.name, digits: range(r.minDigits, r.maxDigits), value: show(value) }));
      const n = Number(digits);
      if (r.values && !r.values.includes(n))
        return bad('SIAFI_RESTRICTION', t('siafi.v.oneOf', { name: r.name, values: r.values.join(', '), value: show(value) }));
      if (r.positive && n <= 0) return bad('SIAFI_RESTRICTION', t('siafi.v.positive', { name: r.name }));
      // xs:integer: "01" (as the document writes it, "Informar 01") is the number 1, sent canonical;
      // a type of fixed width (Ano) keeps the digits it was given.
      return String(n).length >= r.minDigits ? String(n) : digits;
    }
    case 'string': {
      if (typeof value !== 'string')
        return bad('SIAFI_TYPE', t(typeof value === 'number' ? 'siafi.v.textQuoted' : 'siafi.v.text', { name: r.name, value: show(value) }));
      if (value.trim() === '') return bad('SIAFI_BLANK', t('siafi.v.blank', { name: r.name }));
      if (CONTROL.test(value)) return bad('SIAFI_BLANK', t('siafi.v.control', { name: r.name }));
      const length = [...value].length;
      if (r.pattern && !r.pattern.test(value))
        return bad(
          'SIAFI_RESTRICTION',
          t('siafi.v.pattern', {
            name: r.name,
            pattern: r.patternText === 'exactly 8 digits' ? t('siafi.v.exactly8') : (r.patternText ?? ''),
            value: show(value),
          }),
        );
      if (length < r.min || length > r.max) return bad('SIAFI_RESTRICTION', t('siafi.v.length', { name: r.name, range: range(r.min, r.max), length }));
      return value;
    }
    case 'decimal': {
      let s: string;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return bad('SIAFI_RESTRICTION', t('siafi.v.number', { name: r.name, value: show(value) }));
        s = String(value);
        if (/e/i.test(s)) return bad('SIAFI_RESTRICTION', t('siafi.v.outOfRange', { name: r.name, value: s }));
      } else if (typeof value === 'string') s = value;
      else return bad('SIAFI_TYPE', t('siafi.v.decimal', { name: r.name, value: show(value) }));
      const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
      if (!m) return bad('SIAFI_RESTRICTION', t('siafi.v.decimalPoint', { name: r.name, value: show(value) }));
      const intPart = m[1]!.replace(/^0+(?=\d)/, '');
      const frac = m[2] ?? '';
      if (intPart.length > 15) return bad('SIAFI_RESTRICTION', t('siafi.v.integerDigits', { name: r.name }));
      if (frac.length > 2) return bad('SIAFI_RESTRICTION', t('siafi.v.decimalDigits', { name: r.name, value: s }));
      if (!/[1-9]/.test(intPart + frac)) return bad('SIAFI_RESTRICTION', t('siafi.v.positive', { name: r.name }));
      return frac ? `${intPart}.${frac}` : intPart;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return bad('SIAFI_TYPE', t('siafi.v.boolean', { value: show(value) }));
      return String(value);
  }
}

function range(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}

function checkObject(value: unknown, fields: readonly Field[], typeName: string, path: string, problems: SiafiProblem[]): CanonicalNode[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path, code: 'SIAFI_TYPE', message: t('siafi.v.object', { type: typeName, value: show(value) }) });
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const known = new Set(fields.map((x) => x.name));
  for (const key of Object.keys(obj)) {
    if (!known.has(key))
      problems.push({
        path: join(path, key),
        code: 'SIAFI_UNKNOWN_FIELD',
        message: t('siafi.v.unknownField', { type: typeName, key, known: [...known].join(', ') }),
      });
  }
  const out: CanonicalNode[] = [];
  for (const field of fields) {
    const v = obj[field.name];
    const p = join(path, field.name);
    if (v === undefined || v === null) {
      if (field.min === 1) problems.push({ path: p, code: 'SIAFI_REQUIRED', message: t('siafi.v.required', { field: `${typeName}.${field.name}` }) });
      continue;
    }
    const many = field.max > 1;
    if (many && !Array.isArray(v)) {
      problems.push({ path: p, code: 'SIAFI_TYPE', message: t('siafi.v.list', { type: field.type.name }) });
      continue;
    }
    if (!many && Array.isArray(v)) {
      problems.push({ path: p, code: 'SIAFI_TYPE', message: t('siafi.v.single') });
      continue;
    }
    const items = many ? (v as unknown[]) : [v];
    if (many && (items.length < field.min || items.length > field.max)) {
      const limit = field.max === Infinity ? t('siafi.v.atLeast', { min: field.min }) : t('siafi.v.between', { min: field.min, max: field.max });
      problems.push({ path: p, code: 'SIAFI_OCCURS', message: t('siafi.v.entries', { limit, count: items.length }) });
    }
    items.forEach((item, i) => {
      const ip = many ? `${p}[${i}]` : p;
      if (field.type.kind === 'complex') {
        const children = checkObject(item, field.type.fields, field.type.name, ip, problems);
        if (children) out.push({ name: field.name, children });
      } else {
        const text = simple(item, field.type, ip, problems);
        if (text !== undefined) out.push({ name: field.name, text });
      }
    });
  }
  return out;
}

export interface CheckedRequisicao {
  operation: OperationInfo;
  /** The parameter, canonical, in wire order. */
  node: CanonicalNode & { children: CanonicalNode[] };
}

/**
 * Validates the parameter of `operation` and returns it canonical; throws
 * {@link SiafiValidationError} listing every problem. A missing grupoRequisicao is filled with the
 * operation's own; a different one is refused.
 */
export function checkRequisicao<O extends SiafiOperation>(operation: O, requisicao: SiafiRequisicoes[O] | unknown): CheckedRequisicao {
  const info = operationInfo(operation);
  const problems = requisicaoProblems(info, requisicao);
  if (problems.length > 0) throw new SiafiValidationError(info.name, problems);
  const input = withGrupo(info, requisicao as Record<string, unknown>);
  const children = checkObject(input, SHAPES[info.shape], info.type, '', [])!;
  return { operation: info, node: { name: info.parameter, children } };
}

function withGrupo(info: OperationInfo, requisicao: Record<string, unknown>): Record<string, unknown> {
  return info.grupo !== undefined && (requisicao['grupoRequisicao'] === undefined || requisicao['grupoRequisicao'] === null)
    ? { ...requisicao, grupoRequisicao: info.grupo }
    : requisicao;
}

/** Every problem of a requisition (empty when it may be sent). */
export function requisicaoProblems(info: OperationInfo, requisicao: unknown): SiafiProblem[] {
  const problems: SiafiProblem[] = [];
  if (typeof requisicao !== 'object' || requisicao === null || Array.isArray(requisicao)) {
    return [{ path: '', code: 'SIAFI_TYPE', message: t('siafi.v.requisicaoObject', { type: info.type }) }];
  }
  const input = withGrupo(info, requisicao as Record<string, unknown>);
  checkObject(input, SHAPES[info.shape], info.type, '', problems);
  const grupo = input['grupoRequisicao'];
  if (info.grupo !== undefined && grupo !== undefined && Number(grupo) !== info.grupo && !problems.some((p) => p.path === 'grupoRequisicao')) {
    problems.push({
      path: 'grupoRequisicao',
      code: 'SIAFI_GRUPO',
      message: t('siafi.v.grupo', { name: info.name, grupo: String(info.grupo), value: show(grupo) }),
    });
  }
  return problems;
}

/** The cabecalhoSIAFI values, checked (§3.6.7.1). */
export interface CabecalhoSIAFI {
  ug: string;
  nomeSistemaSIAFI?: string;
  nonce: string;
}

export function checkCabecalho(c: { ug: number | string | undefined; nomeSistemaSIAFI?: string | undefined; nonce: string }): CabecalhoSIAFI {
  const problems: SiafiProblem[] = [];
  const ug = c.ug === undefined ? undefined : String(c.ug);
  if (ug === undefined || ug === '') problems.push({ path: 'cabecalhoSIAFI.ug', code: 'SIAFI_REQUIRED', message: t('siafi.v.ugRequired') });
  else if (!new RegExp(`^\\d{1,${HEADER_LIMITS.ugDigits}}$`).test(ug))
    problems.push({ path: 'cabecalhoSIAFI.ug', code: 'SIAFI_RESTRICTION', message: t('siafi.v.ug', { value: String(ug) }) });
  const nome = c.nomeSistemaSIAFI;
  if (nome !== undefined && (nome.length < 1 || nome.length > HEADER_LIMITS.nomeSistemaSIAFI)) {
    problems.push({ path: 'cabecalhoSIAFI.nomeSistemaSIAFI', code: 'SIAFI_RESTRICTION', message: t('siafi.v.nomeSistema') });
  }
  if (c.nonce.length < 1 || c.nonce.length > HEADER_LIMITS.nonce)
    problems.push({ path: 'cabecalhoSIAFI.bilhetador.nonce', code: 'SIAFI_RESTRICTION', message: t('siafi.v.nonce') });
  if (problems.length > 0) throw new SiafiValidationError('cabecalhoSIAFI', problems);
  return { ug: ug!, ...(nome !== undefined ? { nomeSistemaSIAFI: nome } : {}), nonce: c.nonce };
}
