/**
 * Validation of a whole ListaDocumentos as a stream: the reader and the rules run on the calling
 * thread, the XSD in a worker (when given an {@link XsdPool}), with a bounded number of Documentos in
 * flight, and results come out in list order. Memory stays flat whatever the list length.
 */

import { t } from '../i18n/translate.js';
import type { Profile } from './model.js';
import type { DocumentoDraft } from './model.js';
import { normalizeDocumento, type Change, type NormalizeOptions } from './normalize.js';
import { problem, type Problem } from './problems.js';
import {
  readListaDocumentos,
  type DocumentoRecord,
  type IgnoredElement,
  type ListProblem,
  type ReadEvent,
  type ReadOptions,
  type ReadSource,
} from './reader.js';
import { checkRules, DuplicateProtocolos } from './rules.js';
import { mergeProblems } from './validate.js';
import { documentoXml } from './writer.js';
import { inlineXsd, type XsdValidatorService } from './xsd-pool.js';

/** Options of {@link validateLista}. */
export interface ValidateListaOptions {
  profile?: Profile;
  /** Where the XSD runs: an {@link XsdPool} for large inputs; in the calling thread by default. */
  xsd?: XsdValidatorService;
  /** Documentos in flight at once (default 128: enough to keep the XSD worker busy). */
  window?: number;
  read?: ReadOptions;
  /**
   * Validate what would be sent: each Documento normalized, in canonical form. Without this, each
   * Documento is validated exactly as written in the file.
   */
  normalize?: NormalizeOptions;
  /**
   * With `normalize`: report what the normalizer changes, as warnings that say what `send` will do
   * (a line break in an Assunto, a formatted Protocolo, a CPF in a name, a long unit). `validate`
   * sets it, so that it judges a file as `send` will send it.
   */
  reportChanges?: boolean;
}

/** Rule problems that the normalizer fixes when it changes their field: warnings, when reported as changes. */
const FIXED_BY_NORMALIZING: ReadonlySet<string> = new Set(['CONTROL_CHARACTER', 'CPF_UNMASKED', 'NOME_INTERESSADO_LENGTH', 'UNIDADE_OPERACAO_LENGTH']);

/** What `send` does for each kind of change, as the end of a sentence about a field. */
function whatSendDoes(kind: Change['kind']): string {
  return t(`change.${kind}`);
}

/** A Documento of a list with its problems, as {@link validateLista} yields it. */
export interface ValidatedDocumento {
  kind: 'documento';
  record: DocumentoRecord;
  problems: Problem[];
  /** The Documento as it would be sent (normalized when `normalize` was given, else as read). */
  documento: DocumentoDraft;
  /** What the normalizer changed (empty without `normalize`). */
  changes: Change[];
  /** With `normalize`: the canonical one-line XML that was validated, i.e. what goes on the wire. */
  xml?: string;
}

/** What {@link validateLista} yields: a validated Documento, or a problem of the file itself. */
export type ValidatedEvent = ValidatedDocumento | ListProblem;

interface InFlight {
  event: ValidatedEvent;
  xsd?: Promise<Problem[]>;
  before: Problem[];
  rules: Problem[];
}

/** Validates every Documento of a list, yielding each one (and each problem of the file) in order. */
export function validateLista(source: ReadSource, options: ValidateListaOptions = {}): AsyncGenerator<ValidatedEvent> {
  return validateEvents(readListaDocumentos(source, options.read), options);
}

/**
 * {@link validateLista} over events already read. `skip` Documentos (the first ones of the list) are
 * read but neither validated nor yielded, and `duplicates` may hold the Protocolos seen before: how a
 * list whose first part was validated elsewhere goes on (validate-parallel.ts).
 */
export async function* validateEvents(
  events: AsyncIterable<ReadEvent>,
  options: ValidateListaOptions,
  duplicates = new DuplicateProtocolos(),
  skip = 0,
): AsyncGenerator<ValidatedEvent> {
  const profile = options.profile ?? 'strict';
  const xsd = options.xsd ?? inlineXsd;
  const window = options.window ?? 128;
  const inFlight: InFlight[] = [];

  const settle = async (item: InFlight): Promise<ValidatedEvent> => {
    if (item.event.kind === 'problem') return item.event;
    const xsdProblems = item.xsd ? await item.xsd : [];
    item.event.problems = mergeProblems(xsdProblems, item.rules, item.before);
    return item.event;
  };

  for await (const ev of events) {
    if (ev.kind === 'problem') {
      inFlight.push({ event: ev, before: [], rules: [] });
    } else if (ev.index > skip) {
      inFlight.push(start(ev));
    }
    while (inFlight.length > window) yield await settle(inFlight.shift()!);
  }
  while (inFlight.length > 0) yield await settle(inFlight.shift()!);

  function start(record: DocumentoRecord): InFlight {
    const prepared = prepareDocumento(record, options, profile);
    const { event, xml } = prepared;
    const dup = duplicates.check(event.documento.Protocolo, record.index, protocoloLine(record));
    if (dup) prepared.rules.push(dup);
    const item: InFlight = { event, before: prepared.before, rules: prepared.rules };
    if (xml !== undefined) {
      item.xsd = xsd.validate(xml, profile, record.line, xsdNamespaces(record, options)).then((ps) => xsdLines(ps, record, options));
      // A consumer that stops early leaves some in flight; their failure must not crash the process.
      item.xsd.catch(() => undefined);
    }
    return item;
  }
}

