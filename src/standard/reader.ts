/**
 * Streaming reader of a ListaDocumentos: yields one Documento at a time, with the line where it starts
 * and its XML exactly as written, in constant memory whatever the file size.
 *
 * Safety: a DOCTYPE (and so any entity declaration) ends the file with XML_DOCTYPE before anything is
 * expanded; text nodes, Documentos and nesting depth are bounded, so a 1 GB text node or a billion-laughs
 * file costs time, never memory.
 */

import { t } from '../i18n/translate.js';
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from './saxes-parser.js';
import { PiSenderError } from '../errors.js';
import { AmpersandGuard } from './ampersand-guard.js';
import { EncodingError, sniffEncoding, StreamDecoder, type DecodedChunk } from './decoder.js';
import { DocumentoLines } from './lines.js';
import { DOCUMENTO_ORDER, ITEM_HISTORICO_FIELDS, MAX_DOCUMENTO_LENGTH, type DocumentoDraft } from './model.js';
import { problem, type Problem } from './problems.js';

/** Options of {@link readListaDocumentos}. */
export interface ReadOptions {
  /**
   * Largest Documento kept whole, and largest text node, in characters (default 8 Mi). A Documento
   * beyond it is reported as XML_TOO_LARGE and skipped; reading goes on.
   */
  maxDocumentoLength?: number;
  /** Read invalid UTF-8 bytes 0xA0–0xFF as the Latin-1 letters they most likely are (reported as warnings). */
  repairLatin1?: boolean;
  /** Read size in bytes (default 64 KiB). */
  chunkSize?: number;
  /** Stop after this many XML errors (default 100). */
  maxErrors?: number;
}

/** An element the reader did not put into the Documento, with the reason. */
export interface IgnoredElement {
  field: string;
  line: number;
  /**
   * `unknown` and `repeated` elements; what `send` leaves out of an element it keeps: an `attribute`
   * (`Especie/@lang`), a `namespace` declaration, `text` between elements.
   */
  reason: 'unknown' | 'repeated' | 'attribute' | 'namespace' | 'text';
}

/** One Documento read from the list. */
export interface DocumentoRecord {
  kind: 'documento';
  /** 1-based position in the ListaDocumentos. */
  index: number;
  /** Line where `<Documento` starts. */
  line: number;
  endLine: number;
  /** What could be read; elements may be missing when the Documento is invalid. */
  documento: DocumentoDraft;
  /**
   * The Documento's XML exactly as in the file (for the XSD), or undefined when it was too large to
   * keep, cut off by the end of the file, or not well-formed.
   */
  xml: string | undefined;
  /** Namespace declarations of the root element, needed to read `xml` on its own. */
  rootNamespaces: string;
  /** Line of each element, looked up by path (`Historico/ItemHistorico[2]/Operacao`). */
  lines: DocumentoLines;
  /** Problems found while reading: encoding, well-formedness, size. */
  problems: Problem[];
  ignored: IgnoredElement[];
  /**
   * Elements whose children are not in the order of the standard: `''` for the Documento itself,
   * `Historico/ItemHistorico[2]` for an item. The writer puts them in order; validate says so.
   */
  reordered: string[];
}

/** A problem of the file itself, outside any Documento. After a fatal one the reader stops. */
export interface ListProblem {
  kind: 'problem';
  problem: Problem;
  fatal: boolean;
}

/** What {@link readListaDocumentos} yields: a Documento, or a problem of the file itself. */
export type ReadEvent = DocumentoRecord | ListProblem;

/** A file path, bytes in memory, or a stream of bytes. */
export type ReadSource = string | URL | Uint8Array | AsyncIterable<Uint8Array>;

