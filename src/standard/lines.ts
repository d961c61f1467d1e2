/**
 * The line of each element of a Documento read from a file, kept in a shape that mirrors the
 * Documento (cheap to fill for every element) and looked up by path only when a problem needs it.
 */

import type { FieldLines } from './rules.js';

interface ItemLines {
  self: number;
  DataHoraOperacao?: number;
  UnidadeOperacao?: number;
  Operacao?: number;
}

const PATH =
  /^(?:ListaProtocolosRelacionados(?:\/ProtocoloRelacionado\[(\d+)\])?|ListaInteressados(?:\/Interessado\[(\d+)\](?:\/NomeInteressado)?)?|Historico(?:\/ItemHistorico\[(\d+)\](?:\/(DataHoraOperacao|UnidadeOperacao|Operacao))?)?|([A-Za-z]+))$/;

export class DocumentoLines implements FieldLines {
  /** Lines of Documento's own children, by element name (first occurrence). */
  readonly top: Record<string, number> = {};
  readonly relacionados: number[] = [];
  /** Line of each Interessado's NomeInteressado (or of the Interessado when it has none). */
  readonly interessados: number[] = [];
  readonly items: ItemLines[] = [];

  get(field: string): number | undefined {
    const m = PATH.exec(field);
    if (!m) return undefined;
    const [, rel, int, item, itemField, name] = m;
    if (rel) return this.relacionados[Number(rel) - 1];
    if (int) return this.interessados[Number(int) - 1];
    if (item) {
      const lines = this.items[Number(item) - 1];
      return lines && (itemField ? (lines[itemField as keyof ItemLines] ?? lines.self) : lines.self);
    }
    return this.top[name ?? field.split('/')[0]!];
  }
}
