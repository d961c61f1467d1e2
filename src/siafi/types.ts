/**
 * The parameter types of the integrarSistemaSPUNet service, as section 4.2 of the STN interface
 * document ("Integrar com Sistema SPUNet", v1.0) names them. Field order is the wire order.
 *
 * Integers and decimals may be given as numbers or as strings of digits (a JSON file from another
 * system often quotes them); a RIP is always a string, because its leading zeros matter.
 */

/** An `int` of the document: a number, or a string of digits. */
export type Inteiro = number | string;

/** A `decimal` Valor: > 0, up to 15 integer and 2 decimal digits. A string (`"1500.25"`) avoids binary rounding. */
export type Valor = number | string;

/** DadosBem: one property (bem imóvel) as SIAFI knows it. */
export interface DadosBem {
  /** TipoClasseBem: 1 Bem dominial, 2 Bem de uso especial, 3 Bem de uso comum do povo. */
  classeBem: Inteiro;
  /** TipoBem, 1–2 digits. */
  tipoBem: Inteiro;
  /** RIP (Registro Imobiliário Patrimonial): exactly 8 digits, as a string. */
  ripBem: string;
  /** Utilizacao, 1–4 digits. */
  utilizacaoBem: Inteiro;
  /** Parcela, 1–3 digits. */
  parcelaBem: Inteiro;
}

/** DadosPadraoBem: a property and its value. */
export interface DadosPadraoBem {
  dadosBem: DadosBem;
  valorBem: Valor;
}

/** DadosMudancaBem: a property before and after a transfer or reclassification, and its value. */
export interface DadosMudancaBem {
  dadosOrigemBem: DadosBem;
  dadosDestinoBem: DadosBem;
  valorBem: Valor;
}

/** ItemListaBensImoveis: one property in a depreciation group. */
export interface ItemListaBensImoveis {
  ripBem: string;
  utilizacaoBem: Inteiro;
  parcelaBem: Inteiro;
  valorDepreciacaoBem: Valor;
}

/** DadosDepreciacaoBens: a depreciation group (class and type of property) and its items. */
export interface DadosDepreciacaoBens {
  classeBens: Inteiro;
  tipoBens: Inteiro;
  valorDepreciacaoBens: Valor;
  /** 1..n items. */
  itemListaBensImoveis: ItemListaBensImoveis[];
}

/**
 * The shape shared by SPURequisicaoIncorporacao (grupo 1), SPURequisicaoAvaliacao (2),
 * SPURequisicaoBaixa (4), SPURequisicaoAtualizacaoAnual (7) and SPURequisicaoAjustesContabeis (8).
 */
export interface SPURequisicaoPadrao {
  /** Fixed per operation; filled in when absent, refused when different. */
  grupoRequisicao?: Inteiro;
  /** TipoRequisicao, 1–4 digits. */
  codTipoRequisicao: Inteiro;
  /** UG, 1–6 digits. */
  codUG: Inteiro;
  /** Observação, 1–468 characters: why the requisition is made. */
  observacao: string;
  /** 1..100. */
  dadosPadraoBem: DadosPadraoBem[];
}

/** criarSPURequisicaoIncorporacao's parameter (grupo 1). */
export type SPURequisicaoIncorporacao = SPURequisicaoPadrao;
/** criarSPURequisicaoAvaliacao's parameter (grupo 2). */
export type SPURequisicaoAvaliacao = SPURequisicaoPadrao;
/** criarSPURequisicaoBaixa's parameter (grupo 4). */
export type SPURequisicaoBaixa = SPURequisicaoPadrao;
/** criarSPURequisicaoAtualizacaoAnual's parameter (grupo 7). */
export type SPURequisicaoAtualizacaoAnual = SPURequisicaoPadrao;
/** criarSPURequisicaoAjustesContabeis's parameter (grupo 8). */
export type SPURequisicaoAjustesContabeis = SPURequisicaoPadrao;

/** SPURequisicaoTransferencia (grupo 3): properties moving from one UG to another. */
export interface SPURequisicaoTransferencia {
  grupoRequisicao?: Inteiro;
  codTipoRequisicao: Inteiro;
  codUGOrigem: Inteiro;
  codUGDestino: Inteiro;
  observacao: string;
  /** 1..100. */
  dadosMudancaBem: DadosMudancaBem[];
}

/** SPURequisicaoReclassificacao (grupo 5). */
export interface SPURequisicaoReclassificacao {
  grupoRequisicao?: Inteiro;
  codTipoRequisicao: Inteiro;
  codUG: Inteiro;
  observacao: string;
  /** 1..100. */
  dadosMudancaBem: DadosMudancaBem[];
}

/** SPURequisicaoDepreciacao (grupo 6). */
export interface SPURequisicaoDepreciacao {
  grupoRequisicao?: Inteiro;
  codTipoRequisicao: Inteiro;
  codUG: Inteiro;
  /** Monthly depreciation; SIAFI takes true when absent, and pi-sender then leaves it out. */
  depreciacaoMensal?: boolean;
  observacao: string;
  /** 1..100. */
  dadosDepreciacaoBens: DadosDepreciacaoBens[];
}

/** SPUEstornoRequisicao: reverses an existing requisition (named by year, type and number). */
export interface SPUEstornoRequisicao {
  /** The grupo (1–8) of the requisition being reversed. */
  grupoRequisicao: Inteiro;
  codTipoRequisicao: Inteiro;
  codUG: Inteiro;
  /** Ano, 4 digits. */
  anoRequisicaoSPU: Inteiro;
  /** CodTpSPU, 2 characters: `RI`. */
  codTipoRequisicaoSPU: string;
  /** NumSPU, 1–6 digits. */
  numRequisicaoSPU: Inteiro;
  /** Why it is reversed. */
  observacao: string;
}

/** Mensagem: a message of the service, with a code when it has one. */
export interface Mensagem {
  codMsg?: string;
  txtMsg: string;
}

/** SPURequisicaoResposta: what SIAFI answers to each operation. */
export interface SPURequisicaoResposta {
  anoRequisicaoSPU?: string;
  codTipoRequisicaoSPU?: string;
  numRequisicaoSPU?: string;
  /** Nota de Sistema, 12 characters. */
  numNS?: string;
  mensagem: Mensagem[];
}

/** The parameter of each operation, by operation name. */
export interface SiafiRequisicoes {
  criarSPURequisicaoIncorporacao: SPURequisicaoIncorporacao;
  criarSPURequisicaoAvaliacao: SPURequisicaoAvaliacao;
  criarSPURequisicaoTransferencia: SPURequisicaoTransferencia;
  criarSPURequisicaoBaixa: SPURequisicaoBaixa;
  criarSPURequisicaoReclassificacao: SPURequisicaoReclassificacao;
  criarSPURequisicaoDepreciacao: SPURequisicaoDepreciacao;
  criarSPURequisicaoAtualizacaoAnual: SPURequisicaoAtualizacaoAnual;
  criarSPURequisicaoAjustesContabeis: SPURequisicaoAjustesContabeis;
  estornarSPURequisicao: SPUEstornoRequisicao;
}

/** The name of one of the 9 operations. */
export type SiafiOperation = keyof SiafiRequisicoes;
