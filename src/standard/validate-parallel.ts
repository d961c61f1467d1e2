/**
 * {@link validateLista} for a whole file, with the reading spread over worker threads (ADR 0010).
 *
 * The main thread only cuts the bytes into parts of about 128 KiB, each right after a `</Documento>`,
 * and hands them to {@link ListaReaders}; each worker reads its part after the root's start tag, as a
 * list of its own, and validates it. A part is used only if it read exactly as it would have inside
 * the whole file (lista-part.ts: nothing outside its Documentos, no XML error, no replaced character,
 * no limit reached, and it ended right at the cut). At the first part that did not, the list is read
 * again from its start on this thread, as {@link validateLista} reads it, its first Documentos skipped:
 * every problem, line and message is the one a single reader gives. Lists without a cut (smaller than
 * a part, or not UTF-8, or with a DOCTYPE) are read that way from the start.
 *
 * What comes out are verdicts (lista-part.ts), not whole Documentos: sending a Documento's object
 * between threads costs more than reading it.
 */

import { createReadStream } from 'node:fs';
import { open as openHandle, type FileHandle } from 'node:fs/promises';
import { EncodingError, sniffEncoding } from './decoder.js';
import { documentoVerdict, type DocumentoVerdict, type PartSettings } from './lista-part.js';
import type { ListaReaders } from './lista-readers.js';
import type { Problem } from './problems.js';
import { readError, readListaDocumentos, type ListProblem } from './reader.js';
import { DuplicateProtocolos } from './rules.js';
import { validateEvents, type ValidateListaOptions, type ValidatedEvent } from './validate-stream.js';

export type { DocumentoVerdict } from './lista-part.js';

/** What {@link validateListaInParallel} yields: a Documento's verdict, or a problem of the file itself. */
export type ListaVerdict = DocumentoVerdict | ListProblem;

/** Opens the list's bytes, read `chunkSize` at a time; called again when the list must be read again. */
export type OpenLista = (chunkSize: number) => AsyncIterable<Uint8Array>;

/** Options of {@link validateListaInParallel}. */
export interface ParallelValidateOptions extends Omit<ValidateListaOptions, 'window'> {
  /** The list: a file path, or how to open its bytes. */
  source: string | OpenLista;
  /** How errors name a file `source` (default: its path). */
  fileLabel?: string;
  /** Told the bytes read so far each time more are read; from 0 again when the list is read again. */
  onRead?: (bytesRead: number) => void;
  readers: ListaReaders;
  /** Bytes per part (default 128 KiB). */
  partSize?: number;
  /** False: verdicts without the XML as sent, for a caller that only reports (default true). */
  xml?: boolean;
}

/** Bytes read at a time when the list is read on this thread: as {@link readListaDocumentos} does. */
const SEQUENTIAL_CHUNK = 64 * 1024;
/** Without a cut in this many bytes past a part's size, the rest is read on this thread. */
const MAX_CARRY = 16 * 1024 * 1024;
const END_TAG = Buffer.from('</Documento', 'latin1');
/**
 * Parts in flight per reader. New parts go out only while the consumer takes verdicts, and `send`'s
 * consumer waits on its batches: with 2 parts ahead the workers idled a third of the time (paired
 * runs against the fixed-answer server: 2 ahead 8.3-12.2 s, 4 ahead 7.1-9.5 s, 8 ahead 6.7-8.7 s).
 */
const AHEAD = 8;

