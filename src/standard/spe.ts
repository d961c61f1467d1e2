/**
 * What an SPE says about one process and one movement, as the mapping reads it and the state store
 * keeps it, before either becomes part of a Documento. Here, below both, so that neither the sources
 * nor the store import the other.
 */

/** Access level of a process: only público is published (restrito when the agency enables it). */
export type Access = 'publico' | 'restrito' | 'sigiloso' | 'unknown';

export interface ProcessRecord {
  speId: string;
  access: Access;
  publishable: boolean;
  protocolo?: string | undefined;
  dataHoraProducao?: string | undefined;
  especie?: string | undefined;
  assunto?: string | undefined;
}

export interface ItemRecord {
  speKey: string;
  process: string;
  dataHoraOperacao: string;
  unidadeOperacao: string;
  operacao: string;
}
