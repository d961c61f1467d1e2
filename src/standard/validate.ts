/**
 * Validation of one Documento: XSD (libxml2) plus the rules beyond it, with duplicate reports merged.
 * A Documento read from a file is validated as written; one given as an object is validated in the
 * canonical form the writer gives it (which is what would be sent).
 */

import { DOCUMENTO_ORDER, ITEM_HISTORICO_FIELDS, type Documento, type DocumentoDraft, type Profile } from './model.js';
import { problem, hasErrors, type Problem, type ProblemCode } from './problems.js';
import type { DocumentoRecord } from './reader.js';
import { checkRules } from './rules.js';
import { documentoXml } from './writer.js';
import { validateDocumentoXml } from './xsd.js';

/** Options of {@link validateDocumento}. */
export interface ValidateOptions {
  /** `strict` (default) or `lenient`: see docs/data-standard.md. */
  profile?: Profile;
}

/** The result of {@link validateDocumento}: a valid, typed Documento (warnings allowed), or the problems. */
export type ValidationResult = { valid: true; documento: Documento; problems: Problem[] } | { valid: false; problems: Problem[] };

/** Rule codes that say more than the XSD facet error on the same field. */
const SUPERSEDES_FACETS: ReadonlySet<ProblemCode> = new Set([
  'CONTROL_CHARACTER',
  'TEXT_BLANK',
  'NOME_INTERESSADO_LENGTH',
  'UNIDADE_OPERACAO_LENGTH',
  'ESPECIE_LENGTH',
]);

/** XSD and rule problems of one Documento, with the XSD's facet errors dropped where a rule says more. */
export function mergeProblems(xsd: Problem[], rules: Problem[], before: Problem[] = []): Problem[] {
  const covered = new Set(rules.filter((p) => SUPERSEDES_FACETS.has(p.code)).map((p) => p.field));
  const kept = xsd.filter((p) => !((p.code === 'XSD_LENGTH' || p.code === 'XSD_PATTERN') && covered.has(p.field)));
  // Stable sort by line keeps each source's own order on the same line.
  return [...before, ...kept, ...rules].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Validates a Documento as read from a file. */
export function validateRecord(record: DocumentoRecord, profile: Profile = 'strict'): Problem[] {
  const xsd = record.xml === undefined ? [] : validateDocumentoXml(record.xml, profile, record.line, record.rootNamespaces);
  const rules = checkRules(record.documento, profile, record.lines, record.line);
  return mergeProblems(xsd, rules, record.problems);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the JavaScript shape of a Documento given as an object: strings where text goes, arrays for lists. */
export function shapeProblems(doc: unknown): Problem[] {
  const found: Problem[] = [];
  const bad = (field: string, expected: string, value: unknown): void => {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    found.push(problem('FIELD_TYPE', `${field}: must be ${expected}, got ${got}`, { field }));
  };
  if (!isRecord(doc)) {
    bad('Documento', 'an object', doc);
    return found;
  }
  const text = (obj: Record<string, unknown>, key: string, field: string): void => {
    const v = obj[key];
    if (v !== undefined && typeof v !== 'string') bad(field, 'a string', v);
  };
  const list = (obj: unknown, container: string, key: string, each: (item: unknown, field: string) => void): void => {
    if (obj === undefined) return;
    if (!isRecord(obj)) return bad(container, `an object with ${key}`, obj);
    const items = obj[key];
    if (items === undefined) return;
    if (!Array.isArray(items)) return bad(`${container}/${key}`, 'an array', items);
    items.forEach((item, i) => each(item, `${container}/${key}[${i + 1}]`));
  };
  for (const key of ['Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'IdentificacaoDocumento']) text(doc, key, key);
  list(doc['ListaProtocolosRelacionados'], 'ListaProtocolosRelacionados', 'ProtocoloRelacionado', (item, field) => {
    if (typeof item !== 'string') bad(field, 'a string', item);
  });
  list(doc['ListaInteressados'], 'ListaInteressados', 'Interessado', (item, field) => {
    if (!isRecord(item)) return bad(field, 'an object with NomeInteressado', item);
    text(item, 'NomeInteressado', `${field}/NomeInteressado`);
  });
  list(doc['Historico'], 'Historico', 'ItemHistorico', (item, field) => {
    if (!isRecord(item)) return bad(field, 'an object', item);
    for (const key of ['DataHoraOperacao', 'UnidadeOperacao', 'Operacao']) text(item, key, `${field}/${key}`);
  });
  const known = new Set(DOCUMENTO_ORDER);
  for (const key of Object.keys(doc)) {
    if (!known.has(key)) found.push(problem('XSD_UNKNOWN_ELEMENT', `${key}: is not an element of the data standard`, { field: key }));
  }
  return found;
}

const TOP_ORDER = DOCUMENTO_ORDER;
const ITEM_ORDER: readonly string[] = ITEM_HISTORICO_FIELDS;

/** Position of a field in a Documento, for listing problems in document order. */
function fieldOrder(field: string | undefined): number[] {
  if (!field) return [-1];
  const parts = field.split('/');
  const top = TOP_ORDER.indexOf(parts[0]!.replace(/\[\d+\]$/, ''));
  const index = Number(/\[(\d+)\]/.exec(parts[1] ?? '')?.[1] ?? 0);
  const leaf = ITEM_ORDER.indexOf(parts[2] ?? '');
  return [top === -1 ? TOP_ORDER.length : top, index, leaf];
}

function byField(a: Problem, b: Problem): number {
  const x = fieldOrder(a.field);
  const y = fieldOrder(b.field);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Validates a Documento given as an object (for instance by a custom SPE). It is checked in the
 * canonical XML form that would be sent, against the XSD and every rule.
 */
export function validateDocumento(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const profile = options.profile ?? 'strict';
  const shape = shapeProblems(doc);
  if (shape.length > 0) return { valid: false, problems: shape };
  const draft = doc as DocumentoDraft;
  const xsd = validateDocumentoXml(documentoXml(draft, { indent: true, invalidCharacters: 'replace' }), profile);
  // Lines are those of the canonical form, which the caller never sees: report fields only.
  const problems = mergeProblems(xsd, checkRules(draft, profile))
    .map(({ line: _line, ...p }) => p)
    .sort(byField);
  return hasErrors(problems) ? { valid: false, problems } : { valid: true, documento: draft as Documento, problems };
}
