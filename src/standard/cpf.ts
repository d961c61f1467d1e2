/**
 * CPFs inside interessado names, found and masked exactly as the SEI module does
 * (`gerarNomeInteressadoComCpfEscondido`): `123.456.789-09` → `***.456.78*-**`, `12345678909` → `***45678***`;
 * and the interessado's own CPF, which only the REST API carries.
 */

import type { DocumentoDraft, InteressadoExtra } from './model.js';

/**
 * The SEI module's pattern for a CPF-like substring (formatted or not), widened to full-width digits,
 * dot and hyphen (`１２３．４５６...`): a CPF typed on a Japanese or Chinese keyboard layout, or pasted
 * from a PDF, is the same CPF and must be masked like any other.
 */
const CPF_LIKE = /[0-9\uff10-\uff19]{3}[.\uff0e]?[0-9\uff10-\uff19]{3}[.\uff0e]?[0-9\uff10-\uff19]{3}[-\uff0d]?[0-9\uff10-\uff19]{2}/g;

/** A CPF-like match in ASCII (full-width forms folded), as the SEI pattern sees it. */
function ascii(match: string): string {
  return match.normalize('NFKC');
}

/** True for a valid CPF (any formatting): 11 digits, not all equal, both mod-11 check digits right. */
export function isValidCpf(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '').padStart(11, '0');
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  for (const length of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += (digits.charCodeAt(i) - 48) * (length + 1 - i);
    const dv = ((sum * 10) % 11) % 10;
    if (dv !== digits.charCodeAt(length) - 48) return false;
  }
  return true;
}

/** The SEI module's mask for one matched CPF (the match is ASCII, so byte and character offsets agree). */
export function maskCpf(match: string): string {
  const masked = `***${match.substring(3, match.length - 2)}`;
  return masked.endsWith('-') ? `${masked.slice(0, -2)}*-**` : `${masked.slice(0, -1)}***`;
}

export interface CpfMatch {
  /** Offset (UTF-16 index) of the match in the text. */
  index: number;
  length: number;
}

/** The pattern without the global flag: to ask whether there is a match at all. */
const ANY_CPF_LIKE = new RegExp(CPF_LIKE.source);

/** Every valid, unmasked CPF inside a text, in order (non-overlapping matches of the SEI pattern). */
export function findCpfs(text: string): CpfMatch[] {
  // matchAll copies the expression for each text: most names hold nothing like a CPF.
  if (!ANY_CPF_LIKE.test(text)) return [];
  const found: CpfMatch[] = [];
  for (const m of text.matchAll(CPF_LIKE)) {
    if (isValidCpf(ascii(m[0]))) found.push({ index: m.index, length: m[0].length });
  }
  return found;
}

/**
 * Masks every valid CPF inside a name. The SEI module masks only the first CPF-like match; masking each
 * one with the same transformation is never less private and gives the same result for one CPF.
 */
export function maskCpfsInName(name: string): string {
  return name.replace(CPF_LIKE, maskIfCpf);
}

/** A match of the pattern, masked when it is a valid CPF and left as written otherwise. */
function maskIfCpf(match: string): string {
  return isValidCpf(ascii(match)) ? maskCpf(ascii(match)) : match;
}

// The same pattern, only where no digit touches it: a CPF quoted on its own in a message.
const CPF_ALONE = new RegExp(`(?<![0-9\\uff10-\\uff19])(?:${CPF_LIKE.source})(?![0-9\\uff10-\\uff19])`, 'g');

/**
 * Masks every valid CPF standing on its own in a text that is not a name: an answer of the PI, a
 * problem's message, a run's error. Eleven digits inside a longer number, such as the first eleven of
 * a 17-digit Protocolo the PI quotes back, are not a CPF there and stay as written; names keep the SEI
 * module's pattern ({@link maskCpfsInName}), which masks such digits too.
 */
export function maskCpfsInText(text: string): string {
  return text.replace(CPF_ALONE, maskIfCpf);
}

/**
 * The CPF and natureza of each interessado, by position, for the REST transport; undefined when no
 * interessado has either (nothing to send beyond the XML).
 */
export function interessadoExtras(doc: DocumentoDraft): Array<InteressadoExtra | undefined> | undefined {
  const list = doc.ListaInteressados?.Interessado ?? [];
  if (!list.some((i) => i.cpf !== undefined || i.natureza !== undefined)) return undefined;
  return list.map((i) => {
    if (i.cpf === undefined && i.natureza === undefined) return undefined;
    const extra: InteressadoExtra = {};
    if (i.cpf !== undefined) extra.cpf = i.cpf;
    if (i.natureza !== undefined) extra.natureza = i.natureza;
    return extra;
  });
}

/** The Documento without interessados' CPF and natureza: what is kept while pi.sendCpf is off. */
export function withoutCpfs<T extends DocumentoDraft>(doc: T): T {
  const list = doc.ListaInteressados?.Interessado;
  if (!Array.isArray(list) || !list.some((i) => i !== null && typeof i === 'object' && ('cpf' in i || 'natureza' in i))) return doc;
  return {
    ...doc,
    ListaInteressados: {
      ...doc.ListaInteressados,
      Interessado: list.map((i) => {
        if (i === null || typeof i !== 'object') return i;
        const { cpf: _cpf, natureza: _natureza, ...rest } = i;
        return rest;
      }),
    },
  };
}
