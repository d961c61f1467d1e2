/**
 * A reader for the plain form of a part of a list, in front of {@link ListaReader} (ADR 10): only
 * Documentos whose elements are the standard's, in its order, each where it belongs, with tags that
 * have no attribute or white space, text with only the predefined entities and character references,
 * and white space between elements. It answers with the records {@link ListaReader} would give, or
 * with nothing: then the part is read by {@link ListaReader}, which judges it. It never finds a
 * problem, so it never has to word one.
 *
 * Anything else is "not plain": a comment, CDATA or PI, a CR, a character XML does not allow, `]]>`,
 * an unknown, repeated or misplaced element, text between elements, a self-closing tag, an unknown
 * reference, a Documento over the size limit, invalid UTF-8.
 */

import { DocumentoLines } from './lines.js';
import { decodeReferences } from './references.js';
import { DOCUMENTO_ORDER, ITEM_HISTORICO_FIELDS, type DocumentoDraft } from './model.js';
import type { DocumentoRecord } from './reader.js';

// A strict UTF-8 decoder never yields a lone surrogate: only the characters XML forbids are sought.
// eslint-disable-next-line no-control-regex
const DISALLOWED = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;
const LEAVES = new Set(['Protocolo', 'DataHoraProducao', 'Especie', 'Assunto', 'IdentificacaoDocumento']);
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown inside the reader when the text is not plain: caught at the top, never escapes. */
class NotPlain extends Error {}
const notPlain = new NotPlain('not plain');

/**
 * Reads a part that lies between two cuts of a list (no prolog, no root tags, ending right after a
 * `</Documento>`), whose root has no attribute. Records are numbered from 1, lines counted from 1 at
 * the part's start. Undefined when the part is not plain.
 */
export function readPlainPart(bytes: Uint8Array, maxDocumento: number): { records: DocumentoRecord[]; line: number } | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return undefined;
  }
  if (DISALLOWED.test(text) || text.includes(']]>') || text.includes('<!') || text.includes('<?')) return undefined;
  try {
    return new PlainReader(text, maxDocumento).read();
  } catch (err) {
    if (err === notPlain) return undefined;
    throw err;
  }
}

class PlainReader {
  private at = 0;
  private line = 1;
  private readonly records: DocumentoRecord[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDocumento: number,
  ) {}

  read(): { records: DocumentoRecord[]; line: number } {
    let end = -1;
    for (;;) {
      this.space();
      // A part ends right at its cut, after a Documento's end tag: the reader's condition for "pristine".
      if (this.at === this.text.length) {
        if (end !== this.text.length) throw notPlain;
        return { records: this.records, line: this.line };
      }
      this.documento();
      end = this.at;
    }
  }

  private documento(): void {
    const start = this.at;
    this.open('Documento');
    const line = this.line;
    const draft: DocumentoDraft = {};
    const lines = new DocumentoLines();
    let order = -1;
    for (;;) {
      this.space();
      if (this.closes('Documento')) break;
      // Unknown, repeated or out of order: not plain, and the reader says which.
      order = this.openNext(DOCUMENTO_ORDER, order + 1);
      const name = DOCUMENTO_ORDER[order]!;
      lines.top[name] = this.line;
      if (LEAVES.has(name)) (draft as Record<string, string>)[name] = this.leaf(name);
      else if (name === 'ListaProtocolosRelacionados') {
        const list: string[] = [];
        draft.ListaProtocolosRelacionados = { ProtocoloRelacionado: list };
        this.children(name, () => {
          this.open('ProtocoloRelacionado');
          lines.relacionados.push(this.line);
          list.push(this.leaf('ProtocoloRelacionado'));
        });
      } else if (name === 'ListaInteressados') {
        const list: Array<{ NomeInteressado?: string }> = [];
        draft.ListaInteressados = { Interessado: list };
        this.children(name, () => {
          this.open('Interessado');
          const interessado: { NomeInteressado?: string } = {};
          list.push(interessado);
          lines.interessados.push(this.line);
          this.space();
          if (this.closes('Interessado')) return;
          this.open('NomeInteressado');
          lines.interessados[lines.interessados.length - 1] = this.line;
          interessado.NomeInteressado = this.leaf('NomeInteressado');
          this.space();
          if (!this.closes('Interessado')) throw notPlain;
        });
      } else {
        const items: Array<Record<string, string>> = [];
        draft.Historico = { ItemHistorico: items };
        this.children(name, () => {
          this.open('ItemHistorico');
          const item: Record<string, string> = {};
          items.push(item);
          const itemLines: Record<string, number> & { self: number } = { self: this.line };
          lines.items.push(itemLines);
          let field = -1;
          for (;;) {
            this.space();
            if (this.closes('ItemHistorico')) return;
            field = this.openNext(ITEM_HISTORICO_FIELDS, field + 1);
            const child = ITEM_HISTORICO_FIELDS[field]!;
            itemLines[child] = this.line;
            item[child] = this.leaf(child);
          }
        });
      }
    }
    if (this.at - start > this.maxDocumento) throw notPlain; // the reader decides what is kept of it
    this.records.push({
      kind: 'documento',
      index: this.records.length + 1,
      line,
      endLine: this.line,
      documento: draft,
      xml: this.text.slice(start, this.at),
      rootNamespaces: '',
      lines,
      problems: [],
      ignored: [],
      reordered: [],
    });
  }

  /** The children of a list element, each read by `child`, up to the list's end tag. */
  private children(name: string, child: () => void): void {
    for (;;) {
      this.space();
      if (this.closes(name)) return;
      child();
    }
  }

  /** A leaf's text up to its end tag, references decoded. */
  private leaf(name: string): string {
    const lt = this.text.indexOf('<', this.at);
    if (lt === -1) throw notPlain;
    const raw = this.text.slice(this.at, lt);
    this.at = lt;
    this.countLines(raw);
    if (!this.closes(name)) throw notPlain; // mixed content, or another end tag
    const text = decodeReferences(raw);
    if (text === undefined) throw notPlain; // the reader says what is wrong with the reference
    return text;
  }

  /** Takes the start tag `<name>`, without attributes or white space. */
  private open(name: string): void {
    if (!this.takes(name)) throw notPlain;
  }

  /** Takes the start tag of one of `names[from…]`, without attributes or white space: its index. */
  private openNext(names: readonly string[], from: number): number {
    for (let k = from; k < names.length; k++) if (this.takes(names[k]!)) return k;
    throw notPlain;
  }

  private takes(name: string): boolean {
    const text = this.text;
    const end = this.at + 1 + name.length;
    if (text.charCodeAt(this.at) !== 0x3c || text.charCodeAt(end) !== 0x3e || !text.startsWith(name, this.at + 1)) return false;
    this.at = end + 1;
    return true;
  }

  /** Takes `</name>` when it is next. */
  private closes(name: string): boolean {
    const text = this.text;
    if (text.charCodeAt(this.at) !== 0x3c || text.charCodeAt(this.at + 1) !== 0x2f) return false;
    const end = this.at + 2 + name.length;
    if (text.charCodeAt(end) !== 0x3e || !text.startsWith(name, this.at + 2)) throw notPlain;
    this.at = end + 1;
    return true;
  }

  /** White space (space, tab, line feed), counting lines. */
  private space(): void {
    const text = this.text;
    let i = this.at;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.line++;
      else if (c !== 0x20 && c !== 0x09) break;
      i++;
    }
    if (i < text.length && text.charCodeAt(i) !== 0x3c) throw notPlain; // text between elements
    this.at = i;
  }

  private countLines(s: string): void {
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) this.line++;
  }
}
