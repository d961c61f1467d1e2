import type { Documento, DocumentoDraft } from '../../src/standard/model.js';
import { readListaDocumentos, type DocumentoRecord, type ListProblem, type ReadOptions } from '../../src/standard/reader.js';
import { nupCheckDigits } from '../../src/standard/nup.js';

/** A valid Documento (a fresh copy each call). */
export function validDocumento(overrides: Partial<Documento> = {}): Documento {
  return {
    Protocolo: '99991000007202530',
    DataHoraProducao: '2025-03-10T00:00:00-03:00',
    Especie: 'Processo',
    Assunto: 'Pedido de certidão - Requerimento de certidão de tempo de serviço',
    ListaProtocolosRelacionados: { ProtocoloRelacionado: ['99991000003202551'] },
    ListaInteressados: {
      Interessado: [{ NomeInteressado: 'Maria Exemplo da Silva (***.456.78*-**)' }, { NomeInteressado: 'Associação Fictícia & Cia <Teste>' }],
    },
    Historico: {
      ItemHistorico: [
        {
          DataHoraOperacao: '2025-03-10T09:15:02-03:00',
          UnidadeOperacao: 'Divisão de Protocolo/DIPRO/CGRL/Ministério Exemplo',
          Operacao: 'Processo público gerado',
        },
        { DataHoraOperacao: '2025-03-11T14:40:27-03:00', UnidadeOperacao: '', Operacao: 'Processo remetido pela unidade DIPRO' },
      ],
    },
    ...overrides,
  };
}

/** A valid NUP of the fictitious 99991 organ, numbered `n` in 2025. */
export function nup(n: number): string {
  const base = `99991${String(n).padStart(6, '0')}2025`;
  return base + nupCheckDigits(base);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

export interface ReadResult {
  records: DocumentoRecord[];
  listProblems: ListProblem[];
}

/** Reads a whole input and splits documentos from file problems. */
export async function readAll(input: string | Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const result: ReadResult = { records: [], listProblems: [] };
  for await (const ev of readListaDocumentos(bytes, options)) {
    if (ev.kind === 'documento') result.records.push(ev);
    else result.listProblems.push(ev);
  }
  return result;
}

export function codes(problems: Array<{ code: string }>): string[] {
  return problems.map((p) => p.code);
}

export type { DocumentoDraft };
