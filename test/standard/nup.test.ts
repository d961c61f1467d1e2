import { describe, expect, it } from 'vitest';
import { formatNup, isValidNup, nupCheckDigits } from '../../src/standard/nup.js';

describe('NUP check digits', () => {
  it('matches the worked example of the reference (PI portal, issue #37)', () => {
    expect(nupCheckDigits('186000566872023')).toBe('39');
    expect(isValidNup('18600056687202339')).toBe(true);
  });

  it("matches PEN's test numbers of the 99991 organ", () => {
    expect(nupCheckDigits('999910000072025')).toBe('30');
    expect(nupCheckDigits('999910000032025')).toBe('51');
  });

  it('refuses wrong check digits, wrong lengths and non-digits', () => {
    expect(isValidNup('18600056687202338')).toBe(false);
    expect(isValidNup('18600056687202393')).toBe(false);
    expect(isValidNup('1860005668720233')).toBe(false);
    expect(isValidNup('18600.056687/2023-39')).toBe(false);
    expect(() => nupCheckDigits('12345')).toThrow(RangeError);
  });

  it('subtracts 10 when 11 - (sum mod 11) is above 9', () => {
    // Brute force: every base has digits in 0..9, and each digit obeys the mod-11 rule.
    for (let i = 0; i < 2000; i++) {
      const base = String(100000000000000 + i * 7919).padStart(15, '0');
      const dv = nupCheckDigits(base);
      expect(dv).toMatch(/^[0-9]{2}$/);
      const weights = (digits: string): number => [...digits].reverse().reduce((sum, d, k) => sum + Number(d) * (k + 2), 0);
      const r1 = 11 - (weights(base) % 11);
      expect(Number(dv[0])).toBe(r1 > 9 ? r1 - 10 : r1);
    }
  });

  it('formats 17 digits the way the portal shows them', () => {
    expect(formatNup('18600056687202339')).toBe('18600.056687/2023-39');
    expect(formatNup('9999100001225')).toBe('9999100001225');
  });
});
