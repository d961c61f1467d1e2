/**
 * The Documento as the PI's REST API carries it (reference §1.7, from the SEI module's REST client,
 * branch feature/v3.1.0): the same facts as the XML standard under other names, plus fields the XML
 * has no place for (an interessado's `cpf` and `natureza`). What the SEI module leaves empty is sent
 * as null or an empty list, as it does.
 */

import type { DocumentoDraft } from './model.js';

export interface RestInteressado {
  id: null;
  nome: string;
  natureza: string | null;
  cpf: string | null;
  cnpj: null;
  documento: null;
}

export interface RestItemHistorico {
  id: null;
  unidade: string;
  operacao: string;
  documento: null;
  dataHoraOperacao: string;
  atualizadoEm: null;
}

export interface RestDocumento {
  protocolo: string;
  dataHoraProducao: string;
  dataHoraProducaoTz: null;
  especie: string;
  assunto: string;
  interessados: RestInteressado[];
  protocoloRelacionados: string[];
  protocoloAnteriores: string[];
  historico: RestItemHistorico[];
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A Documento of the standard in the REST form: an interessado's `cpf` and `natureza` go as given, else null. */
export function restDocumento(d: DocumentoDraft): RestDocumento {
  return {
    protocolo: d.Protocolo ?? '',
    dataHoraProducao: d.DataHoraProducao ?? '',
    dataHoraProducaoTz: null,
    especie: d.Especie ?? '',
    assunto: d.Assunto ?? '',
    interessados: list(d.ListaInteressados?.Interessado).map((i) => ({
      id: null,
      nome: i.NomeInteressado ?? '',
      natureza: i.natureza ?? null,
      cpf: i.cpf ?? null,
      cnpj: null,
      documento: null,
    })),
    protocoloRelacionados: list(d.ListaProtocolosRelacionados?.ProtocoloRelacionado),
    protocoloAnteriores: [],
    historico: list(d.Historico?.ItemHistorico).map((h) => ({
      id: null,
      unidade: h.UnidadeOperacao ?? '',
      operacao: h.Operacao ?? '',
      documento: null,
      dataHoraOperacao: h.DataHoraOperacao ?? '',
      atualizadoEm: null,
    })),
  };
}

/** A REST Documento (as received: any shape) as a draft of the standard, for the simulator's checks. */
export function draftOfRest(value: unknown): DocumentoDraft {
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v));
  const items = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
  const interessados = items(o['interessados']).map((i) => {
    const out: { NomeInteressado: string; cpf?: string; natureza?: string } = { NomeInteressado: text(i['nome']) ?? '' };
    const cpf = text(i['cpf']);
    const natureza = text(i['natureza']);
    if (cpf !== undefined) out.cpf = cpf;
    if (natureza !== undefined) out.natureza = natureza;
    return out;
  });
  const relacionados = (Array.isArray(o['protocoloRelacionados']) ? o['protocoloRelacionados'] : []).map((p) => text(p) ?? '');
  const historico = items(o['historico']).map((h) => ({
    DataHoraOperacao: text(h['dataHoraOperacao']) ?? '',
    UnidadeOperacao: text(h['unidade']) ?? '',
    Operacao: text(h['operacao']) ?? '',
  }));
  const draft: DocumentoDraft = {};
  const set = <K extends keyof DocumentoDraft>(k: K, v: DocumentoDraft[K] | undefined): void => {
    if (v !== undefined) draft[k] = v;
  };
  set('Protocolo', text(o['protocolo']));
  set('DataHoraProducao', text(o['dataHoraProducao']));
  set('Especie', text(o['especie']));
  set('Assunto', text(o['assunto']));
  if (relacionados.length) draft.ListaProtocolosRelacionados = { ProtocoloRelacionado: relacionados };
  if (interessados.length) draft.ListaInteressados = { Interessado: interessados };
  draft.Historico = { ItemHistorico: historico };
  return draft;
}
