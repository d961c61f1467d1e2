/**
 * Canonical XML for Documentos: UTF-8, elements in the standard's order, one escape function.
 * `indent: true` gives a readable file (two spaces per level); `indent: false` gives the one-line form
 * that goes on the wire. Either way, reading the output back gives the same Documento.
 */

import { t } from '../i18n/translate.js';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { PiSenderError } from '../errors.js';
import { DOCUMENTO_ORDER, ITEM_HISTORICO_FIELDS, type DocumentoDraft } from './model.js';

/** Options of the XML writer. */
export interface WriteOptions {
  /** Pretty-print with two spaces per level (default true for files, false on the wire). */
  indent?: boolean;
  /**
   * What to do with a character XML 1.0 cannot carry (C0 controls other than TAB/LF/CR, lone
   * surrogates, U+FFFE/U+FFFF): `throw` (default) or `replace` with U+FFFD (used to run the XSD on
   * a Documento that the rules already reported).
   */
  invalidCharacters?: 'throw' | 'replace';
}

// Characters that need an escape in text content. TAB, LF and CR are written as character references
// so that they survive a round trip (a parser turns a raw CR into LF) and the wire form stays on one line.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const ESCAPABLE = /[&<>\u0000-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/** Escapes text content for XML 1.0. */
export function escapeXmlText(s: string, invalidCharacters: 'throw' | 'replace' = 'throw'): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPABLE, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      case '\r':
        return '&#13;';
    }
    if (ch.length === 2) return ch; // a valid surrogate pair
    if (invalidCharacters === 'replace') return '\ufffd';
    const cp = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new PiSenderError('ERR_INVALID_CHARACTER', t('write.character', { code: cp }));
  });
}

class XmlBuilder {
  // Appended to one string: V8 keeps the pieces as a rope, cheaper than an array of ~60 parts to join.
  private out = '';
  constructor(
    private readonly indent: boolean,
    private readonly invalid: 'throw' | 'replace',
  ) {}

  private pad(depth: number): void {
    if (this.indent) this.out += `\n${'  '.repeat(depth)}`;
  }

  open(name: string, depth: number): void {
    this.pad(depth);
    this.out += `<${name}>`;
  }

  close(name: string, depth: number): void {
    this.pad(depth);
    this.out += `</${name}>`;
  }

  leaf(name: string, value: string | undefined, depth: number): void {
    if (value === undefined) return;
    this.pad(depth);
    this.out += `<${name}>${escapeXmlText(value, this.invalid)}</${name}>`;
  }

  toString(): string {
    return this.out;
  }
}

/**
 * The elements {@link documentoXml} writes inside each element, in its order, from the draft's key of
 * the same name: what the compiled schema's check of a draft (compiled-schema.ts) relies on, and what
 * its differential test holds the writer to. Keys of `REPEATED_ELEMENTS` are arrays, one element each.
 */
export const WRITTEN_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  Documento: DOCUMENTO_ORDER,
  ListaProtocolosRelacionados: ['ProtocoloRelacionado'],
  ListaInteressados: ['Interessado'],
  Interessado: ['NomeInteressado'],
  Historico: ['ItemHistorico'],
  ItemHistorico: ITEM_HISTORICO_FIELDS,
};
export const REPEATED_ELEMENTS: ReadonlySet<string> = new Set(['ProtocoloRelacionado', 'Interessado', 'ItemHistorico']);
/** Lists {@link documentoXml} leaves out when their array (the key given) is missing or empty. */
export const OMITTED_WHEN_EMPTY: Readonly<Record<string, string>> = { ListaProtocolosRelacionados: 'ProtocoloRelacionado', ListaInteressados: 'Interessado' };

/**
 * The `<Documento>` element of a Documento, in the standard's element order. Missing elements are left
 * out (the XSD then reports them); empty lists are left out, as the SEI module does.
 * @param depth indentation level of `<Documento>` itself (1 inside a ListaDocumentos file)
 */
