/**
 * XSD validation of one Documento at a time with libxml2 (compiled to WebAssembly, in-process).
 * The Documento is wrapped in `<ListaDocumentos>` on the same line, so libxml2's line N is line N of
 * the Documento. The parser never loads a DTD, an external entity or anything from the network.
 */

import { t } from '../i18n/translate.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ParseOption, XmlDocument, XmlLibError, XsdValidator, xmlRegisterInputProvider, type ErrorDetail } from 'libxml2-wasm';
import { PiSenderError } from '../errors.js';
import { compiledSchema } from './compiled-schema.js';
import { STANDARD_ELEMENTS, type DocumentoDraft, type Profile } from './model.js';
import { problem, type Problem, type ProblemCode } from './problems.js';

/** The `xsd/` folder of the package (two levels above this file, in `src/` and in `dist/`). */
export const XSD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'xsd');

export const SCHEMA_FILES: Record<Profile, string> = {
  strict: path.join(XSD_DIR, 'protocolo-integrado.xsd'),
  lenient: path.join(XSD_DIR, 'protocolo-integrado-lenient.xsd'),
};

// No DTD loading, no entity substitution, no network; lines past 65,535 reported as they are.
const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_BIG_LINES;

let providerRegistered = false;

/** libxml2 resolves `xs:include` through input providers; ours serves only files of our xsd/ folder. */
function registerSchemaProvider(): void {
  if (providerRegistered) return;
  providerRegistered = true;
  const files = new Map<number, { data: Buffer; pos: number }>();
  let nextFd = 1;
  xmlRegisterInputProvider({
    match: (filename) => filename.startsWith(`${XSD_DIR}${path.sep}`) && filename.endsWith('.xsd'),
    open: (filename) => {
      try {
        const fd = nextFd++;
        files.set(fd, { data: readFileSync(filename), pos: 0 });
        return fd;
      } catch {
        return undefined;
      }
    },
    read: (fd, buf) => {
      const f = files.get(fd as number);
      if (!f) return -1;
      const n = f.data.copy(buf, 0, f.pos, f.pos + buf.byteLength);
      f.pos += n;
      return n;
    },
    close: (fd) => files.delete(fd as number),
  });
}

const validators = new Map<string, XsdValidator>();

/** The compiled schema of `file` (one of our xsd/ folder), compiled once. */
function schemaValidator(file: string): XsdValidator {
  let v = validators.get(file);
  if (v) return v;
  registerSchemaProvider();
  const schemaDoc = XmlDocument.fromString(readFileSync(file, 'utf8'), { url: file, option: PARSE_OPTIONS });
  try {
    v = XsdValidator.fromDoc(schemaDoc);
  } catch (err) {
    throw new PiSenderError('ERR_XSD', t('xsd.cannotCompile', { file, reason: (err as Error).message }), { file }, { cause: err });
  } finally {
    schemaDoc.dispose();
  }
  validators.set(file, v);
  return v;
}

function validatorFor(profile: Profile): XsdValidator {
  return schemaValidator(SCHEMA_FILES[profile]);
}

/**
 * Validates one `<Documento>` element (as text) against the profile's XSD.
 * @param documentoXml the Documento's XML, from `<Documento` to `</Documento>`
 * @param firstLine line of the input on which the Documento starts (1 when it has no file)
 * @param rootNamespaces namespace declarations to put on the wrapper, as read from the file's root
 */
export function validateDocumentoXml(documentoXml: string, profile: Profile, firstLine = 1, rootNamespaces = ''): Problem[] {
  return surelyValid(documentoXml, profile, rootNamespaces) ? [] : libxml2Problems(documentoXml, profile, firstLine, rootNamespaces);
}

/**
 * True when the compiled schema is sure the Documento is valid (ADR 0009): then libxml2 need not see
 * it. False says nothing: libxml2 decides, and writes the messages.
 */
export function surelyValid(documentoXml: string, profile: Profile, rootNamespaces = ''): boolean {
  return rootNamespaces === '' && compiledSchema(SCHEMA_FILES[profile])?.accepts(documentoXml) === true;
}

/**
 * {@link surelyValid} of the XML the writer makes of `documento` (documentoXml with invalid characters
 * replaced, the form validated as sent), read from the draft's values without that XML's walk.
 */
export function surelyValidDraft(documento: DocumentoDraft, profile: Profile): boolean {
  return compiledSchema(SCHEMA_FILES[profile])?.acceptsDraft(documento) === true;
}

/** {@link surelyValid} of the XML the plain reader read `documento` from (a root without namespaces), from its values. */
export function surelyValidPlainRead(documento: DocumentoDraft, profile: Profile): boolean {
  return compiledSchema(SCHEMA_FILES[profile])?.acceptsPlainRead(documento) === true;
}

