/**
 * Problems found in a ListaDocumentos: what `pi-sender validate` prints and what the send paths record
 * for an invalid Documento. Codes are stable; docs/data-standard.md documents each one (a test checks).
 */

export type Severity = 'error' | 'warning';

/** A problem found in a Documento or in a ListaDocumentos file. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** One sentence in English, using PI's own terms; never contains a full CPF. */
  message: string;
  /** Path inside the Documento, XPath-like with 1-based indexes: `Historico/ItemHistorico[2]/Operacao`. */
  field?: string;
  /** Line in the input file (1-based), when the Documento came from a file. */
  line?: number;
  /** Column (1-based) where the parser stopped, for problems of the file itself. */
  column?: number;
}

/** What each problem code means and where its rule comes from. */
interface CodeInfo {
  /** Default severity; some codes are downgraded by the lenient profile (see rules.ts). */
  severity: Severity;
  summary: string;
}

/** Every problem code, with its default severity and what it means (documented in docs/data-standard.md). */
export const PROBLEM_CODES = {
  // --- the file as XML (reader) ---
  XML_MALFORMED: { severity: 'error', summary: 'The XML is not well-formed (mismatched tags, bad characters, bad syntax).' },
  XML_TRUNCATED: { severity: 'error', summary: 'The file ends before the XML is complete.' },
  XML_DOCTYPE: { severity: 'error', summary: 'A DOCTYPE or entity declaration: refused, never expanded (XXE, billion laughs).' },
  XML_ENCODING: { severity: 'error', summary: 'A declared or detected encoding other than UTF-8 or ISO-8859-1/Windows-1252.' },
  XML_ROOT: { severity: 'error', summary: 'The root element is not an unqualified ListaDocumentos.' },
  XML_UNEXPECTED_CONTENT: { severity: 'error', summary: 'Something other than Documento elements inside ListaDocumentos.' },
  XML_TOO_LARGE: { severity: 'error', summary: 'A Documento, text node or nesting level beyond the reader limits.' },
  LISTA_EMPTY: { severity: 'error', summary: 'ListaDocumentos has no Documento.' },
  UTF8_INVALID: {
    severity: 'error',
    summary: 'Bytes that are not valid UTF-8 in a UTF-8 file (a warning when send reads a lone Latin-1 letter as what it certainly is).',
  },
  CHARACTER_NOT_ALLOWED: {
    severity: 'error',
    summary:
      'A character XML 1.0 cannot carry or the PI would store damaged, raw or by reference: a control character, a surrogate, a non-character (U+FFFE, U+FDD0, ...).',
  },
  XML_MIXED_CONTENT: { severity: 'error', summary: 'An element inside the text of a field (`Pro<b>cesso</b>`): the text cannot be sent as written.' },
  XML_DROPPED: {
    severity: 'warning',
    summary: 'Something of the file that send leaves out: an attribute, a namespace declaration, text between elements.',
  },
  // --- the XSD (libxml2) ---
  XSD_ORDER: { severity: 'error', summary: 'A standard element out of the order of the standard.' },
  XSD_UNKNOWN_ELEMENT: { severity: 'error', summary: 'An element the standard does not define.' },
  XSD_MISSING_ELEMENT: { severity: 'error', summary: 'A required element is missing.' },
  XSD_REPEATED_ELEMENT: { severity: 'error', summary: 'An element allowed once appears again (only the first is read).' },
  XSD_PROTOCOLO_FORMAT: { severity: 'error', summary: 'A Protocolo or ProtocoloRelacionado that is not 13, 14, 15, 17 or 21 digits.' },
  XSD_DATETIME: { severity: 'error', summary: 'A value that is not an xs:dateTime.' },
  XSD_LENGTH: { severity: 'error', summary: 'A text that is empty or longer than its maximum.' },
  XSD_PATTERN: { severity: 'error', summary: 'A text that does not match its pattern (e.g. a line break inside Assunto).' },
  XSD_ATTRIBUTE: { severity: 'error', summary: 'An attribute on an element of the standard (the standard has none).' },
  XSD_INVALID: { severity: 'error', summary: 'Any other XSD violation.' },
  FIELD_TYPE: { severity: 'error', summary: 'A field of the wrong type in a Documento given as an object (e.g. a number for Protocolo).' },
  // --- rules beyond the XSD ---
  NUP_CHECK_DIGITS: { severity: 'error', summary: 'A 17-digit NUP whose two check digits are wrong.' },
  DATETIME_OFFSET: { severity: 'error', summary: 'A date-time without an explicit offset (Z or ±hh:mm); a warning in the lenient profile.' },
  CONTROL_CHARACTER: { severity: 'error', summary: 'A control character (line break, tab, C0/C1) inside a text.' },
  TEXT_BLANK: { severity: 'error', summary: 'A required text that is empty or only spaces.' },
  NOME_INTERESSADO_LENGTH: { severity: 'error', summary: 'NomeInteressado longer than 150 characters.' },
  UNIDADE_OPERACAO_LENGTH: { severity: 'error', summary: 'UnidadeOperacao longer than 300 characters.' },
  ESPECIE_LENGTH: { severity: 'error', summary: 'Especie longer than 50 characters (strict profile only).' },
  PROTOCOLO_DUPLICATE: { severity: 'error', summary: 'The same Protocolo twice in one ListaDocumentos.' },
  CPF_UNMASKED: { severity: 'warning', summary: 'A valid CPF, unmasked, inside NomeInteressado.' },
  CPF_INVALID: { severity: 'error', summary: "An interessado's cpf (REST API only) that is not 11 digits with valid check digits: never sent." },
  HISTORICO_ORDER: { severity: 'warning', summary: 'ItemHistorico not in chronological order.' },
  NORMALIZED: {
    severity: 'warning',
    summary: 'Something send changes before sending (punctuation of a protocol number, spaces, a repeated interessado, ...): the message says what.',
  },
} as const satisfies Record<string, CodeInfo>;

/** A stable problem code, such as `NUP_CHECK_DIGITS` or `XSD_ORDER`. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Builds a problem with the code's default severity. */
export function problem(code: ProblemCode, message: string, where: { field?: string; line?: number; column?: number } = {}): Problem {
  const p: Problem = { code, severity: PROBLEM_CODES[code].severity, message };
  if (where.field !== undefined) p.field = where.field;
  if (where.line !== undefined) p.line = where.line;
  if (where.column !== undefined) p.column = where.column;
  return p;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
