/**
 * The references XML allows without a DTD, as saxes and the ampersand guard take them: the five
 * predefined entities and character references of at most 7 decimal or 6 hexadecimal digits to a
 * character XML 1.0 allows. Shared by the two readers of the plain form (compiled-schema.ts,
 * plain-part.ts), which must agree with the full reader on what a text says.
 */

const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** `raw` with its references replaced; undefined when an `&` starts anything else, or a reference names a character XML forbids. */
export function decodeReferences(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  let ok = true;
  const text = raw.replace(REFERENCE, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return PREDEFINED[name]!;
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!xmlChar(cp)) ok = false;
    return ok ? String.fromCodePoint(cp) : '';
  });
  // A lone '&' is left after the replacement: not well-formed.
  return ok && !raw.replace(REFERENCE, '').includes('&') ? text : undefined;
}
