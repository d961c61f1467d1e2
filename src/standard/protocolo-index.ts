/**
 * The first position of each Protocolo of a list, for the duplicate check of a whole file. A Map of
 * strings costs about 100 bytes a Protocolo, which made a 500,000-Documento file a quarter heavier
 * than a 100,000 one; here a protocol number costs its digits packed two to a byte in an
 * open-addressing table cut in 256 shards, 16 bytes a slot, at most 80 % full. Exact: the keys are the digits themselves, not
 * hashes. Anything that is not 1 to 22 ASCII digits (an invalid Protocolo) goes to a plain Map.
 */

/** Bytes of a packed key: the length, then up to 22 digits, two a byte. */
const SLOT = 12;
const MAX_DIGITS = (SLOT - 1) * 2;
/**
 * The table is cut into shards by hash, each growing on its own: a table grown at once holds its old
 * and new arrays together (at 500,000 Protocolos, 7 MB beside 11), a shard only 1/256 of that.
 */
const SHARD_BITS = 8;
const INITIAL_SLOTS = 16;
/**
 * A shard grows by half when this full. One that doubles is, just after growing, half empty, and
 * probes stay a few at this load.
 */
const MAX_LOAD = 0.8;
const GROWTH = 1.5;

interface Shard {
  keys: Uint8Array;
  /** The first index + 1 of each slot; 0 marks an empty slot. */
  values: Int32Array;
  used: number;
}

export class ProtocoloIndex {
  private readonly shards: Shard[] = Array.from({ length: 1 << SHARD_BITS }, () => ({
    keys: new Uint8Array(SLOT * INITIAL_SLOTS),
    values: new Int32Array(INITIAL_SLOTS),
    used: 0,
  }));
  private used = 0;
  private readonly others = new Map<string, number>();
  private readonly key = new Uint8Array(SLOT);

  /** How many distinct Protocolos were recorded. */
  get size(): number {
    return this.used + this.others.size;
  }

  /** The index recorded first for `protocolo`; when it is new, records `index` and returns undefined. */
  firstOrSet(protocolo: string, index: number): number | undefined {
    if (!this.pack(protocolo)) {
      const first = this.others.get(protocolo);
      // A copy: a string read from a file may be a slice of a large chunk, which it would keep alive.
      if (first === undefined) this.others.set(Buffer.from(protocolo, 'utf8').toString('utf8'), index);
      return first;
    }
    const h = hash(this.key);
    const shard = this.shards[h >>> (32 - SHARD_BITS)]!;
    const slot = find(this.key, h, shard.keys, shard.values);
    if (shard.values[slot] !== 0) return shard.values[slot]! - 1;
    shard.keys.set(this.key, slot * SLOT);
    shard.values[slot] = index + 1;
    this.used++;
    if (++shard.used > shard.values.length * MAX_LOAD) grow(shard);
    return undefined;
  }

  /** Packs `protocolo` into this.key; false when it is not 1 to 22 ASCII digits. */
  private pack(protocolo: string): boolean {
    const n = protocolo.length;
    if (n === 0 || n > MAX_DIGITS) return false;
    const key = this.key;
    key.fill(0);
    key[0] = n;
    for (let i = 0; i < n; i++) {
      const d = protocolo.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      // 1 + d keeps a digit apart from the zero of an unused half byte.
      const at = 1 + (i >> 1);
      key[at] = key[at]! | ((1 + d) << ((i & 1) * 4));
    }
    return true;
  }
}

/** FNV-1a over the packed bytes: its top bits choose the shard, the whole the slot. */
function hash(key: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < SLOT; i++) h = Math.imul(h ^ key[i]!, 0x01000193);
  return h >>> 0;
}

/** The slot holding `key` (of hash `h`), or the empty slot where it goes. */
function find(key: Uint8Array, h: number, keys: Uint8Array, values: Int32Array): number {
  const slots = values.length;
  for (let slot = h % slots; ; slot = slot + 1 === slots ? 0 : slot + 1) {
    if (values[slot] === 0) return slot;
    let same = true;
    const at = slot * SLOT;
    for (let i = 0; i < SLOT && same; i++) same = keys[at + i] === key[i];
    if (same) return slot;
  }
}

function grow(shard: Shard): void {
  const { keys: oldKeys, values: oldValues } = shard;
  const size = Math.ceil(oldValues.length * GROWTH);
  const keys = new Uint8Array(size * SLOT);
  const values = new Int32Array(size);
  for (let slot = 0; slot < oldValues.length; slot++) {
    if (oldValues[slot] === 0) continue;
    const key = oldKeys.subarray(slot * SLOT, slot * SLOT + SLOT);
    const to = find(key, hash(key), keys, values);
    keys.set(key, to * SLOT);
    values[to] = oldValues[slot]!;
  }
  shard.keys = keys;
  shard.values = values;
}
