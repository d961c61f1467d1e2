/**
 * Checks a requisition against the restrictions of the interface document before anything is sent,
 * and turns it into the canonical values the XML writer emits. Every problem names its field path
 * (`dadosPadraoBem[0].dadosBem.ripBem`, indices from 0 as in the JSON it came from).
 */

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
    const list = problems.map((p) => `  ${p.path || '(requisition)'}: ${p.code} ${p.message}`).join('\n');
    super(
      'ERR_INVALID_REQUISICAO',
      `the ${operation} requisition is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was sent:\n${list}`,
      context,
    );
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
          return bad('SIAFI_RESTRICTION', `${r.name} must be a whole number of ${range(r.minDigits, r.maxDigits)} digits, not ${show(value)}`);
        digits = String(value);
      } else if (typeof value === 'string') {
        if (!/^\d+$/.test(value)) return bad('SIAFI_RESTRICTION', `${r.name} must be ${range(r.minDigits, r.maxDigits)} digits, not ${show(value)}`);
        digits = value;
      } else return bad('SIAFI_TYPE', `${r.name} must be a number, not ${show(value)}`);
      if (digits.length < r.minDigits || digits.length > r.maxDigits)
        return bad('SIAFI_RESTRICTION', `${r.name} must be ${range(r.minDigits, r.maxDigits)} digits, not ${show(value)}`);
      const n = Number(digits);
      if (r.values && !r.values.includes(n)) return bad('SIAFI_RESTRICTION', `${r.name} must be one of ${r.values.join(', ')}, not ${show(value)}`);
      if (r.positive && n <= 0) return bad('SIAFI_RESTRICTION', `${r.name} must be greater than zero`);
      // xs:integer: "01" (as the document writes it, "Informar 01") is the number 1, sent canonical;
      // a type of fixed width (Ano) keeps the digits it was given.
      return String(n).length >= r.minDigits ? String(n) : digits;
    }
    case 'string': {
      if (typeof value !== 'string')
        return bad('SIAFI_TYPE', `${r.name} must be text${typeof value === 'number' ? ' (in quotes: leading zeros matter)' : ''}, not ${show(value)}`);
      if (value.trim() === '') return bad('SIAFI_BLANK', `${r.name} must not be blank`);
      if (CONTROL.test(value)) return bad('SIAFI_BLANK', `${r.name} holds a control character`);
      const length = [...value].length;
      if (r.pattern && !r.pattern.test(value)) return bad('SIAFI_RESTRICTION', `${r.name} must be ${r.patternText}, not ${show(value)}`);
      if (length < r.min || length > r.max) return bad('SIAFI_RESTRICTION', `${r.name} must have ${range(r.min, r.max)} characters, not ${length}`);
      return value;
    }
    case 'decimal': {
      let s: string;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return bad('SIAFI_RESTRICTION', `${r.name} must be a number, not ${show(value)}`);
        s = String(value);
        if (/e/i.test(s)) return bad('SIAFI_RESTRICTION', `${r.name} ${s} is out of range: at most 15 integer and 2 decimal digits`);
      } else if (typeof value === 'string') s = value;
      else return bad('SIAFI_TYPE', `${r.name} must be a decimal number, not ${show(value)}`);
      const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
      if (!m) return bad('SIAFI_RESTRICTION', `${r.name} must be a decimal number with a point (1500.25), not ${show(value)}`);
      const intPart = m[1]!.replace(/^0+(?=\d)/, '');
      const frac = m[2] ?? '';
      if (intPart.length > 15) return bad('SIAFI_RESTRICTION', `${r.name} has more than 15 integer digits`);
      if (frac.length > 2) return bad('SIAFI_RESTRICTION', `${r.name} has more than 2 decimal digits: ${s}`);
      if (!/[1-9]/.test(intPart + frac)) return bad('SIAFI_RESTRICTION', `${r.name} must be greater than zero`);
      return frac ? `${intPart}.${frac}` : intPart;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return bad('SIAFI_TYPE', `must be true or false, not ${show(value)}`);
      return String(value);
  }
}