export function documentoXml(doc: DocumentoDraft, options: WriteOptions = {}, depth = 0): string {
  const b = new XmlBuilder(options.indent ?? false, options.invalidCharacters ?? 'throw');
  const d = depth;
  b.open('Documento', d);
  b.leaf('Protocolo', doc.Protocolo, d + 1);
  b.leaf('DataHoraProducao', doc.DataHoraProducao, d + 1);
  b.leaf('Especie', doc.Especie, d + 1);
  b.leaf('Assunto', doc.Assunto, d + 1);
  b.leaf('IdentificacaoDocumento', doc.IdentificacaoDocumento, d + 1);
  const relacionados = doc.ListaProtocolosRelacionados?.ProtocoloRelacionado ?? [];
  if (relacionados.length > 0) {
    b.open('ListaProtocolosRelacionados', d + 1);
    for (const p of relacionados) b.leaf('ProtocoloRelacionado', p, d + 2);
    b.close('ListaProtocolosRelacionados', d + 1);
  }
  const interessados = doc.ListaInteressados?.Interessado ?? [];
  if (interessados.length > 0) {
    b.open('ListaInteressados', d + 1);
    for (const i of interessados) {
      b.open('Interessado', d + 2);
      b.leaf('NomeInteressado', i.NomeInteressado, d + 3);
      b.close('Interessado', d + 2);
    }
    b.close('ListaInteressados', d + 1);
  }
  if (doc.Historico !== undefined) {
    b.open('Historico', d + 1);
    for (const item of doc.Historico.ItemHistorico ?? []) {
      b.open('ItemHistorico', d + 2);
      b.leaf('DataHoraOperacao', item.DataHoraOperacao, d + 3);
      b.leaf('UnidadeOperacao', item.UnidadeOperacao, d + 3);
      b.leaf('Operacao', item.Operacao, d + 3);
      b.close('ItemHistorico', d + 2);
    }
    b.close('Historico', d + 1);
  }
  b.close('Documento', d);
  const xml = b.toString();
  // The first pad (newline + indentation) belongs to the caller's layout, not to the element.
  return options.indent ? xml.slice(1 + 2 * depth) : xml;
}

/** A whole `ListaDocumentos` as one string (for small lists and SOAP bodies). */
export function listaDocumentosXml(docs: Iterable<DocumentoDraft>, options: WriteOptions = {}): string {
  const indent = options.indent ?? false;
  const parts = ['<ListaDocumentos>'];
  for (const doc of docs) {
    if (indent) parts.push('\n  ');
    parts.push(documentoXml(doc, options, indent ? 1 : 0));
  }
  parts.push(indent ? '\n</ListaDocumentos>' : '</ListaDocumentos>');
  return parts.join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Writes a ListaDocumentos file to a stream one Documento at a time, honouring back-pressure, so a list
 * of any length is written in constant memory.
 */
export class ListaDocumentosWriter {
  private started = false;
  private count = 0;
  private readonly indent: boolean;

  constructor(
    private readonly out: Writable,
    private readonly options: WriteOptions = {},
  ) {
    this.indent = options.indent ?? true;
  }

  get documentos(): number {
    return this.count;
  }

  private async put(chunk: string): Promise<void> {
    if (!this.out.write(chunk, 'utf8')) await once(this.out, 'drain');
  }

  async write(doc: DocumentoDraft): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.put(`${XML_DECLARATION}\n<ListaDocumentos>`);
    }
    const xml = documentoXml(doc, { ...this.options, indent: this.indent }, this.indent ? 1 : 0);
    this.count++;
    await this.put(this.indent ? `\n  ${xml}` : xml);
  }

  /** Closes the list (and the stream unless `keepOpen`). An empty list is still written, and is invalid. */
  async end(keepOpen = false): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.put(`${XML_DECLARATION}\n<ListaDocumentos>`);
    }
    await this.put(this.indent ? '\n</ListaDocumentos>\n' : '</ListaDocumentos>\n');
    if (!keepOpen) {
      this.out.end();
      await once(this.out, 'finish');
    }
  }
}

/** Writes Documentos from any (async) iterable as one ListaDocumentos file. */
export async function writeListaDocumentos(
  docs: Iterable<DocumentoDraft> | AsyncIterable<DocumentoDraft>,
  out: Writable,
  options: WriteOptions = {},
): Promise<number> {
  const writer = new ListaDocumentosWriter(out, options);
  for await (const doc of docs) await writer.write(doc);
  await writer.end();
  return writer.documentos;
}