/** Validates every Documento of a list, yielding each verdict (and each problem of the file) in order. */
export async function* validateListaInParallel(options: ParallelValidateOptions): AsyncGenerator<ListaVerdict> {
  const { readers } = options;
  const partSize = options.partSize ?? 128 * 1024;
  const { onRead } = options;
  const open: OpenLista = typeof options.source === 'string' ? openFile(options.source, options.fileLabel ?? options.source) : options.source;
  const duplicates = new DuplicateProtocolos();
  const settings: PartSettings = {};
  if (options.profile !== undefined) settings.profile = options.profile;
  if (options.normalize !== undefined) settings.normalize = options.normalize;
  if (options.reportChanges !== undefined) settings.reportChanges = options.reportChanges;
  if (options.read !== undefined) settings.read = options.read;
  if (options.xml === false) settings.xml = false;

  /** The list read on this thread from its start, the first `skip` Documentos left out. */
  async function* sequential(skip: number): AsyncGenerator<ListaVerdict> {
    for await (const ev of validateEvents(readListaDocumentos(counted(open(SEQUENTIAL_CHUNK), onRead), options.read), options, duplicates, skip))
      yield verdictOf(ev, options.xml !== false);
  }

  // The bytes not yet cut into parts are buf[0, len), read straight into a buffer that becomes the
  // next part's: each part's bytes are read once and copied at most once (the few after its cut).
  const chunk = Math.max(partSize, 64 * 1024);
  const filler = typeof options.source === 'string' ? fileFiller(options.source, options.fileLabel ?? options.source) : chunkFiller(open(chunk));
  const capacity = partSize + chunk;
  let buf = readers.buffer(capacity);
  let len = 0;
  let total = 0;
  let eof = false;
  const carry = (): Buffer => Buffer.from(buf.buffer, buf.byteOffset, len);
  const more = async (): Promise<void> => {
    if (len === buf.length) {
      const grown = new Uint8Array(2 * buf.length);
      grown.set(buf);
      buf = grown;
    }
    const n = await filler.fill(buf.subarray(len, Math.min(buf.length, len + chunk)));
    if (n === 0) eof = true;
    len += n;
    total += n;
    if (n > 0) onRead?.(total);
  };

  const inFlight: Array<Promise<Awaited<ReturnType<ListaReaders['run']>>>> = [];
  let line = 1; // where the next part to yield starts
  let yielded = 0; // Documentos yielded so far
  /** Yields the oldest part's verdicts; false when it was not pristine (the rest is read again). */
  const yieldOldest = async function* (): AsyncGenerator<ListaVerdict, boolean> {
    const answer = await inFlight.shift()!;
    if (!answer.pristine) return false;
    const shift = line - 1;
    for (const d of answer.documentos) {
      d.index += yielded;
      d.line += shift;
      d.protocoloLine += shift;
      for (const p of d.problems) if (p.line !== undefined) p.line += shift;
      const dup = duplicates.check(d.sentProtocolo, d.index, d.protocoloLine);
      if (dup) insertByLine(d.problems, dup);
      yield d;
    }
    yielded += answer.documentos.length;
    line += answer.line - 1;
    return true;
  };

  try {
    do await more();
    while (!eof && len < partSize);
    const root = eof ? undefined : listHead(carry());
    if (root === undefined) {
      yield* sequential(0);
      return;
    }
    let parts = 0;
    let searchFrom = Math.max(root.end, partSize - END_TAG.length);
    for (;;) {
      let cut = findCut(carry(), searchFrom);
      while (cut === -1 && !eof && len < partSize + MAX_CARRY) {
        searchFrom = Math.max(searchFrom, len - 64);
        await more();
        cut = findCut(carry(), searchFrom);
      }
      if (cut === -1 && !eof) break; // no cut in sight: the rest is read on this thread
      if (cut === -1 && parts === 0) {
        yield* sequential(0); // a list smaller than a part: no worker needed
        return;
      }
      const final = cut === -1;
      const end = final ? len : cut;
      const bytes = buf.subarray(0, end);
      if (!final) {
        const next = readers.buffer(Math.max(capacity, len - end + chunk));
        next.set(buf.subarray(end, len));
        buf = next;
        len -= end;
      }
      const running = readers.run({ prefix: parts === 0 ? '' : root.prefix, bytes, final, settings });
      running.catch(() => undefined); // an abandoned part's failure must not crash the process
      inFlight.push(running);
      parts++;
      if (final) break;
      searchFrom = Math.max(0, partSize - END_TAG.length);
      while (inFlight.length >= readers.size * AHEAD) {
        if (!(yield* yieldOldest())) {
          yield* sequential(yielded);
          return;
        }
      }
      while (!eof && len < partSize) await more();
    }
    while (inFlight.length > 0) {
      if (!(yield* yieldOldest())) {
        yield* sequential(yielded);
        return;
      }
    }
    if (!eof) yield* sequential(yielded);
  } finally {
    await filler.close();
  }
}

