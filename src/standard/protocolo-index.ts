/**
 * The first position of each Protocolo of a list, for the duplicate check of a whole file. A Map of
 * strings costs about 100 bytes a Protocolo, which made a 500,000-Documento file a quarter heavier
 * than a 100,000 one; here a protocol number costs its digits packed two to a byte in an
 * open-addressing table, 16 bytes a slot, at most 80 % full. Exact: the keys are the digits themselves, not
 * hashes. Anything that is not 1 to 22 ASCII digits (an invalid Protocolo) goes to a plain Map.
 */

/** Bytes of a packed key: the length, then up to 22 digits, two a byte. */
const SLOT = 12;
const MAX_DIGITS = (SLOT - 1) * 2;
const INITIAL_SLOTS = 1024;
/**
 * Grows by half when this full. A table that doubles is, just after growing, half empty: at 500,000
 * Protocolos that was 16 MB where 11 MB serve, and probes stay a few at this load.
 */
const MAX_LOAD = 0.8;
const GROWTH = 1.5;

export class ProtocoloIndex {
  private keys = new Uint8Array(SLOT * INITIAL_SLOTS);
  /** The first index + 1 of each slot; 0 marks an empty slot. */
  private values = new Int32Array(INITIAL_SLOTS);
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
    const slot = this.find(this.key, this.keys, this.values);
    if (this.values[slot] !== 0) return this.values[slot]! - 1;
    this.keys.set(this.key, slot * SLOT);
    this.values[slot] = index + 1;
    if (++this.used > this.values.length * MAX_LOAD) this.grow();
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

  /** The slot holding `key`, or the empty slot where it goes. */
  private find(key: Uint8Array, keys: Uint8Array, values: Int32Array): number {
    // FNV-1a over the packed bytes.
    let h = 0x811c9dc5;
    for (let i = 0; i < SLOT; i++) h = Math.imul(h ^ key[i]!, 0x01000193);
    const slots = values.length;
    for (let slot = (h >>> 0) % slots; ; slot = slot + 1 === slots ? 0 : slot + 1) {
      if (values[slot] === 0) return slot;
      let same = true;
      const at = slot * SLOT;
      for (let i = 0; i < SLOT && same; i++) same = keys[at + i] === key[i];
      if (same) return slot;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const size = Math.ceil(oldValues.length * GROWTH);
    const keys = new Uint8Array(size * SLOT);
    const values = new Int32Array(size);
    for (let slot = 0; slot < oldValues.length; slot++) {
      if (oldValues[slot] === 0) continue;
      const key = oldKeys.subarray(slot * SLOT, slot * SLOT + SLOT);
      const to = this.find(key, keys, values);
      keys.set(key, to * SLOT);
      values[to] = oldValues[slot]!;
    }
    this.keys = keys;
    this.values = values;
  }
}
