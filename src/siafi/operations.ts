/**
 * The 9 operations of integrarSistemaSPUNet (interface document §3.7): wire names, the parameter
 * element, the parameter's shape and the grupoRequisicao each one fixes.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import type { SiafiOperation } from './types.js';

/** Which parameter type an operation carries. */
export type RequisicaoShape = 'padrao' | 'transferencia' | 'reclassificacao' | 'depreciacao' | 'estorno';

/** One operation of integrarSistemaSPUNet and how it is called. */
export interface OperationInfo {
  name: SiafiOperation;
  /** Short name for the command line (`pi-sender siafi incorporacao`). */
  alias: string;
  /** The parameter element inside the operation wrapper. */
  parameter: string;
  /** The parameter's type name in the document. */
  type: string;
  shape: RequisicaoShape;
  /** The grupoRequisicao the operation requires; undefined for estorno (the reversed requisition's). */
  grupo: number | undefined;
  /** The response wrapper the document names. */
  response: string;
}

const op = (
  name: SiafiOperation,
  alias: string,
  parameter: string,
  type: string,
  shape: RequisicaoShape,
  grupo: number | undefined,
  response = `${name}Response`,
): OperationInfo => ({
  name,
  alias,
  parameter,
  type,
  shape,
  grupo,
  response,
});

/** The 9 operations, in the order of the interface document (§3.7.1 to §3.7.9). */
export const OPERATIONS: readonly OperationInfo[] = [
  op('criarSPURequisicaoIncorporacao', 'incorporacao', 'spuRequisicaoIncorporacao', 'SPURequisicaoIncorporacao', 'padrao', 1),
  op('criarSPURequisicaoAvaliacao', 'avaliacao', 'spuRequisicaoAvaliacao', 'SPURequisicaoAvaliacao', 'padrao', 2),
  // The document spells this one parameter with capitals, unlike the other eight [?]: kept as written.
  op('criarSPURequisicaoTransferencia', 'transferencia', 'SPURequisicaoTransferencia', 'SPURequisicaoTransferencia', 'transferencia', 3),
  op('criarSPURequisicaoBaixa', 'baixa', 'spuRequisicaoBaixa', 'SPURequisicaoBaixa', 'padrao', 4),
  op('criarSPURequisicaoReclassificacao', 'reclassificacao', 'spuRequisicaoReclassificacao', 'SPURequisicaoReclassificacao', 'reclassificacao', 5),
  op('criarSPURequisicaoDepreciacao', 'depreciacao', 'spuRequisicaoDepreciacao', 'SPURequisicaoDepreciacao', 'depreciacao', 6),
  op('criarSPURequisicaoAtualizacaoAnual', 'atualizacao-anual', 'spuRequisicaoAtualizacaoAnual', 'SPURequisicaoAtualizacaoAnual', 'padrao', 7),
  op('criarSPURequisicaoAjustesContabeis', 'ajustes-contabeis', 'spuRequisicaoAjustesContabeis', 'SPURequisicaoAjustesContabeis', 'padrao', 8),
  // The document names this response spuRequisicaoResponse, not estornarSPURequisicaoResponse [?].
  op('estornarSPURequisicao', 'estorno', 'spuEstornoRequisicao', 'SPUEstornoRequisicao', 'estorno', undefined, 'spuRequisicaoResponse'),
];

/** The operation named by its wire name or its short alias (case-insensitive). */
export function findOperation(name: string): OperationInfo {
  const n = name.toLowerCase();
  const found = OPERATIONS.find((o) => o.name.toLowerCase() === n || o.alias === n);
  if (!found) {
    throw new PiSenderError('ERR_USAGE', t('siafi.c.operation', { name, aliases: OPERATIONS.map((o) => o.alias).join(', '), example: OPERATIONS[0]!.name }));
  }
  return found;
}

export function operationInfo(name: SiafiOperation): OperationInfo {
  return findOperation(name);
}