/** The line the duplicate-Protocolo problem points at. */
export function protocoloLine(record: DocumentoRecord): number {
  return record.lines.get('Protocolo') ?? record.line;
}

/** The root's namespaces the XSD needs around a Documento's XML: none for the canonical form, which has none. */
export function xsdNamespaces(record: DocumentoRecord, options: ValidateListaOptions): string {
  return options.normalize ? '' : record.rootNamespaces;
}

/** Canonical XML is one line: its problems take the line of their field; raw XML keeps its own lines. */
export function xsdLines(problems: Problem[], record: DocumentoRecord, options: ValidateListaOptions): Problem[] {
  return options.normalize ? problems.map((p) => ({ ...p, line: (p.field ? record.lines.get(p.field) : undefined) ?? record.line })) : problems;
}

/** A Documento read, normalized and checked by the rules; its XSD check (of `xml`) and the duplicate check are left. */
export interface PreparedDocumento {
  event: ValidatedDocumento;
  /** Problems found before the rules: reading, what send leaves out, what the normalizer changes. */
  before: Problem[];
  rules: Problem[];
  /** The XML to check against the XSD, when the Documento could be read. */
  xml: string | undefined;
}

/** Everything {@link validateLista} does to one Documento but the XSD and the list-wide duplicate check. */
export function prepareDocumento(record: DocumentoRecord, options: ValidateListaOptions, profile: Profile): PreparedDocumento {
  const before = [...record.problems];
  let documento = record.documento;
  let changes: Change[] = [];
  let xml = record.xml;
  if (options.normalize) {
    ({ documento, changes } = normalizeDocumento(record.documento, options.normalize));
    for (const ignored of record.ignored) {
      if (ignored.reason === 'attribute' || ignored.reason === 'namespace' || ignored.reason === 'text') {
        before.push(droppedWarning(ignored));
        continue;
      }
      // What the standard does not define cannot be sent: it would be silently dropped.
      const unknown = ignored.reason === 'unknown';
      const p = problem(
        unknown ? 'XSD_UNKNOWN_ELEMENT' : 'XSD_REPEATED_ELEMENT',
        `${ignored.field}: ${unknown ? t('read.unknownElement') : t('read.repeatedElement')}`,
        {
          field: ignored.field,
          line: ignored.line,
        },
      );
      if (unknown && profile === 'lenient') p.severity = 'warning';
      before.push(p);
    }
    if (options.reportChanges) before.push(...changeWarnings(record, changes, profile));
    // The canonical form is what goes on the wire; it is validated only if the file was readable.
    xml = record.xml === undefined ? undefined : documentoXml(documento, { invalidCharacters: 'replace' });
  }
  const rules = checkRules(documento, profile, record.lines, record.line);
  const event: ValidatedDocumento = { kind: 'documento', record, problems: [], documento, changes };
  if (options.normalize && xml !== undefined) event.xml = xml;
  return { event, before, rules, xml };
}

function droppedWarning(ignored: IgnoredElement): Problem {
  const reason = ignored.reason as 'attribute' | 'namespace' | 'text';
  return problem('XML_DROPPED', `${ignored.field}: ${t(`dropped.${reason}`)}`, { field: ignored.field, line: ignored.line });
}

/**
 * The changes of a Documento as warnings: a rule problem of the file as written, whose field the
 * normalizer fixed, keeps its code and message as a warning; any other change is NORMALIZED.
 */
function changeWarnings(record: DocumentoRecord, changes: Change[], profile: Profile): Problem[] {
  const reordered = record.reordered.map((field) => ({
    ...problem('NORMALIZED', t('change.reordered', { field: field || 'Documento' }), {
      ...(field ? { field } : {}),
      line: (field ? record.lines.get(field) : undefined) ?? record.line,
    }),
    severity: 'warning' as const,
  }));
  if (changes.length === 0) return reordered;
  const changed = new Set(changes.map((c) => c.field));
  const asWritten = checkRules(record.documento, profile, record.lines, record.line).filter(
    (p) => p.field && changed.has(p.field) && FIXED_BY_NORMALIZING.has(p.code),
  );
  const covered = new Set(asWritten.map((p) => p.field));
  const cut = new Set(['NOME_INTERESSADO_LENGTH', 'UNIDADE_OPERACAO_LENGTH']);
  const out: Problem[] = [...reordered];
  out.push(...asWritten.map((p): Problem => ({ ...p, severity: 'warning', message: cut.has(p.code) ? t('change.cut', { message: p.message }) : p.message })));
  const seen = new Set<string>();
  for (const c of changes) {
    const key = `${c.field}|${c.kind}`;
    if (covered.has(c.field) || seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...problem('NORMALIZED', `${c.field}: ${whatSendDoes(c.kind)}`, { field: c.field, line: record.lines.get(c.field) ?? record.line }),
      severity: 'warning',
    });
  }
  return out;
}