const MAX_DEPTH = 64;
/** Attributes kept for one start tag: the standard has none; saxes would keep any number in memory. */
const MAX_ATTRIBUTES = 64;
/** How many of what one Documento leaves out (attributes, stray text) are reported, each with its line. */
const MAX_DROPPED = 20;
/** Elements that repeat inside their parent; their paths always carry an index. */
const REPEATED = new Set(['ProtocoloRelacionado', 'Interessado', 'ItemHistorico']);
const DOCUMENTO_LEAVES = new Set(['Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'IdentificacaoDocumento']);
const ITEM_LEAVES = new Set(['DataHoraOperacao', 'UnidadeOperacao', 'Operacao']);
/** saxes errors after which the element structure is unknown: the rest of the file cannot be split. */
const STRUCTURAL = /unexpected close tag|unmatched closing tag|only one root|outside of root|must contain a root/;

/** saxes keeps these private; reading their lengths is how a huge node is caught before it fills memory. */
interface SaxesInternals {
  text: string;
  name: string;
  entity: string;
  piTarget: string;
  attribList: unknown[];
}

type FrameKind = 'documento' | 'leaf' | 'relacionados' | 'interessados' | 'interessado' | 'historico' | 'item' | 'skip';

interface Frame {
  kind: FrameKind;
  name: string;
  /** 1-based position among the siblings of the same name. */
  n: number;
  text: string;
  /** Children seen so far, by name; created with the first child. */
  counts: Record<string, number> | undefined;
  /** Where a leaf's text goes: `target[key]`, or pushed onto `target` when there is no key. */
  target: Record<string, unknown> | string[] | undefined;
  key: string | undefined;
}

/** A character the reader replaced: invalid UTF-8, or a bare `&`. */
interface Note {
  offset: number;
  kind: 'utf8' | 'ampersand';
  /** For invalid UTF-8: the byte, its offset in the file, and whether it was read as Latin-1. */
  byte?: number;
  byteOffset?: number;
  repaired?: boolean;
}

interface OpenDocumento {
  record: DocumentoRecord;
  start: number;
  selfClosing: boolean;
  oversized: boolean;
  malformed: boolean;
  mixed: boolean;
  /** What was left out of it (attributes, stray text) and reported so far. */
  dropped: number;
  frames: Frame[];
}

/** Reads a ListaDocumentos, yielding each Documento and each problem of the file as it is found. */
export async function* readListaDocumentos(source: ReadSource, options: ReadOptions = {}): AsyncGenerator<ReadEvent> {
  const reader = new ListaReader(options);
  let bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  let fileLabel: string | undefined;
  if (typeof source === 'string' || source instanceof URL) {
    fileLabel = String(source);
    bytes = createReadStream(source, { highWaterMark: options.chunkSize ?? 64 * 1024 });
  } else if (source instanceof Uint8Array) {
    bytes = chunked(source, options.chunkSize ?? 64 * 1024);
  } else {
    bytes = source;
  }
  try {
    for await (const chunk of bytes) {
      yield* reader.push(chunk);
      if (reader.stopped) return;
    }
  } catch (err) {
    throw readError(err, fileLabel);
  }
  yield* reader.end();
}

/** What a failed read of the list becomes: ERR_FILE_READ naming the file (typed errors pass as they are). */
export function readError(err: unknown, fileLabel: string | undefined): PiSenderError {
  if (err instanceof PiSenderError) return err;
  const e = err as NodeJS.ErrnoException;
  return new PiSenderError(
    'ERR_FILE_READ',
    t('read.cannotRead', { file: fileLabel ?? t('read.input'), reason: e.code ?? e.message }),
    fileLabel ? { file: fileLabel } : {},
    {
      cause: err,
    },
  );
}

function* chunked(bytes: Uint8Array, size: number): Iterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** How one part of a list ended ({@link ListaReader.endPart}). */
export interface PartEnd {
  events: ReadEvent[];
  /**
   * True when the part read exactly as it would have inside the whole file: nothing reported outside
   * its Documentos, no XML error, no replaced character, and (unless final) it ended right after a
   * Documento's end tag at the list's level. Only then can its Documentos stand for the file's.
   */
  pristine: boolean;
  /** The parser's line at the end of the part. */
  line: number;
}

/** The streaming reader behind {@link readListaDocumentos}; also reads one part of a list on its own. */
export class ListaReader {
  stopped = false;
  private readonly parser = new SaxesParser({ position: true });
  private readonly maxDocumento: number;
  private readonly maxErrors: number;
  private readonly repairLatin1: boolean;
  private decoder: StreamDecoder | undefined;
  private head: Uint8Array[] = [];
  private headLength = 0;

  private queue: ReadEvent[] = [];
  private depth = 0;
  private rootSeen = false;
  private rootClosed = false;
  private rootNamespaces = '';
  private documentos = 0;
  private errors = 0;
  private doc: OpenDocumento | undefined;
  private skipDepth = 0; // > 0 while inside a non-Documento child of the root
  private textOutsideReported = false;
  private hugeNodeReported = false;
  /** One report per tag with too many attributes (reset at each start tag). */
  private attributesReported = false;
  private rootLine = 1;
  private lastError = '';
  /** What makes a part of the list unlike the same text read inside the whole file (see {@link PartEnd}). */
  private fileEvents = 0;
  private notes = 0;
  private lastDocumentoEnd = -1;
  /** Set where reading depends on how the input was cut into chunks (limits reached): such a part is not pristine. */
  private irregular = false;

  /** Decoded text kept for capturing the current Documento's XML; `bufStart` is its stream offset. */
  private buf = '';
  private bufStart = 0;
  private readonly guard = new AmpersandGuard();
  /** Characters decoded so far (the guard may hold some back, so this runs ahead of what saxes saw). */
  private decoded = 0;
  /** Replaced characters (invalid UTF-8, bare `&`) whose line is not known yet, by stream offset. */
  private unlocated: Note[] = [];
  /** Replaced characters with their line, waiting to be attributed to a Documento or to the file. */
  private pending: Array<Note & { line: number }> = [];
  /** Notes already reported, by kind, line and field: one problem each, however many bytes. */
  private attributed = new Set<string>();

  /**
   * @param continued this reader reads a part of a list whose earlier Documentos were read elsewhere:
   * a part without Documentos is not an empty list.
   */
  constructor(
    options: ReadOptions,
    private readonly continued = false,
  ) {
    this.maxDocumento = options.maxDocumentoLength ?? MAX_DOCUMENTO_LENGTH;
    this.maxErrors = options.maxErrors ?? 100;
    this.repairLatin1 = options.repairLatin1 ?? false;
    const p = this.parser;
    p.on('opentagstart', (tag) => this.onOpenStart(tag.name));
    p.on('opentag', (tag) => this.onOpen(tag as SaxesTagPlain));
    p.on('closetag', (tag) => this.onClose(tag.name));
    p.on('text', (chars) => this.onText(chars));
    p.on('cdata', (chars) => this.onText(chars));
    p.on('doctype', (text) => {
      // saxes reports the DOCTYPE at its end: point at the line where it starts.
      const line = this.parser.line - (text.match(/\n/g)?.length ?? 0);
      this.fatal('XML_DOCTYPE', t('read.doctype'), line);
    });
    p.on('error', (err) => this.onError(err.message));
  }

  *push(chunk: Uint8Array): Generator<ReadEvent> {
    if (!this.decoder) {
      // Sniff the encoding once at least 512 bytes (or the whole input) have arrived.
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength < 512) return;
      yield* this.startDecoding();
      return;
    }
    yield* this.feed(this.decoder.decode(chunk));
  }

  *end(): Generator<ReadEvent> {
    if (this.stopped) return;
    if (!this.decoder) yield* this.startDecoding();
    if (this.stopped) return;
    if (this.decoder) yield* this.feed(this.decoder.flush(), true);
    if (this.stopped) return;
    this.finish();
    yield* this.drain();
  }

  /**
   * Ends one part of a list that was cut right after a Documento's end tag (`final`: the list's last
   * part, read to its end). The part is read as the file's text from the cut on, after its root start tag.
   */
  endPart(final: boolean): PartEnd {
    const events: ReadEvent[] = [];
    if (final) events.push(...this.end());
    else {
      if (!this.decoder && !this.stopped) events.push(...this.startDecoding());
      if (this.decoder && !this.stopped) events.push(...this.feed(this.decoder.flush(), true));
    }
    const clean = !this.stopped && !this.irregular && this.errors === 0 && this.notes === 0 && this.fileEvents === 0;
    const cut = final || (this.depth === 1 && this.doc === undefined && this.skipDepth === 0 && this.lastDocumentoEnd === this.bufStart + this.buf.length);
    return { events, pristine: clean && cut, line: this.parser.line };
  }

  private *startDecoding(): Generator<ReadEvent> {
    const head = Buffer.concat(this.head);
    this.head = [];
    try {
      const { encoding, bomLength } = sniffEncoding(head);
      this.decoder = new StreamDecoder(encoding, this.repairLatin1, bomLength);
      yield* this.feed(this.decoder.decode(head.subarray(bomLength)));
    } catch (err) {
      if (!(err instanceof EncodingError)) throw err;
      this.fatal('XML_ENCODING', err.message, 1);
      yield* this.drain();
    }
  }

  private *feed(chunk: DecodedChunk, end = false): Generator<ReadEvent> {
    if (this.stopped) return;
    this.notes += chunk.invalid.length;
    for (const b of chunk.invalid) {
      this.unlocated.push({ offset: this.decoded + b.offset, kind: 'utf8', byte: b.byte, byteOffset: b.byteOffset, repaired: b.repaired });
    }
    this.decoded += chunk.text.length;
    const { text, bare } = this.guard.push(chunk.text, end);
    if (text.length === 0) return;
    const fedStart = this.bufStart + this.buf.length;
    this.notes += bare.length;
    for (const offset of bare) this.unlocated.push({ offset: fedStart + offset, kind: 'ampersand' });
    if (this.unlocated.length > 0) this.locate(text, fedStart);
    this.buf += text;
    this.parser.write(text);
    this.guardNodeSize();
    this.trimBuffer();
    yield* this.drain();
  }

  private *drain(): Generator<ReadEvent> {
    const q = this.queue;
    this.queue = [];
    yield* q;
  }

  /** Gives a line to each replaced character inside `text` (which starts at stream offset `start`). */
  private locate(text: string, start: number): void {
    this.unlocated.sort((a, b) => a.offset - b.offset);
    let line = this.parser.line;
    let scanned = 0;
    while (this.unlocated.length > 0 && this.unlocated[0]!.offset < start + text.length) {
      const note = this.unlocated.shift()!;
      const at = note.offset - start;
      for (let nl = text.indexOf('\n', scanned); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) {
        line++;
        scanned = nl + 1;
      }
      this.pending.push({ ...note, line });
    }
  }

  private noteProblem(note: Note & { line: number }, field: string | undefined): Problem {
    const where = { line: note.line, ...(field ? { field } : {}) };
    const prefix = field ? `${field}: ` : '';
    if (note.kind === 'ampersand') {
      return problem('XML_MALFORMED', `${prefix}${t('read.ampersand')}`, where);
    }
    const byte = t('read.byte', { byte: `0x${(note.byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`, offset: String(note.byteOffset ?? 0) });
    if (note.repaired) {
      const p = problem('UTF8_INVALID', `${prefix}${t('read.latin1Repaired', { byte, letter: String.fromCharCode(note.byte ?? 0) })}`, where);
      p.severity = 'warning';
      return p;
    }
    return problem(
      'UTF8_INVALID',
      `${prefix}${this.repairLatin1 ? t('read.notUtf8Broken', { byte }) : t('read.notUtf8Declare', { byte })}${field ? t('read.notSent') : ''}`,
      where,
    );
  }

  /**
   * Moves the notes before stream offset `before` to the open Documento (when given) or to the file,
   * one problem per line and kind. A bare `&` makes the Documento malformed.
   */
  private attribute(before: number, doc?: OpenDocumento, field?: string): void {
    while (this.pending.length > 0 && this.pending[0]!.offset < before) {
      const note = this.pending.shift()!;
      const key = `${note.kind}:${note.line}:${field ?? ''}:${note.repaired ? 'r' : ''}`;
      if (this.attributed.has(key)) continue;
      this.attributed.add(key);
      const p = this.noteProblem(note, field);
      if (doc) {
        doc.record.problems.push(p);
        if (note.kind === 'ampersand') doc.malformed = true;
      } else {
        this.fileEvents++;
        this.queue.push({ kind: 'problem', problem: p, fatal: false });
      }
    }
  }

  // --- saxes events ---

  private onOpenStart(name: string): void {
    if (this.stopped) return;
    // What was replaced before this tag belongs to the element it is in.
    if (this.doc && this.pending.length > 0) this.attribute(this.parser.position, this.doc, pathOf(this.doc.frames) || undefined);
    this.attributesReported = false;
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      this.fatal('XML_TOO_LARGE', t('read.tooDeep', { max: MAX_DEPTH }));
      return;
    }
    if (this.depth === 2 && name === 'Documento' && this.skipDepth === 0) this.startDocumento();
  }

  private onOpen(tag: SaxesTagPlain): void {
    if (this.stopped) return;
    this.boundAttributes(Object.keys(tag.attributes).length);
    if (this.depth === 1) {
      this.openRoot(tag);
      return;
    }
    const doc = this.doc;
    if (this.depth === 2 && !doc) {
      if (this.skipDepth === 0) {
        this.fileProblem('XML_UNEXPECTED_CONTENT', t('read.onlyDocumento', { name: shortName(tag.name) }));
      }
      this.skipDepth++;
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (!doc) return;
    if (this.depth === 2) {
      doc.selfClosing = tag.isSelfClosing;
      this.dropAttributes(doc, tag, 'Documento');
      return;
    }
    this.openInDocumento(doc, tag.name);
    // The path only when there is an attribute to report: building it for every element cost 3 % of a send.
    if (!doc.oversized && hasAny(tag.attributes)) this.dropAttributes(doc, tag, pathOf(doc.frames));
  }

  /** Records the attributes (and namespace declarations) of an element of the Documento: send leaves them out. */
  private dropAttributes(doc: OpenDocumento, tag: SaxesTagPlain, field: string): void {
    for (const name of Object.keys(tag.attributes)) {
      const namespace = name === 'xmlns' || name.startsWith('xmlns:');
      this.drop(doc, { field: `${field}/@${shortName(name)}`, line: this.parser.line, reason: namespace ? 'namespace' : 'attribute' });
    }
  }

  private drop(doc: OpenDocumento, what: IgnoredElement): void {
    if (doc.dropped >= MAX_DROPPED) return;
    doc.dropped++;
    doc.record.ignored.push(what);
  }

  private onClose(name: string): void {
    if (this.stopped) return;
    if (this.doc && this.pending.length > 0 && this.skipDepth === 0) this.attribute(this.parser.position, this.doc, pathOf(this.doc.frames) || undefined);
    const depth = this.depth--;
    if (depth === 1) {
      this.rootClosed = true;
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    const doc = this.doc;
    if (!doc) return;
    if (depth === 2) this.endDocumento(doc, name);
    else this.closeInDocumento(doc);
  }

  /**
   * Bounds the attributes saxes keeps for one tag: a million of them must not fill memory. Checked
   * after each chunk (a listener per attribute would slow saxes down for every file) and when a tag
   * opens, so one tag keeps at most one chunk's worth.
   */
  private boundAttributes(count: number): void {
    if (count <= MAX_ATTRIBUTES) return;
    this.irregular = true;
    const internals = this.parser as unknown as SaxesInternals;
    if (internals.attribList.length > MAX_ATTRIBUTES) internals.attribList.length = MAX_ATTRIBUTES;
    if (this.attributesReported) return;
    this.attributesReported = true;
    const message = t('read.tooManyAttributes', { max: MAX_ATTRIBUTES });
    if (this.doc) {
      this.doc.malformed = true;
      this.doc.record.problems.push(problem('XML_TOO_LARGE', message, { line: this.parser.line }));
    } else {
      this.fileProblem('XML_TOO_LARGE', message);
    }
  }

  private onText(text: string): void {
    if (this.stopped) return;
    const doc = this.doc;
    if (doc) {
      const frame = doc.frames[doc.frames.length - 1];
      if (doc.oversized || !frame) return;
      if (frame.kind === 'leaf') frame.text += text;
      else if (frame.kind !== 'skip' && text.trim() !== '') {
        // Text between elements: send cannot put it anywhere, so it says so.
        const field = pathOf(doc.frames) || 'Documento';
        this.drop(doc, { field, line: this.parser.line, reason: 'text' });
      }
      return;
    }
    if (this.depth === 1 && this.skipDepth === 0 && !this.textOutsideReported && text.trim() !== '') {
      this.textOutsideReported = true;
      this.fileProblem('XML_UNEXPECTED_CONTENT', t('read.textInLista'));
    }
  }

  private onError(raw: string): void {
    if (this.stopped) return;
    const message = raw.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    if (STRUCTURAL.test(message)) {
      if (this.doc) this.failDocumento(this.doc, message);
      this.fatal('XML_MALFORMED', t('read.unreliable', { message }));
      return;
    }
    if (++this.errors > this.maxErrors) {
      this.fatal('XML_MALFORMED', t('read.tooManyErrors', { max: this.maxErrors }));
      return;
    }
    // saxes repeats some errors once per character: one problem per message and line is enough.
    const key = `${message}@${this.parser.line}`;
    if (key === this.lastError) return;
    this.lastError = key;
    const reference = message === 'malformed character entity' ? this.referenceBefore() : undefined;
    const code = message === 'disallowed character' ? 'CONTROL_CHARACTER' : reference !== undefined ? 'CHARACTER_NOT_ALLOWED' : 'XML_MALFORMED';
    let text =
      message === 'disallowed character'
        ? t('read.disallowedCharacter')
        : reference !== undefined
          ? t('read.badReference', { reference })
          : message === 'disallowed character in tag name'
            ? t('read.badLessThan')
            : message;
    if (this.doc) {
      const field = pathOf(this.doc.frames);
      if (field) text = `${field}: ${text}`;
      this.doc.malformed = true;
      this.doc.record.problems.push(problem(code, text, { line: this.parser.line, ...(field ? { field } : {}) }));
    } else {
      this.fileProblem(code, text);
    }
  }

  /** The character reference that ends at the parser's position (`&#xD800;`), shortened, if it is one. */
  private referenceBefore(): string | undefined {
    const end = this.parser.position - this.bufStart;
    const at = this.buf.lastIndexOf('&', end);
    if (at < 0 || end - at > 40) return undefined;
    const ref = this.buf.slice(at, end);
    return /^&#x?[0-9a-fA-F]*;?$/.test(ref) ? ref : undefined;
  }

  // --- structure ---

  private openRoot(tag: SaxesTagPlain): void {
    this.rootSeen = true;
    this.rootLine = this.parser.line;
    const defaultNs = tag.attributes['xmlns'];
    if (tag.name !== 'ListaDocumentos' || (defaultNs !== undefined && defaultNs !== '')) {
      const what = tag.name.includes(':') || defaultNs ? t('read.inNamespace', { name: shortName(tag.name) }) : `'${shortName(tag.name)}'`;
      this.fatal('XML_ROOT', t('read.root', { what }));
      return;
    }
    this.rootNamespaces = Object.entries(tag.attributes)
      .filter(([k]) => k.startsWith('xmlns:'))
      .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
      .join('');
  }

  private startDocumento(): void {
    const position = this.parser.position;
    const at = this.buf.lastIndexOf('<Documento', position - this.bufStart);
    const start = at >= 0 ? this.bufStart + at : position - '<Documento '.length;
    this.attribute(start);
    this.attributed.clear();
    const index = ++this.documentos;
    const record: DocumentoRecord = {
      kind: 'documento',
      index,
      line: this.parser.line,
      endLine: this.parser.line,
      documento: {},
      xml: undefined,
      rootNamespaces: this.rootNamespaces,
      lines: new DocumentoLines(),
      problems: [],
      ignored: [],
      reordered: [],
    };
    this.doc = {
      record,
      start,
      selfClosing: false,
      oversized: false,
      malformed: false,
      mixed: false,
      dropped: 0,
      frames: [{ kind: 'documento', name: 'Documento', n: index, text: '', counts: undefined, target: undefined, key: undefined }],
    };
  }

  private openInDocumento(doc: OpenDocumento, name: string): void {
    const frames = doc.frames;
    const parent = frames[frames.length - 1]!;
    if (doc.oversized) {
      // Skipped anyway: nothing more of it is kept, however many elements follow.
      frames.push({ kind: 'skip', name, n: 0, text: '', counts: undefined, target: undefined, key: undefined });
      return;
    }
    if (parent.kind === 'leaf' && !doc.mixed) {
      // <Especie>Pro<b>cesso</b></Especie>: the text cannot be sent as written, nor cut silently.
      doc.mixed = true;
      doc.malformed = true;
      const field = pathOf(frames);
      doc.record.problems.push(
        problem('XML_MIXED_CONTENT', t('read.mixed', { field, name: shortName(name) }), {
          field,
          line: this.parser.line,
        }),
      );
    }
    const counts = (parent.counts ??= {});
    const n = (counts[name] ?? 0) + 1;
    counts[name] = n;
    const line = this.parser.line;
    const frame: Frame = { kind: 'skip', name, n, text: '', counts: undefined, target: undefined, key: undefined };
    frames.push(frame);
    const draft = doc.record.documento;
    const lines = doc.record.lines;
    let ignored: IgnoredElement['reason'] | undefined;

    switch (parent.kind) {
      case 'documento':
        if (n === 1) lines.top[name] = line;
        if (DOCUMENTO_LEAVES.has(name)) {
          if (n > 1) ignored = 'repeated';
          else this.leaf(frame, draft as Record<string, unknown>, name);
        } else if (name === 'ListaProtocolosRelacionados') {
          if (n > 1) ignored = 'repeated'; // its children still count: the XSD reports the repetition
          frame.kind = 'relacionados';
          draft.ListaProtocolosRelacionados ??= { ProtocoloRelacionado: [] };
        } else if (name === 'ListaInteressados') {
          if (n > 1) ignored = 'repeated';
          frame.kind = 'interessados';
          draft.ListaInteressados ??= { Interessado: [] };
        } else if (name === 'Historico') {
          if (n > 1) ignored = 'repeated';
          frame.kind = 'historico';
          draft.Historico ??= { ItemHistorico: [] };
        } else ignored = 'unknown';
        break;
      case 'relacionados':
        if (name === 'ProtocoloRelacionado') {
          this.leaf(frame, draft.ListaProtocolosRelacionados!.ProtocoloRelacionado!, undefined);
          lines.relacionados.push(line);
        } else ignored = 'unknown';
        break;
      case 'interessados':
        if (name === 'Interessado') {
          const interessado = {};
          draft.ListaInteressados!.Interessado!.push(interessado);
          frame.kind = 'interessado';
          frame.target = interessado;
          lines.interessados.push(line);
        } else ignored = 'unknown';
        break;
      case 'interessado':
        if (name === 'NomeInteressado' && n === 1) {
          this.leaf(frame, parent.target as Record<string, unknown>, name);
          lines.interessados[lines.interessados.length - 1] = line;
        } else ignored = name === 'NomeInteressado' ? 'repeated' : 'unknown';
        break;
      case 'historico':
        if (name === 'ItemHistorico') {
          const item = {};
          draft.Historico!.ItemHistorico!.push(item);
          frame.kind = 'item';
          frame.target = item;
          lines.items.push({ self: line });
        } else ignored = 'unknown';
        break;
      case 'item':
        if (ITEM_LEAVES.has(name) && n === 1) {
          this.leaf(frame, parent.target as Record<string, unknown>, name);
          lines.items[lines.items.length - 1]![name as 'Operacao'] = line;
        } else ignored = ITEM_LEAVES.has(name) ? 'repeated' : 'unknown';
        break;
      default:
        // Children of a leaf or of an ignored element: the XSD reports them.
        break;
    }
    if (ignored) doc.record.ignored.push({ field: pathOf(frames), line, reason: ignored });
  }

  private leaf(frame: Frame, target: Record<string, unknown> | string[], key: string | undefined): void {
    frame.kind = 'leaf';
    frame.target = target;
    frame.key = key;
  }

  private closeInDocumento(doc: OpenDocumento): void {
    const top = doc.frames[doc.frames.length - 1];
    if (top?.kind === 'item' && top.counts && outOfOrder(Object.keys(top.counts), ITEM_HISTORICO_FIELDS)) doc.record.reordered.push(pathOf(doc.frames));
    const frame = doc.frames.pop();
    if (frame?.kind !== 'leaf' || doc.oversized) return;
    if (frame.key === undefined) (frame.target as string[]).push(frame.text);
    else (frame.target as Record<string, unknown>)[frame.key] = frame.text;
  }

  private endDocumento(doc: OpenDocumento, name: string): void {
    const end = this.parser.position;
    const record = doc.record;
    const own = doc.frames[0]?.counts;
    if (own && outOfOrder(Object.keys(own), DOCUMENTO_ORDER)) record.reordered.unshift('');
    record.endLine = this.parser.line;
    this.lastDocumentoEnd = end;
    // Read in other chunks, this Documento might have been cut off as too large: only the whole file can say.
    if (end - doc.start > this.maxDocumento) this.irregular = true;
    this.attribute(end, doc);
    if (!doc.oversized) {
      const xml = this.buf.slice(doc.start - this.bufStart, end - this.bufStart);
      // saxes may close an element on a mismatched end tag: only a real </Documento> ends a Documento.
      const closed = doc.selfClosing || xml.endsWith('</Documento>') || /<\/Documento\s*>$/.test(xml);
      if (name !== 'Documento' || !closed) {
        this.failDocumento(doc, t('read.notClosed'));
      } else if (!doc.malformed) {
        record.xml = xml;
      }
    }
    this.queue.push(record);
    this.doc = undefined;
  }

  /** Ends the open Documento as invalid (it is still yielded, so it is counted and reported). */
  private failDocumento(doc: OpenDocumento, message: string): void {
    if (!doc.malformed) doc.record.problems.push(problem('XML_MALFORMED', message, { line: this.parser.line }));
    doc.malformed = true;
    doc.record.xml = undefined;
  }

  private finish(): void {
    const line = this.parser.line;
    if (this.doc) {
      const record = this.doc.record;
      record.endLine = line;
      record.problems.push(problem('XML_TRUNCATED', t('read.endsInside', { line: String(record.line) }), { line }));
      this.attribute(Infinity, this.doc);
      this.queue.push(record);
      this.doc = undefined;
    }
    this.attribute(Infinity);
    if (!this.rootSeen) {
      this.fatal('XML_MALFORMED', t('read.noRoot'), line);
      return;
    }
    if (!this.rootClosed) {
      this.fatal('XML_TRUNCATED', t('read.incomplete'), line);
      return;
    }
    this.parser.close(); // may still report content after the root element
    if (this.documentos === 0 && !this.continued) this.fileProblem('LISTA_EMPTY', t('read.empty'), this.rootLine);
  }

  // --- limits ---

  /** Called after each chunk: a node larger than the limit is dropped from saxes' buffers. */
  private guardNodeSize(): void {
    const internals = this.parser as unknown as SaxesInternals;
    this.boundAttributes(internals.attribList.length);
    const longest = Math.max(internals.text.length, internals.name.length, internals.entity.length, internals.piTarget.length);
    const doc = this.doc;
    if (doc && !doc.oversized && this.bufStart + this.buf.length - doc.start > this.maxDocumento) {
      this.markOversized(doc);
    }
    if (longest <= this.maxDocumento) return;
    internals.text = '';
    internals.name = internals.name.slice(0, 64);
    internals.entity = '';
    internals.piTarget = '';
    if (doc) this.markOversized(doc);
    else if (!this.hugeNodeReported) {
      this.hugeNodeReported = true;
      this.fileProblem('XML_TOO_LARGE', t('read.nodeTooLarge', { max: this.maxDocumento }));
    }
  }

  private markOversized(doc: OpenDocumento): void {
    this.irregular = true;
    if (doc.oversized) return;
    doc.oversized = true;
    doc.record.xml = undefined;
    doc.record.problems.push(
      problem('XML_TOO_LARGE', t('read.documentoTooLarge', { max: this.maxDocumento }), {
        line: doc.record.line,
      }),
    );
    for (const frame of doc.frames) frame.text = '';
  }

  /** Keeps only what the open Documento needs (or a short tail, where the next `<Documento` may begin). */
  private trimBuffer(): void {
    const doc = this.doc;
    const end = this.bufStart + this.buf.length;
    const keepFrom = doc && !doc.oversized ? doc.start : end - 64;
    if (keepFrom > this.bufStart) {
      this.buf = this.buf.slice(keepFrom - this.bufStart);
      this.bufStart = keepFrom;
    }
  }

  // --- problems ---

  private fileProblem(code: Problem['code'], message: string, line?: number): void {
    // Where the parser is, when the problem is found there (not a line given for another place).
    const where = line === undefined ? { line: this.parser.line, column: this.parser.column + 1 } : { line };
    this.fileEvents++;
    this.queue.push({ kind: 'problem', problem: problem(code, message, where), fatal: false });
  }

  private fatal(code: Problem['code'], message: string, givenLine?: number): void {
    const line = givenLine ?? this.parser.line;
    if (this.stopped) return;
    if (this.doc) {
      const record = this.doc.record;
      if (!record.problems.some((p) => p.severity === 'error')) record.problems.push(problem(code, message, { line }));
      record.xml = undefined;
      record.endLine = line;
      this.queue.push(record);
      this.doc = undefined;
    }
    const column = givenLine === undefined ? { column: this.parser.column + 1 } : {};
    this.fileEvents++;
    this.queue.push({ kind: 'problem', problem: problem(code, message, { line, ...column }), fatal: true });
    this.stopped = true;
  }
}

/** True when the known names (in order of first appearance) are not in the standard's order. */
function outOfOrder(names: string[], order: readonly string[]): boolean {
  const at = names.map((n) => order.indexOf(n)).filter((i) => i >= 0);
  return at.some((v, i) => i > 0 && v < at[i - 1]!);
}

/** Whether an object has any own enumerable key, without listing them all. */
function hasAny(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** Path of the innermost frame, as in problems: `Historico/ItemHistorico[2]/Operacao`. */
function pathOf(frames: Frame[]): string {
  const parts: string[] = [];
  for (let i = 1; i < frames.length; i++) {
    const f = frames[i]!;
    parts.push(REPEATED.has(f.name) || f.n > 1 ? `${f.name}[${f.n}]` : f.name);
  }
  return parts.join('/');
}

/** A name as quoted in a message: a 10 MB element name is shown by its first 64 characters. */
function shortName(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}... (${name.length} characters)` : name;
}

function escapeAttribute(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
