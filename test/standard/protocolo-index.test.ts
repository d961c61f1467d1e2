import { describe, expect, it } from 'vitest';
import { ProtocoloIndex } from '../../src/standard/protocolo-index.js';

describe('ProtocoloIndex (the duplicate check of a whole list)', () => {
  it('is exact: leading zeros, lengths and every digit count; what is not digits still works', () => {
    const index = new ProtocoloIndex();
    const keys = [
      '123',
      '0123',
      '00123',
      '1230',
      '99991000007202530',
      '99991000007202531',
      '999910000072025301234',
      '0',
      '9',
      '12.3',
      'abc',
      '',
      '1'.repeat(22),
      '1'.repeat(23),
    ];
    keys.forEach((k, i) => expect(index.firstOrSet(k, i), k).toBeUndefined());
    keys.forEach((k, i) => expect(index.firstOrSet(k, 100 + i), k).toBe(i));
    expect(index.size).toBe(keys.length);
  });

  it('agrees with a Map over 300,000 random protocol numbers and their repeats, across every growth', () => {
    const index = new ProtocoloIndex();
    const reference = new Map<string, number>();
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 300_000; i++) {
      // Mostly 17-digit NUPs from a narrow range (many repeats), some of the other lengths the PI knows.
      const length = [13, 14, 15, 17, 17, 17, 21][Math.floor(random() * 7)]!;
      const key = Array.from({ length }, (_, k) => (k < length - 5 ? '9' : String(Math.floor(random() * 10)))).join('');
      const expected = reference.get(key);
      if (expected === undefined) reference.set(key, i);
      expect(index.firstOrSet(key, i)).toBe(expected);
    }
    expect(index.size).toBe(reference.size);
  });
});