/** {@link validateDocumentoXml} by libxml2 alone: the reference engine. */
export function libxml2Problems(documentoXml: string, profile: Profile, firstLine = 1, rootNamespaces = ''): Problem[] {
  const validator = validatorFor(profile);
  const wrapped = Buffer.from(`<ListaDocumentos${rootNamespaces}>${documentoXml}</ListaDocumentos>`, 'utf8');
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(wrapped, { option: PARSE_OPTIONS });
  } catch (err) {
    if (!(err instanceof XmlLibError)) throw err;
    const first = err.details[0];
    return [
      problem('XML_MALFORMED', clean(first?.message ?? err.message), {
        line: firstLine + Math.max(0, (first?.line ?? 1) - 1),
      }),
    ];
  }
  try {
    validator.validate(doc);
    return [];
  } catch (err) {
    if (!(err instanceof XmlLibError)) throw err;
    return err.details.map((d) => toProblem(d, firstLine, doc, profile));
  } finally {
    doc.dispose();
  }
}

/**
 * Validates several Documentos at once (same profile and root namespaces): those the compiled schema
 * is sure of need nothing more; the others get one parse and one validation for all of them. Valid
 * together means each is valid (the list's only constraint is on each Documento). Otherwise each is
 * validated alone, so every problem keeps its own Documento and line. Most lists are valid:
 * libxml2's cost per call, not per element, is what this saves.
 */
export function validateDocumentosXml(documentosXml: readonly string[], profile: Profile, firstLines: readonly number[], rootNamespaces = ''): Problem[][] {
  const results: Problem[][] = documentosXml.map(() => []);
  const unsure = documentosXml.flatMap((xml, i) => (surelyValid(xml, profile, rootNamespaces) ? [] : [i]));
  if (unsure.length > 1) {
    let lista = `<ListaDocumentos${rootNamespaces}>`;
    for (const i of unsure) lista += documentosXml[i]!;
    if (validateAgainstSchema(SCHEMA_FILES[profile], `${lista}</ListaDocumentos>`).length === 0) return results;
  }
  for (const i of unsure) results[i] = libxml2Problems(documentosXml[i]!, profile, firstLines[i], rootNamespaces);
  return results;
}

function clean(message: string): string {
  return message.trim().replace(/\.$/, '');
}

/** `/ListaDocumentos/Documento/Historico/ItemHistorico[2]/Operacao` → `Historico/ItemHistorico[2]/Operacao`. */
function fieldOf(xpath: string | undefined): string | undefined {
  if (!xpath) return undefined;
  const rest = xpath.replace(/^\/ListaDocumentos(\/Documento(\[\d+\])?)?\/?/, '');
  // Our paths always index repeated elements; libxml2 leaves the index out when there is only one.
  return rest.replace(/(?<=^|\/)(ProtocoloRelacionado|Interessado|ItemHistorico)(?=\/|$)/g, '$1[1]') || undefined;
}

const ORDER = 'Protocolo, DataHoraProducao, Especie, Assunto, ListaProtocolosRelacionados, ListaInteressados, Historico';

function expectedNames(message: string): string[] {
  return /Expected is (?:one of )?\( ([^)]*) \)/.exec(message)?.[1]?.split(', ') ?? [];
}

/**
 * libxml2 says "Element 'Assunto': This element is not expected. Expected is ( Especie )" both when
 * Especie comes later and when there is no Especie at all: look at the siblings to tell which.
 */
function isMissing(expected: string[], xpath: string | undefined, doc: XmlDocument): boolean {
  if (!xpath || expected.length === 0) return false;
  return !expected.some((name) => /^[A-Za-z]+$/.test(name) && doc.get(`${xpath}/../${name}`) !== null);
}

const join = (parent: string | undefined, child: string): string => (parent ? `${parent}/${child}` : child);
const parentOf = (field: string | undefined): string | undefined => (field?.includes('/') ? field.slice(0, field.lastIndexOf('/')) : undefined);

