/**
 * Text clean-up shared by the normalizer and the rules: control characters, mojibake, lengths.
 * Lengths are in Unicode code points, as XSD's `maxLength` counts them.
 */

/** Number of Unicode code points (what XSD and the SEI module's mb_ functions count). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Cuts to at most `max` code points, ending in `...` when cut (as the SEI module does). */
export function truncate(s: string, max: number): string {
  // n UTF-16 units are at most n code points: most texts need no count.
  if (s.length <= max || codePointLength(s) <= max) return s;
  const kept = Array.from(s)
    .slice(0, max - 3)
    .join('')
    .trimEnd();
  return `${kept}...`;
}

/** Control characters: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** First control character in a text, or undefined. */
export function findControlCharacter(s: string): { index: number; codePoint: number } | undefined {
  const m = CONTROL_CHARACTER.exec(s);
  return m ? { index: m.index, codePoint: m[0].charCodeAt(0) } : undefined;
}

const MAYBE_FORBIDDEN = /[\ud800-\udfff\ufdd0-\uffff]/;

/**
 * The first character no text of the PI may hold: a lone surrogate (JavaScript strings can hold one,
 * XML cannot) or a non-character (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane), which XML 1.0
 * partly allows and the PI would store as garbage.
 */
export function findForbiddenCharacter(s: string): { index: number; codePoint: number; what: string } | undefined {
  // Every such character is a surrogate or in U+FDD0–U+FFFF: one scan finds the texts worth a look.
  if (!MAYBE_FORBIDDEN.test(s)) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 && c < 0xfdd0) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = s.codePointAt(i)!;
        if ((cp & 0xfffe) === 0xfffe) return { index: i, codePoint: cp, what: 'a non-character' };
        i++;
        continue;
      }
      return { index: i, codePoint: c, what: 'a lone surrogate' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, codePoint: c, what: 'a lone surrogate' };
    if ((c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff) return { index: i, codePoint: c, what: 'a non-character' };
  }
  return undefined;
}

/**
 * True when a text shows nothing: spaces, and invisible format characters (zero-width space and
 * joiners, word joiner, soft hyphen, BOM, Hangul fillers), which look blank on every screen.
 */
export function isBlank(s: string): boolean {
  // A printable ASCII character is neither a space nor invisible: most texts start with one.
  const c = s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return /^[\s\p{Cf}\p{Zs}\u034f\u115f\u1160\u3164\uffa0]*$/u.test(s);
}

/** `U+000A` style name of a code point, for messages. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

// Whitespace-like controls become one space so that two words are never glued together (the SEI module
// deletes them, turning "linha\nseguinte" into "linhaseguinte"). Other controls are deleted.
const SPACE_CONTROLS = /[ \t\n\v\f\r\u0085]*[\t\n\v\f\r\u0085][ \t\n\v\f\r\u0085]*/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Line breaks and tabs become single spaces, other control characters are removed. */
export function removeControlCharacters(s: string): string {
  if (!CONTROL_CHARACTER.test(s)) return s; // both patterns find only control characters
  return s.replace(SPACE_CONTROLS, ' ').replace(OTHER_CONTROLS, '');
}

// --- mojibake: UTF-8 bytes that were decoded as Latin-1 / Windows-1252 ("aÃ§Ã£o" for "ação") ---

/** Windows-1252 characters for bytes 0x80–0x9F (where it differs from Latin-1). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

const CONTINUATION_CHARS = `\\u0080-\\u00bf${Object.keys(CP1252_HIGH)
  .map((k) => `\\u${Number(k).toString(16).padStart(4, '0')}`)
  .join('')}`;
/** A UTF-8 lead byte (as Latin-1) followed by 1–3 continuation bytes (as Latin-1 or Windows-1252). */
const MOJIBAKE_RUN = new RegExp(`[\\u00c2-\\u00f4][${CONTINUATION_CHARS}]{1,3}`, 'g');
/** Whether a text has any such run at all: an accented Portuguese text ("ação") has none. */
const MOJIBAKE_START = new RegExp(`[\\u00c2-\\u00f4][${CONTINUATION_CHARS}]`);

function byteOf(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  if (c <= 0xff) return c;
  return CP1252_HIGH[c];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a run as UTF-8 if it is exactly one complete, valid sequence; otherwise undefined. */
function decodeRun(run: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of run) {
    const b = byteOf(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  const lead = bytes[0]!;
  const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (bytes.length < expected) return undefined;
  try {
    const decoded = strictUtf8.decode(Uint8Array.from(bytes.slice(0, expected)));
    return decoded + run.slice(expected);
  } catch {
    return undefined;
  }
}

/**
 * Repairs UTF-8 text that was read as Latin-1/Windows-1252 somewhere upstream ("AÃ§Ã£o" → "Ação"),
 * sequence by sequence, so a text mixing good and broken parts is repaired too. A sequence is changed
 * only when it is a complete, valid UTF-8 encoding; anything else is left exactly as it was.
 */
export function repairMojibake(s: string): string {
  if (!MOJIBAKE_START.test(s)) return s;
  return s.replace(MOJIBAKE_RUN, (run) => {
    // A run may be a 2-byte sequence followed by a character that only looked like a continuation.
    const fixed = decodeRun(run);
    if (fixed !== undefined) return fixed;
    const shorter = run.length > 2 ? decodeRun(run.slice(0, 2)) : undefined;
    return shorter !== undefined ? shorter + run.slice(2) : run;
  });
}
