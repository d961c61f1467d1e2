/**
 * The simulators' HTTP helpers (listening and bodies live in ../http-server.ts, shared with the console).
 */

export { BodyTooLarge, listen, readBody, type Handler, type Listening, type ServerTls } from '../http-server.js';

/** A small seeded random generator (mulberry32): fault injection reproducible with a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Escapes a value for XML text or a double-quoted attribute, in what the simulators write. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
