/**
 * The first position of each Protocolo of a list, for the duplicate check of a whole file. A Map of
 * strings costs about 100 bytes a Protocolo, which made a 500,000-Documento file a quarter heavier
 * than a 100,000 one. Here a protocol number of up to 18 digits costs about 18 bytes and a longer one
 * 22, in a hash table that grows without ever copying or freeing what it holds. Exact: the keys are the
 * digits themselves, not hashes. Anything that is not 1 to 22 ASCII digits (an invalid Protocolo)
 * goes to a plain Map.
 *
 * Why never freeing matters: an open-addressing table copied into a larger array at each growth had
 * made, by 500,000 Protocolos, twice its final size in arrays left for the garbage collector. They
 * were freed only by a full collection, into small blocks that the allocator kept: the check made
 * `validate` of 500,000 Documentos peak about 26 MB higher than without it, 15 MB more than the same
 * table sized in advance. With this table, 10 MB: its own size.
 */

const MAX_DIGITS = 22;
/** Digits a key word holds: 10^9 + 999,999,999 still fits in 32 bits. */
const GROUP = 9;

/**
 * A linear-hashing table (Litwin): buckets are chains of entries, and the table grows by splitting
 * one bucket at a time into itself and one new bucket, so nothing is ever moved to a new array.
 * Entries (the key's words, the value, the next entry of the chain) live in chunks that are only
 * ever appended to, as do the buckets' heads.
 */
class LinearHashTable {
  private readonly stride: number;
  private readonly chunks: Uint32Array[] = [];
  private readonly segments: Uint32Array[] = [];
  private count = 0;
  /** Buckets below `split` are addressed with one bit more than the others. */
  private bits = INITIAL_BITS;
  private split = 0;

  constructor(private readonly words: number) {
    this.stride = words + 2;
  }

  get size(): number {
    return this.count;
  }

  /** The value recorded for `key` (its first `words` words, hashing to `h`), or records `value`. */
  firstOrSet(key: Uint32Array, h: number, value: number): number | undefined {
    const bucket = this.bucket(h);
    const words = this.words;
    for (let id = this.head(bucket); id !== 0;) {
      const chunk = this.chunks[(id - 1) >>> CHUNK_BITS]!;
      const at = ((id - 1) & CHUNK_MASK) * this.stride;
      let same = true;
      for (let i = 0; i < words && same; i++) same = chunk[at + i] === key[i];
      if (same) return chunk[at + words];
      id = chunk[at + words + 1]!;
    }
    const id = this.count++;
    if ((id & CHUNK_MASK) === 0) this.chunks.push(new Uint32Array(this.stride << CHUNK_BITS));
    const chunk = this.chunks[id >>> CHUNK_BITS]!;
    const at = (id & CHUNK_MASK) * this.stride;
    for (let i = 0; i < words; i++) chunk[at + i] = key[i]!;
    chunk[at + words] = value;
    chunk[at + words + 1] = this.head(bucket);
    this.setHead(bucket, id + 1);
    if (this.count > ((1 << this.bits) + this.split) * LOAD) this.splitNext();
    return undefined;
  }

  private bucket(h: number): number {
    const low = h & ((1 << this.bits) - 1);
    return low < this.split ? h & ((2 << this.bits) - 1) : low;
  }

  private head(bucket: number): number {
    const segment = this.segments[bucket >>> SEGMENT_BITS];
    return segment === undefined ? 0 : segment[bucket & SEGMENT_MASK]!;
  }

  private setHead(bucket: number, id: number): void {
    let segment = this.segments[bucket >>> SEGMENT_BITS];
    if (segment === undefined) this.segments[bucket >>> SEGMENT_BITS] = segment = new Uint32Array(1 << SEGMENT_BITS);
    segment[bucket & SEGMENT_MASK] = id;
  }

  /** Splits bucket `split` by the next bit of each entry's hash: those with it set move to a new bucket. */
  private splitNext(): void {
    const from = this.split;
    const high = 1 << this.bits;
    const to = from + high;
    const words = this.words;
    let stay = 0;
    let move = 0;
    for (let id = this.head(from); id !== 0;) {
      const chunk = this.chunks[(id - 1) >>> CHUNK_BITS]!;
      const at = ((id - 1) & CHUNK_MASK) * this.stride;
      const next = chunk[at + words + 1]!;
      if (hashWords(chunk, at, words) & high) {
        chunk[at + words + 1] = move;
        move = id;
      } else {
        chunk[at + words + 1] = stay;
        stay = id;
      }
      id = next;
    }
    this.setHead(from, stay);
    this.setHead(to, move);
    if (++this.split === high) {
      this.bits++;
      this.split = 0;
    }
  }
}

const INITIAL_BITS = 4;
/** Entries per bucket, on average, before one more bucket is split: two keeps a chain short. */
const LOAD = 2;
const CHUNK_BITS = 12;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
const SEGMENT_BITS = 14;
const SEGMENT_MASK = (1 << SEGMENT_BITS) - 1;

/** Murmur3's mixing over a key's words: every bit of the key reaches the low bits the buckets use. */
function hashWords(source: Uint32Array, at: number, words: number): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < words; i++) {
    h = Math.imul(h ^ source[at + i]!, 0x85ebca6b);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class ProtocoloIndex {
  /** Up to 18 digits in two words; 19 to 22 in three. */
  private readonly short = new LinearHashTable(2);
  private readonly long = new LinearHashTable(3);
  private readonly others = new Map<string, number>();
  private readonly key = new Uint32Array(3);

  /** How many distinct Protocolos were recorded. */
  get size(): number {
    return this.short.size + this.long.size + this.others.size;
  }

  /** The index recorded first for `protocolo`; when it is new, records `index` and returns undefined. */
  firstOrSet(protocolo: string, index: number): number | undefined {
    const words = this.pack(protocolo);
    if (words === 0) {
      const first = this.others.get(protocolo);
      // A copy: a string read from a file may be a slice of a large chunk, which it would keep alive.
      if (first === undefined) this.others.set(Buffer.from(protocolo, 'utf8').toString('utf8'), index);
      return first;
    }
    const table = words === 2 ? this.short : this.long;
    return table.firstOrSet(this.key, hashWords(this.key, 0, words), index);
  }

  /**
   * Packs `protocolo` into this.key, nine digits a word from the right; the leftmost word starts with
   * a 1 before its digits (or, for 9 digits or fewer, before all of them, with a zero word ahead), so
   * that leading zeros and the length count. Returns the words used, or 0 when it is not 1 to 22 ASCII
   * digits.
   */
  private pack(protocolo: string): number {
    const n = protocolo.length;
    if (n === 0 || n > MAX_DIGITS) return 0;
    const words = n <= 2 * GROUP ? 2 : 3;
    // The leftmost word's digits: all of them up to 9 digits, else what is left of the groups of 9.
    const lead = n <= GROUP ? n : n - (words - 1) * GROUP;
    const key = this.key;
    let word = n <= GROUP ? 1 : 0;
    let value = 1;
    let end = lead;
    for (let i = 0; i < n; i++) {
      const d = protocolo.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return 0;
      value = value * 10 + d;
      if (i + 1 === end) {
        key[word++] = value;
        value = 0;
        end += GROUP;
      }
    }
    if (n <= GROUP) key[0] = 0;
    return words;
  }
}