function range(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}

function checkObject(value: unknown, fields: readonly Field[], typeName: string, path: string, problems: SiafiProblem[]): CanonicalNode[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path, code: 'SIAFI_TYPE', message: `must be an object (${typeName}), not ${show(value)}` });
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const known = new Set(fields.map((x) => x.name));
  for (const key of Object.keys(obj)) {
    if (!known.has(key))
      problems.push({ path: join(path, key), code: 'SIAFI_UNKNOWN_FIELD', message: `${typeName} has no field '${key}' (it has: ${[...known].join(', ')})` });
  }
  const out: CanonicalNode[] = [];
  for (const field of fields) {
    const v = obj[field.name];
    const p = join(path, field.name);
    if (v === undefined || v === null) {
      if (field.min === 1) problems.push({ path: p, code: 'SIAFI_REQUIRED', message: `${typeName}.${field.name} is required` });
      continue;
    }
    const many = field.max > 1;
    if (many && !Array.isArray(v)) {
      problems.push({ path: p, code: 'SIAFI_TYPE', message: `must be a list of ${field.type.name}` });
      continue;
    }
    if (!many && Array.isArray(v)) {
      problems.push({ path: p, code: 'SIAFI_TYPE', message: 'must be a single value, not a list' });
      continue;
    }
    const items = many ? (v as unknown[]) : [v];
    if (many && (items.length < field.min || items.length > field.max)) {
      const limit = field.max === Infinity ? `at least ${field.min}` : `${field.min} to ${field.max}`;
      problems.push({ path: p, code: 'SIAFI_OCCURS', message: `must have ${limit} entries, not ${items.length}` });
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
    return [{ path: '', code: 'SIAFI_TYPE', message: `the requisition must be an object (${info.type})` }];
  }
  const input = withGrupo(info, requisicao as Record<string, unknown>);
  checkObject(input, SHAPES[info.shape], info.type, '', problems);
  const grupo = input['grupoRequisicao'];
  if (info.grupo !== undefined && grupo !== undefined && Number(grupo) !== info.grupo && !problems.some((p) => p.path === 'grupoRequisicao')) {
    problems.push({ path: 'grupoRequisicao', code: 'SIAFI_GRUPO', message: `${info.name} requires grupoRequisicao ${info.grupo}, not ${show(grupo)}` });
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
  if (ug === undefined || ug === '')
    problems.push({ path: 'cabecalhoSIAFI.ug', code: 'SIAFI_REQUIRED', message: 'the UG of the operator is required (--ug or SIAFI_UG)' });
  else if (!new RegExp(`^\\d{1,${HEADER_LIMITS.ugDigits}}$`).test(ug))
    problems.push({ path: 'cabecalhoSIAFI.ug', code: 'SIAFI_RESTRICTION', message: `UG must be 1–6 digits, not '${ug}'` });
  const nome = c.nomeSistemaSIAFI;
  if (nome !== undefined && (nome.length < 1 || nome.length > HEADER_LIMITS.nomeSistemaSIAFI)) {
    problems.push({ path: 'cabecalhoSIAFI.nomeSistemaSIAFI', code: 'SIAFI_RESTRICTION', message: 'NomeSistSIAFI must have 1–11 characters' });
  }
  if (c.nonce.length < 1 || c.nonce.length > HEADER_LIMITS.nonce)
    problems.push({ path: 'cabecalhoSIAFI.bilhetador.nonce', code: 'SIAFI_RESTRICTION', message: 'NONCE must have 1–64 characters' });
  if (problems.length > 0) throw new SiafiValidationError('cabecalhoSIAFI', problems);
  return { ug: ug!, ...(nome !== undefined ? { nomeSistemaSIAFI: nome } : {}), nonce: c.nonce };
}