/** Turns a libxml2 validity error into a problem with a stable code and a message in our terms. */
function toProblem(d: ErrorDetail, firstLine: number, doc: XmlDocument, profile: Profile): Problem {
  const raw = clean(d.message);
  const element = /^Element '([^']+)'/.exec(raw)?.[1] ?? 'Documento';
  const line = firstLine + Math.max(0, d.line - 1);
  let field = fieldOf(d.xpath);
  let code: ProblemCode = 'XSD_INVALID';
  let message = raw.replace(/^Element '[^']+'(, attribute '[^']+')?: /, '');
  const expected = expectedNames(raw);
  let m: RegExpExecArray | null;
  if (/This element is not expected/.test(raw)) {
    if (!STANDARD_ELEMENTS.has(element)) {
      code = 'XSD_UNKNOWN_ELEMENT';
      message = t('xsd.unknownElement');
    } else if (element === 'IdentificacaoDocumento' && profile === 'strict') {
      code = 'XSD_UNKNOWN_ELEMENT';
      message = t('xsd.identificacao');
    } else if (d.xpath && doc.get(`${d.xpath}/preceding-sibling::${element}`) !== null) {
      code = 'XSD_REPEATED_ELEMENT';
      message = t('xsd.repeated', { element });
    } else if (isMissing(expected, d.xpath, doc)) {
      code = 'XSD_MISSING_ELEMENT';
      field = join(parentOf(field), expected[0]!);
      message = t('xsd.missingBefore', { element });
    } else {
      code = 'XSD_ORDER';
      message = expected.length
        ? t('xsd.outOfOrder', { expected: expected.join(t('xsd.or')), order: ORDER })
        : t('xsd.notAllowedHere', { order: ORDER, element });
    }
  } else if (/Missing child element/.test(raw)) {
    code = 'XSD_MISSING_ELEMENT';
    field = join(field, expected[0] ?? '?');
    message = t('xsd.missing') + (expected.length > 1 ? t('xsd.expectedOneOf', { names: expected.join(', ') }) : '');
  } else if (
    (m =
      /\[facet '(?:maxLength|minLength|length)'\] The value has a length of '(\d+)'; this (exceeds the allowed maximum|underruns the allowed minimum) length of '(\d+)'/.exec(
        raw,
      ))
  ) {
    code = 'XSD_LENGTH';
    message = m[2]!.startsWith('exceeds')
      ? t('xsd.tooLong', { length: Number(m[1]), max: Number(m[3]) })
      : m[1] === '0'
        ? t('rule.empty')
        : t('xsd.tooShort', { length: Number(m[1]), min: Number(m[3]) });
  } else if (/\[facet 'pattern'\]/.test(raw)) {
    if (element === 'Protocolo' || element === 'ProtocoloRelacionado') {
      code = 'XSD_PROTOCOLO_FORMAT';
      const value = /The value '([^']*)'/.exec(raw)?.[1] ?? '';
      const what = /^[0-9]*$/.test(value) ? t('xsd.digits', { count: value.length }) : t('xsd.notDigits');
      message = t('xsd.protocolo', { value, what });
    } else {
      code = 'XSD_PATTERN';
      // The value is left out: it may be a name holding a CPF.
      message = t('xsd.pattern');
    }
  } else if ((m = /'([^']*)' is not a valid value of the atomic type 'xs:dateTime'/.exec(raw))) {
    code = 'XSD_DATETIME';
    message = t('xsd.dateTime', { value: m[1]! });
  } else if ((m = /The attribute '([^']+)' is not allowed/.exec(raw))) {
    code = 'XSD_ATTRIBUTE';
    message = t('xsd.attribute', { name: m[1]! });
  }
  return problem(code, `${field ?? element}: ${message}`, { ...(field ? { field } : {}), line });
}

/**
 * Validates a whole XML text against a schema file of our `xsd/` folder; returns libxml2's messages
 * (empty when valid). For the simulators, which check what clients send, and for a batch of
 * Documentos validated as one list.
 */
export function validateAgainstSchema(schemaFile: string, xml: string): string[] {
  const v = schemaValidator(schemaFile);
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'), { option: PARSE_OPTIONS });
  } catch (err) {
    if (err instanceof XmlLibError) return err.details.map((d) => clean(d.message));
    throw err;
  }
  try {
    v.validate(doc);
    return [];
  } catch (err) {
    if (err instanceof XmlLibError) return err.details.map((d) => clean(d.message));
    throw err;
  } finally {
    doc.dispose();
  }
}

/** One Documento's XSD check, as the worker threads receive it. */
export interface XsdJob {
  id: number;
  xml: string;
  profile: Profile;
  firstLine: number;
  rootNamespaces: string;
}

export type XsdResult = { id: number; problems: Problem[] } | { id: number; error: string };

/** Checks jobs in order; runs of the same profile and root namespaces together ({@link validateDocumentosXml}). */
export function validateXsdJobs(jobs: readonly XsdJob[]): XsdResult[] {
  const results: XsdResult[] = [];
  for (let start = 0; start < jobs.length;) {
    const first = jobs[start]!;
    let end = start + 1;
    while (end < jobs.length && jobs[end]!.profile === first.profile && jobs[end]!.rootNamespaces === first.rootNamespaces) end++;
    const run = jobs.slice(start, end);
    try {
      const problems = validateDocumentosXml(
        run.map((j) => j.xml),
        first.profile,
        run.map((j) => j.firstLine),
        first.rootNamespaces,
      );
      run.forEach((job, i) => results.push({ id: job.id, problems: problems[i]! }));
    } catch {
      // One job's failure must not take the others with it: each alone, as before.
      for (const job of run) {
        try {
          results.push({ id: job.id, problems: validateDocumentoXml(job.xml, job.profile, job.firstLine, job.rootNamespaces) });
        } catch (err) {
          results.push({ id: job.id, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    start = end;
  }
  return results;
}