/** A file's bytes, with read errors as ERR_FILE_READ naming the file. */
function openFile(file: string, label: string): OpenLista {
  return async function* (chunkSize) {
    try {
      yield* createReadStream(file, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>;
    } catch (err) {
      throw readError(err, label);
    }
  };
}

/** The chunks of `source`, each one told to `onRead` as the running total. */
async function* counted(source: AsyncIterable<Uint8Array>, onRead: ((bytesRead: number) => void) | undefined): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    onRead?.(total);
    yield chunk;
  }
}

/** Reads a list's bytes into buffers it is given, from its start; `fill` answers 0 at the end. */
interface Filler {
  fill(into: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

/** A file read straight into the buffers given. */
function fileFiller(file: string, label: string): Filler {
  let handle: FileHandle | undefined;
  return {
    async fill(into) {
      try {
        handle ??= await openHandle(file, 'r');
        return (await handle.read(into, 0, into.length, null)).bytesRead;
      } catch (err) {
        throw readError(err, label);
      }
    },
    async close() {
      await handle?.close();
    },
  };
}

/** Chunks copied into the buffers given, for a caller that opens the list itself. */
function chunkFiller(source: AsyncIterable<Uint8Array>): Filler {
  const chunks = source[Symbol.asyncIterator]();
  let pending: Uint8Array | undefined;
  return {
    async fill(into) {
      while (pending === undefined || pending.length === 0) {
        const r = await chunks.next();
        if (r.done) return 0;
        pending = r.value;
      }
      const n = Math.min(into.length, pending.length);
      into.set(pending.subarray(0, n));
      pending = pending.subarray(n);
      return n;
    },
    async close() {
      await chunks.return?.();
    },
  };
}

function verdictOf(ev: ValidatedEvent, withXml: boolean): ListaVerdict {
  return ev.kind === 'problem' ? ev : documentoVerdict(ev, ev.problems, withXml);
}

/** Where mergeProblems' stable sort by line would have put `p`, had it been among the rules. */
function insertByLine(problems: Problem[], p: Problem): void {
  const line = p.line ?? 0;
  let at = problems.length;
  while (at > 0 && (problems[at - 1]!.line ?? 0) > line) at--;
  problems.splice(at, 0, p);
}

/**
 * The first cut at or after `from`: the offset right after a `</Documento>` (white space allowed
 * before its `>`), or -1. A cut inside a comment or a CDATA section is caught by the part's reader.
 */
export function findCut(bytes: Buffer, from: number): number {
  // A negative offset would count from the end.
  for (let at = bytes.indexOf(END_TAG, Math.max(0, from)); at !== -1; at = bytes.indexOf(END_TAG, at + 1)) {
    let i = at + END_TAG.length;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
    if (i >= bytes.length) return -1;
    if (bytes[i] === 0x3e) return i + 1;
  }
  return -1;
}

/**
 * The root's start tag of a UTF-8 list whose prolog holds only a declaration, comments, processing
 * instructions and white space, with its line breaks made spaces (white space all the same inside a
 * tag), and where it ends; undefined for anything else, which is then read on one thread.
 */
export function listHead(head: Buffer): { prefix: string; end: number } | undefined {
  let bomLength: number;
  try {
    const sniffed = sniffEncoding(head);
    if (sniffed.encoding !== 'utf-8') return undefined;
    bomLength = sniffed.bomLength;
  } catch (err) {
    if (err instanceof EncodingError) return undefined;
    throw err;
  }
  const text = head.toString('latin1'); // the markup sought is ASCII; offsets stay byte offsets
  let i = bomLength;
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) return undefined;
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return undefined;
      i = close + 3;
    } else break;
  }
  if (text[i] !== '<' || !/[A-Za-z_:]/.test(text[i + 1] ?? '')) return undefined;
  let quote = '';
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return undefined;
    else if (c === '>') {
      if (text[j - 1] === '/') return undefined;
      return {
        prefix: head
          .subarray(i, j + 1)
          .toString('utf8')
          .replace(/\r\n|[\r\n]/g, ' '),
        end: j + 1,
      };
    }
  }
  return undefined;
}
