/**
 * NUP (Número Único de Protocolo) check digits, as PEN's calculator computes them: over the 15 base
 * digits, weights 2, 3, 4, ... from the rightmost digit; r = 11 - (sum mod 11), minus 10 when above 9.
 * That is DV1; the same over the 16 digits gives DV2. Example: 186000566872023 → 39.
 */

function checkDigit(digits: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight++;
  }
  const r = 11 - (sum % 11);
  return r > 9 ? r - 10 : r;
}

/** The two check digits of a 15-digit NUP base (unit code, sequence, year). */
export function nupCheckDigits(base15: string): string {
  if (!/^[0-9]{15}$/.test(base15)) throw new RangeError('a NUP base has exactly 15 digits');
  const dv1 = checkDigit(base15);
  const dv2 = checkDigit(base15 + dv1);
  return `${dv1}${dv2}`;
}

/** True when a 17-digit number carries the right NUP check digits. */
export function isValidNup(nup17: string): boolean {
  return /^[0-9]{17}$/.test(nup17) && nupCheckDigits(nup17.slice(0, 15)) === nup17.slice(15);
}

/** Formats digits the way the PI portal shows them (17 digits: 00000.000000/0000-00); others unchanged. */
export function formatNup(digits: string): string {
  if (!/^[0-9]{17}$/.test(digits)) return digits;
  return `${digits.slice(0, 5)}.${digits.slice(5, 11)}/${digits.slice(11, 15)}-${digits.slice(15)}`;
}
