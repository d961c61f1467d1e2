/**
 * The type restrictions of the interface document (§4.1) and the structure of every parameter type
 * (§4.2), as data: one table drives validation, the XML writer and the documentation test.
 */

import type { RequisicaoShape } from './operations.js';

export type Restriction =
  | { kind: 'int'; name: string; minDigits: number; maxDigits: number; values?: readonly number[]; positive?: boolean }
  | { kind: 'string'; name: string; min: number; max: number; pattern?: RegExp; patternText?: string }
  | { kind: 'decimal'; name: string }
  | { kind: 'boolean'; name: string };

const int = (name: string, minDigits: number, maxDigits: number, extra: { values?: readonly number[]; positive?: boolean } = {}): Restriction => ({
  kind: 'int',
  name,
  minDigits,
  maxDigits,
  ...extra,
});

/** §4.1, by the names the document gives them. */
export const RESTRICTIONS = {
  Ano: int('Ano', 4, 4),
  // The document's only value ("Informar RI"): any other two letters would reach SIAFI and be refused there.
  CodTpSPU: { kind: 'string', name: 'CodTpSPU', min: 2, max: 2, pattern: /^RI$/, patternText: '"RI"' },
  NumSPU: int('NumSPU', 1, 6),
  Observacao: { kind: 'string', name: 'Observação', min: 1, max: 468 },
  Parcela: int('Parcela', 1, 3),
  RIP: { kind: 'string', name: 'RIP', min: 8, max: 8, pattern: /^\d{8}$/, patternText: 'exactly 8 digits' },
  TipoBem: int('TipoBem', 1, 2),
  TipoClasseBem: int('TipoClasseBem', 1, 2, { values: [1, 2, 3] }),
  TipoGrupoRequisicao: int('TipoGrupoRequisicao', 1, 2, { values: [1, 2, 3, 4, 5, 6, 7, 8] }),
  TipoRequisicao: int('TipoRequisicao', 1, 4),
  UG: int('UG', 1, 6),
  Utilizacao: int('Utilizacao', 1, 4),
  Valor: { kind: 'decimal', name: 'Valor' },
  Boolean: { kind: 'boolean', name: 'boolean' },
} as const satisfies Record<string, Restriction>;

export interface Field {
  name: string;
  /** A restriction for a simple value, or the fields of a complex one. */
  type: Restriction | { kind: 'complex'; name: string; fields: readonly Field[] };
  min: 0 | 1;
  /** Highest number of occurrences; Infinity for the document's "n". */
  max: number;
}

const f = (name: string, type: Field['type'], min: 0 | 1 = 1, max = 1): Field => ({ name, type, min, max });
const complex = (name: string, fields: readonly Field[]): Field['type'] => ({ kind: 'complex', name, fields });

const R = RESTRICTIONS;
const DADOS_BEM = complex('DadosBem', [
  f('classeBem', R.TipoClasseBem),
  f('tipoBem', R.TipoBem),
  f('ripBem', R.RIP),
  f('utilizacaoBem', R.Utilizacao),
  f('parcelaBem', R.Parcela),
]);
const DADOS_PADRAO_BEM = complex('DadosPadraoBem', [f('dadosBem', DADOS_BEM), f('valorBem', R.Valor)]);
const DADOS_MUDANCA_BEM = complex('DadosMudancaBem', [f('dadosOrigemBem', DADOS_BEM), f('dadosDestinoBem', DADOS_BEM), f('valorBem', R.Valor)]);
const ITEM_LISTA = complex('ItemListaBensImoveis', [
  f('ripBem', R.RIP),
  f('utilizacaoBem', R.Utilizacao),
  f('parcelaBem', R.Parcela),
  f('valorDepreciacaoBem', R.Valor),
]);
const DADOS_DEPRECIACAO = complex('DadosDepreciacaoBens', [
  f('classeBens', R.TipoClasseBem),
  f('tipoBens', R.TipoBem),
  f('valorDepreciacaoBens', R.Valor),
  f('itemListaBensImoveis', ITEM_LISTA, 1, Infinity),
]);

const HEAD = [f('grupoRequisicao', R.TipoGrupoRequisicao), f('codTipoRequisicao', R.TipoRequisicao)];

/** The fields of each parameter shape, in wire order. */
export const SHAPES: Record<RequisicaoShape, readonly Field[]> = {
  padrao: [...HEAD, f('codUG', R.UG), f('observacao', R.Observacao), f('dadosPadraoBem', DADOS_PADRAO_BEM, 1, 100)],
  transferencia: [...HEAD, f('codUGOrigem', R.UG), f('codUGDestino', R.UG), f('observacao', R.Observacao), f('dadosMudancaBem', DADOS_MUDANCA_BEM, 1, 100)],
  reclassificacao: [...HEAD, f('codUG', R.UG), f('observacao', R.Observacao), f('dadosMudancaBem', DADOS_MUDANCA_BEM, 1, 100)],
  depreciacao: [
    ...HEAD,
    f('codUG', R.UG),
    f('depreciacaoMensal', R.Boolean, 0),
    f('observacao', R.Observacao),
    f('dadosDepreciacaoBens', DADOS_DEPRECIACAO, 1, 100),
  ],
  estorno: [
    ...HEAD,
    f('codUG', R.UG),
    f('anoRequisicaoSPU', R.Ano),
    f('codTipoRequisicaoSPU', R.CodTpSPU),
    f('numRequisicaoSPU', R.NumSPU),
    f('observacao', R.Observacao),
  ],
};

/** Header restrictions (§3.6.7.1): nomeSistemaSIAFI 1–11, ug 1–6 digits, nonce 1–64. */
export const HEADER_LIMITS = { nomeSistemaSIAFI: 11, ugDigits: 6, nonce: 64 } as const;
