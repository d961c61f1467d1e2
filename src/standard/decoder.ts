/**
 * Bytes to text for the streaming reader: BOM, the encoding of the XML declaration (UTF-8 or
 * ISO-8859-1/Windows-1252), and invalid UTF-8 located instead of silently replaced.
 */
import { t } from '../i18n/translate.js';

export type SourceEncoding = 'utf-8' | 'windows-1252';

/** A byte that is not valid UTF-8, where it was and what it became. */
export interface InvalidByte {
  /** Offset in the decoded chunk's `text` of the character that stands for it. */
  offset: number;
  /** Offset of the byte in the input (0-based, the BOM included). */
  byteOffset: number;
  byte: number;
  /** True when it was read as the Latin-1 letter it certainly is (see {@link StreamDecoder}). */
  repaired: boolean;
}

export interface DecodedChunk {
  text: string;
  invalid: InvalidByte[];
}

export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodingError';
  }
}

// WHATWG (and every browser) reads ISO-8859-1 as Windows-1252: bytes 0x80–0x9F become “ ” – € ... rather
// than invisible C1 controls, which is what files declared ISO-8859-1 by Windows tools actually contain.
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'cp819', 'ibm819', 'windows-1252', 'cp1252', 'x-cp1252']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** Maps an XML `encoding="..."` label to a decoder, or throws {@link EncodingError}. */
export function encodingFromLabel(label: string): SourceEncoding {
  const l = label.trim().toLowerCase();
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (LATIN1_LABELS.has(l)) return 'windows-1252';
  throw new EncodingError(t('decode.unsupported', { label }));
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0–3), kept for the next chunk. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 if the byte there starts no valid sequence. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Streaming decoder. UTF-8 is decoded natively and only a chunk that fails is re-scanned byte by byte
 * to locate each invalid byte. An invalid byte becomes U+FFFD, or, with `repairLatin1`, the Latin-1
 * character it is when that reading is exact: a byte 0xA0–0xFF that starts no UTF-8 sequence
 * ("certid\xE3o") or a sign 0xA0–0xBF that follows no lead byte ("n\xBA"). What looks like a broken or
 * forbidden UTF-8 sequence (an overlong form, an encoded surrogate, a code point above U+10FFFF, a lead
 * byte followed by continuation bytes) is never guessed at: it stays U+FFFD, and an error.
 */
export class StreamDecoder {
  private carry: Uint8Array = new Uint8Array(0);
  /** Bytes of the input before the next chunk's first byte (the carry included in neither). */
  private consumed: number;
  /** The last byte of the previous complete chunk, to judge a continuation byte at a chunk's start. */
  private previous = 0;
  private readonly fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly cp1252 = new TextDecoder('windows-1252');
  private readonly utf8 = new TextDecoder('utf-8');

  constructor(
    readonly encoding: SourceEncoding,
    private readonly repairLatin1 = false,
    startOffset = 0,
  ) {
    this.consumed = startOffset;
  }

  decode(chunk: Uint8Array): DecodedChunk {
    if (this.encoding === 'windows-1252') return { text: this.cp1252.decode(chunk, { stream: true }), invalid: [] };
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry, 0);
      bytes.set(chunk, this.carry.length);
    }
    const tail = incompleteTail(bytes);
    this.carry = bytes.slice(bytes.length - tail);
    return this.decodeComplete(tail > 0 ? bytes.subarray(0, bytes.length - tail) : bytes);
  }

  /** Call at the end of input: an incomplete sequence left over is invalid. */
  flush(): DecodedChunk {
    if (this.encoding === 'windows-1252') return { text: this.cp1252.decode(), invalid: [] };
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return rest.length === 0 ? { text: '', invalid: [] } : this.decodeComplete(rest);
  }

  private decodeComplete(bytes: Uint8Array): DecodedChunk {
    let out: DecodedChunk;
    try {
      out = { text: this.fatalUtf8.decode(bytes), invalid: [] };
    } catch {
      out = this.decodeWithErrors(bytes);
    }
    this.consumed += bytes.length;
    if (bytes.length > 0) this.previous = bytes[bytes.length - 1]!;
    return out;
  }

  private decodeWithErrors(bytes: Uint8Array): DecodedChunk {
    const parts: string[] = [];
    const invalid: InvalidByte[] = [];
    let length = 0;
    let start = 0;
    let i = 0;
    const flushValid = (end: number): void => {
      if (end > start) {
        const s = this.utf8.decode(bytes.subarray(start, end));
        parts.push(s);
        length += s.length;
      }
    };
    while (i < bytes.length) {
      const n = validSequenceLength(bytes, i);
      if (n > 0) {
        i += n;
        continue;
      }
      flushValid(i);
      const b = bytes[i]!;
      const before = i > 0 ? bytes[i - 1]! : this.previous;
      const afterLead = b <= 0xbf && before >= 0xc0;
      const repaired = this.repairLatin1 && b >= 0xa0 && !afterLead && !startsBrokenSequence(bytes, i);
      invalid.push({ offset: length, byteOffset: this.consumed + i, byte: b, repaired });
      parts.push(repaired ? String.fromCharCode(b) : '\ufffd');
      length += 1;
      i += 1;
      start = i;
    }
    flushValid(bytes.length);
    return { text: parts.join(''), invalid };
  }
}

/** A lead byte followed by a continuation byte: a UTF-8 sequence gone wrong, not a Latin-1 letter. */
function startsBrokenSequence(bytes: Uint8Array, i: number): boolean {
  const next = bytes[i + 1];
  return bytes[i]! >= 0xc0 && next !== undefined && next >= 0x80 && next <= 0xbf;
}

/**
 * Looks at the first bytes of a file: BOM and XML declaration. Returns the encoding and how many
 * bytes of BOM to skip.
 */
export function sniffEncoding(head: Uint8Array): { encoding: SourceEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    // A UTF-8 byte order mark and a declaration of another encoding cannot both be right.
    const declared = declaredEncoding(head.subarray(3));
    if (declared !== undefined && encodingFromLabel(declared) !== 'utf-8') {
      throw new EncodingError(t('decode.bomMismatch', { declared }));
    }
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) {
    throw new EncodingError(t('decode.utf16'));
  }
  if (head[0] === 0x00 || head[1] === 0x00) {
    throw new EncodingError(t('decode.nul'));
  }
  const declared = declaredEncoding(head);
  return { encoding: declared !== undefined ? encodingFromLabel(declared) : 'utf-8', bomLength: 0 };
}

/** The `encoding` of the XML declaration at the start of `head`, if any. */
function declaredEncoding(head: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding we accept.
  const start = Buffer.from(head.subarray(0, Math.min(head.length, 512))).toString('latin1');
  return /^<\?xml\s[^?]*?encoding\s*=\s*(["'])([^"']*)\1/.exec(start)?.[2];
}
