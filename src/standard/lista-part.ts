/**
 * One part of a ListaDocumentos, read and validated on its own (in a worker of {@link ListaReaders}):
 * what the part's Documentos would get inside the whole file, or "not pristine" when the part cannot
 * stand for the file (see validate-parallel.ts).
 */

import { PiSenderError, type ErrorCode } from '../errors.js';
import { MAX_DOCUMENTO_LENGTH, type Profile } from './model.js';
import { readPlainPart } from './plain-part.js';
import type { NormalizeOptions } from './normalize.js';
import type { Problem } from './problems.js';
import { ListaReader, type ReadEvent, type ReadOptions } from './reader.js';
import { mergeProblems } from './validate.js';
import { prepareDocumento, protocoloLine, xsdLines, xsdNamespaces, type PreparedDocumento, type ValidatedDocumento } from './validate-stream.js';
import { surelyValid, surelyValidDraft, surelyValidPlainRead, validateXsdJobs, type XsdJob } from './xsd.js';

/** How the Documentos of every part are judged: the options of validateLista that can cross threads. */
export interface PartSettings {
  profile?: Profile;
  normalize?: NormalizeOptions;
  reportChanges?: boolean;
  read?: ReadOptions;
  /** False: verdicts carry no XML (`validate` has no use for it, and it is most of what crosses threads). */
  xml?: boolean;
}

/** A part: the bytes between two cuts made right after a Documento's end tag. */
export interface PartJob {
  id: number;
  /** The list's root start tag (on one line), read before the bytes; empty for the first part. */
  prefix: string;
  bytes: Uint8Array;
  /** The last part: it is read to the end of the list. */
  final: boolean;
  settings: PartSettings;
}

/** A Documento's verdict: what `validate` prints and `send` needs, without the Documento itself. */
export interface DocumentoVerdict {
  kind: 'documento';
  /** 1-based position in the list. */
  index: number;
  /** Line where `<Documento` starts. */
  line: number;
  /** The Protocolo as written in the file. */
  protocolo: string | undefined;
  /** The Protocolo as validated (normalized, when the list was judged as sent). */
  sentProtocolo: string | undefined;
  /** Line of the Protocolo element (of the Documento when it has none). */
  protocoloLine: number;
  problems: Problem[];
  /**
   * As sent: the canonical XML that was validated, when the Documento could be read; as its UTF-8
   * bytes when it comes from a worker (see {@link PackedVerdicts}).
   */
  xml?: string | Uint8Array;
}

/** A part's answer. Lines and positions are the part's own: line 1 is where the part starts. */
export type PartVerdicts =
  | { id: number; pristine: true; line: number; documentos: DocumentoVerdict[] }
  | { id: number; pristine: false }
  | { id: number; error: string; code: ErrorCode };

/** The root start tag of the plain form: no attribute, so no namespace for the Documentos. */
const PLAIN_ROOT = '<ListaDocumentos>';
/** Bytes given to the reader at a time: what it holds at once stays small, so little survives a collection. */
const SLICE = 64 * 1024;

/** Reads and validates one part. */
export function validatePart(job: PartJob): PartVerdicts {
  const { settings } = job;
  const profile = settings.profile ?? 'strict';
  const documentos: DocumentoVerdict[] = [];
  // Documentos the compiled schema is not sure of, validated together by libxml2 at the end.
  const unsure: Array<{ at: number; prepared: PreparedDocumento; namespaces: string }> = [];
  const take = (events: Iterable<ReadEvent>, plain: boolean): void => {
    for (const ev of events) {
      if (ev.kind !== 'documento') continue;
      const prepared = prepareDocumento(ev, settings, profile);
      const namespaces = xsdNamespaces(ev, settings);
      // The XML is the writer's of the Documento as sent, or the plain reader's source as written:
      // either way its values alone tell, without walking it again.
      const sure =
        prepared.xml === undefined ||
        (settings.normalize !== undefined ? surelyValidDraft(prepared.event.documento, profile) : plain && surelyValidPlainRead(ev.documento, profile)) ||
        surelyValid(prepared.xml, profile, namespaces);
      if (sure) documentos.push(verdictOf(prepared, [], settings));
      else {
        unsure.push({ at: documentos.length, prepared, namespaces });
        documentos.push(undefined as unknown as DocumentoVerdict); // its place, filled below
      }
    }
  };
  let line: number;
  // The plain form, where it applies, is read without saxes; anything else by the reader (ADR 10).
  const plain = job.prefix === PLAIN_ROOT && !job.final ? readPlainPart(job.bytes, settings.read?.maxDocumentoLength ?? MAX_DOCUMENTO_LENGTH) : undefined;
  if (plain) {
    take(plain.records, true);
    line = plain.line;
  } else {
    const reader = new ListaReader(settings.read ?? {}, job.prefix !== '');
    if (job.prefix !== '') take(reader.push(Buffer.from(job.prefix, 'utf8')), false);
    for (let i = 0; i < job.bytes.length; i += SLICE) take(reader.push(job.bytes.subarray(i, i + SLICE)), false);
    const end = reader.endPart(job.final);
    take(end.events, false);
    if (!end.pristine) return { id: job.id, pristine: false };
    line = end.line;
  }

  const jobs: XsdJob[] = unsure.map(({ prepared, namespaces }, i) => ({
    id: i,
    xml: prepared.xml!,
    profile,
    firstLine: prepared.event.record.line,
    rootNamespaces: namespaces,
  }));
  for (const r of validateXsdJobs(jobs)) {
    if ('error' in r) return { id: job.id, error: r.error, code: 'ERR_XSD' };
    const { at, prepared } = unsure[r.id]!;
    documentos[at] = verdictOf(prepared, xsdLines(r.problems, prepared.event.record, settings), settings);
  }
  return { id: job.id, pristine: true, line, documentos };
}

