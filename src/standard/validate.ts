/**
 * Validation of one Documento: XSD (libxml2) plus the rules beyond it, with duplicate reports merged.
 * A Documento read from a file is validated as written; one given as an object is validated in the
 * canonical form the writer gives it (which is what would be sent).
 */

import { t } from '../i18n/translate.js';
import { DOCUMENTO_ORDER, ITEM_HISTORICO_FIELDS, MAX_DOCUMENTO_LENGTH, type Documento, type DocumentoDraft, type Profile } from './model.js';
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

/** A plain object: `{...}` or `Object.create(null)`, never a Map, a Date, a class instance or an array. */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Characters an element costs in the XML besides its text (tags, indentation): for the size bound. */
const ELEMENT_OVERHEAD = 40;

/** The keys each object of a Documento may have. */
const KEYS = {
  Documento: new Set<string>(DOCUMENTO_ORDER),
  ListaProtocolosRelacionados: new Set(['ProtocoloRelacionado']),
  ListaInteressados: new Set(['Interessado']),
  Interessado: new Set(['NomeInteressado', 'cpf', 'natureza']),
  Historico: new Set(['ItemHistorico']),
  ItemHistorico: new Set<string>(ITEM_HISTORICO_FIELDS),
};

/**
 * Checks the JavaScript shape of a Documento given as an object: plain objects with only the keys of
 * the standard, strings where text goes, arrays for lists, no object that contains itself, and no more
 * than a ListaDocumentos file may hold for one Documento (`maxLength` characters of XML, as the reader).
 */
export function shapeProblems(doc: unknown, maxLength = MAX_DOCUMENTO_LENGTH): Problem[] {
  const found: Problem[] = [];
  let size = 0;
  let tooLarge = false;
  const bad = (field: string, expected: string, value: unknown): void => {
    const got = Array.isArray(value)
      ? t('shape.array')
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? (value as object).constructor?.name
            ? t('shape.instance', { name: (value as object).constructor.name })
            : t('shape.object')
          : t('shape.typeof', { type: typeof value });
    found.push(problem('FIELD_TYPE', `${field}: ${t('shape.mustBe', { expected, got })}`, { field }));
  };
  const grow = (field: string, n: number): void => {
    size += n + ELEMENT_OVERHEAD;
    if (size > maxLength && !tooLarge) {
      tooLarge = true;
      found.push(problem('XML_TOO_LARGE', `${field}: ${t('shape.tooLarge', { max: maxLength })}`, { field }));
    }
  };
  const ancestors: object[] = [];
  /** Checks that `obj` is a plain object with only `allowed` keys, not one of its own ancestors. */
  const record = (obj: unknown, field: string, allowed: ReadonlySet<string>, expected: string): obj is Record<string, unknown> => {
    if (!isRecord(obj)) {
      bad(field, expected, obj);
      return false;
    }
    if (ancestors.includes(obj)) {
      found.push(problem('FIELD_TYPE', `${field}: ${t('shape.cycle')}`, { field }));
      return false;
    }
    for (const key of Object.keys(obj)) {
      if (!allowed.has(key)) {
        const path = field === 'Documento' ? key : `${field}/${key}`;
        found.push(problem('XSD_UNKNOWN_ELEMENT', `${path}: ${t('xsd.unknownElement')}`, { field: path }));
      }
    }
    return true;
  };
  const text = (obj: Record<string, unknown>, key: string, field: string): void => {
    const v = obj[key];
    if (v === undefined) return;
    if (typeof v !== 'string') bad(field, t('shape.string'), v);
    else grow(field, v.length);
  };
  const list = (obj: unknown, container: keyof typeof KEYS, key: string, each: (item: unknown, field: string) => void): void => {
    if (obj === undefined) return;
    if (!record(obj, container, KEYS[container], t('shape.objectWith', { key }))) return;
    const items = obj[key];
    if (items === undefined) return;
    if (!Array.isArray(items)) return bad(`${container}/${key}`, t('shape.array'), items);
    ancestors.push(obj);
    for (let i = 0; i < items.length && !tooLarge; i++) each(items[i], `${container}/${key}[${i + 1}]`);
    ancestors.pop();
  };
  if (!record(doc, 'Documento', KEYS.Documento, t('shape.object'))) return found;
  ancestors.push(doc);
  for (const key of ['Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'IdentificacaoDocumento']) text(doc, key, key);
  list(doc['ListaProtocolosRelacionados'], 'ListaProtocolosRelacionados', 'ProtocoloRelacionado', (item, field) => {
    if (typeof item !== 'string') bad(field, t('shape.string'), item);
    else grow(field, item.length);
  });
  list(doc['ListaInteressados'], 'ListaInteressados', 'Interessado', (item, field) => {
    if (!record(item, field, KEYS.Interessado, t('shape.objectWith', { key: 'NomeInteressado' }))) return;
    for (const key of ['NomeInteressado', 'cpf', 'natureza']) text(item, key, `${field}/${key}`);
  });
  list(doc['Historico'], 'Historico', 'ItemHistorico', (item, field) => {
    if (!record(item, field, KEYS.ItemHistorico, t('shape.object'))) return;
    for (const key of ITEM_HISTORICO_FIELDS) text(item, key, `${field}/${key}`);
  });
  // Wrong types first, then what the standard does not know, each in document order.
  return [...found.filter((p) => p.code !== 'XSD_UNKNOWN_ELEMENT'), ...found.filter((p) => p.code === 'XSD_UNKNOWN_ELEMENT')];
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