function verdictOf({ event, before, rules }: PreparedDocumento, xsd: Problem[], settings: PartSettings): DocumentoVerdict {
  return documentoVerdict(event, mergeProblems(xsd, rules, before), settings.xml !== false);
}

/** A validated Documento's verdict, with its problems. */
export function documentoVerdict(event: ValidatedDocumento, problems: Problem[], withXml = true): DocumentoVerdict {
  const { record } = event;
  const verdict: DocumentoVerdict = {
    kind: 'documento',
    index: record.index,
    line: record.line,
    protocolo: record.documento.Protocolo,
    sentProtocolo: event.documento.Protocolo,
    protocoloLine: protocoloLine(record),
    problems,
  };
  if (withXml && event.xml !== undefined) verdict.xml = event.xml;
  return verdict;
}

/**
 * A part's verdicts as they cross to the main thread: one array per field instead of an object per
 * Documento. Structured cloning writes every key of every object; these columns cost a third
 * (over 20,000 verdicts: 4.4-4.7 against 1.5-1.6 us each, both directions).
 */
export interface PackedVerdicts {
  id: number;
  pristine: true;
  line: number;
  /** index, line and protocoloLine of each Documento. */
  numbers: Int32Array;
  protocolos: Array<string | undefined>;
  /** The Protocolo validated, or 0 when it is the one written. */
  sent: Array<string | undefined | 0>;
  /** The problems, or 0 when there is none. */
  problems: Array<Problem[] | 0>;
  /**
   * The XML of every Documento that has one, one after the other in UTF-8, and the byte length of
   * each (-1: none). Moved to the main thread, not copied: it goes into the request bodies as bytes,
   * where strings would be cloned across (most of what a part's answer weighs), then encoded there.
   */
  xml: Uint8Array;
  xmlLengths: Int32Array;
}

/** What a worker answers: {@link PartVerdicts}, those with verdicts packed. */
export type PartAnswer = Exclude<PartVerdicts, { documentos: DocumentoVerdict[] }> | PackedVerdicts;

/** A worker's message: its answer, and the part's buffer moved back for the next part (lista-readers.ts). */
export interface PartMessage {
  answer: PartAnswer;
  buffer: ArrayBuffer;
}

/** The buffers a worker's answer moves to the main thread (beside the part's own). */
export function movedWith(answer: PartAnswer): ArrayBuffer[] {
  return 'xml' in answer && answer.xml.byteLength > 0 ? [answer.xml.buffer as ArrayBuffer] : [];
}

export function packVerdicts(answer: PartVerdicts): PartAnswer {
  if (!('documentos' in answer)) return answer;
  const { documentos } = answer;
  const numbers = new Int32Array(documentos.length * 3);
  const xmlLengths = new Int32Array(documentos.length);
  let bytes = 0;
  documentos.forEach((d, i) => {
    const length = d.xml === undefined ? -1 : typeof d.xml === 'string' ? Buffer.byteLength(d.xml, 'utf8') : d.xml.byteLength;
    xmlLengths[i] = length;
    if (length > 0) bytes += length;
  });
  // Its own memory (not a slice of Node's pool), so that it can be moved.
  const xml = bytes === 0 ? new Uint8Array(0) : Buffer.allocUnsafeSlow(bytes);
  const packed: PackedVerdicts = { id: answer.id, pristine: true, line: answer.line, numbers, protocolos: [], sent: [], problems: [], xml, xmlLengths };
  let at = 0;
  documentos.forEach((d, i) => {
    numbers[i * 3] = d.index;
    numbers[i * 3 + 1] = d.line;
    numbers[i * 3 + 2] = d.protocoloLine;
    packed.protocolos.push(d.protocolo);
    packed.sent.push(d.sentProtocolo === d.protocolo ? 0 : d.sentProtocolo);
    packed.problems.push(d.problems.length === 0 ? 0 : d.problems);
    if (typeof d.xml === 'string') at += (xml as Buffer).write(d.xml, at, 'utf8');
    else if (d.xml !== undefined) {
      xml.set(d.xml, at);
      at += d.xml.byteLength;
    }
  });
  return packed;
}

export function unpackVerdicts(answer: PartAnswer): PartVerdicts {
  if (!('numbers' in answer)) return answer;
  const { numbers, protocolos, sent, problems, xml, xmlLengths } = answer;
  let at = 0;
  const documentos = protocolos.map((protocolo, i): DocumentoVerdict => {
    const s = sent[i];
    const ps = problems[i];
    const verdict: DocumentoVerdict = {
      kind: 'documento',
      index: numbers[i * 3]!,
      line: numbers[i * 3 + 1]!,
      protocolo,
      sentProtocolo: s === 0 ? protocolo : s,
      protocoloLine: numbers[i * 3 + 2]!,
      problems: ps === 0 || ps === undefined ? [] : ps,
    };
    const length = xmlLengths[i]!;
    if (length >= 0) {
      verdict.xml = xml.subarray(at, at + length);
      at += length;
    }
    return verdict;
  });
  return { id: answer.id, pristine: true, line: answer.line, documentos };
}

/** A part's failure as the error the caller throws. */
export function partError(r: { error: string; code: ErrorCode }): PiSenderError {
  return new PiSenderError(r.code, r.error);
}
