/**
 * Nonces that make a retry impossible to apply twice. A nonce is derived from the requisition itself
 * (operation, UG, canonical content) and a generation: the same requisition always gets the same
 * nonce, so resending it after an unknown outcome is answered as a repeat instead of creating it
 * again; only a changed requisition, or an explicit new generation after a definite FALHA, gets a
 * new one. Format: `spunet-<ug>-<OPR>-<20 hex of SHA-256>-<generation>`, at most 64 characters.
 */

import { createHash } from 'node:crypto';
import type { SiafiOperation } from './types.js';

const ABBREVIATION: Record<SiafiOperation, string> = {
  criarSPURequisicaoIncorporacao: 'INC',
  criarSPURequisicaoAvaliacao: 'AVA',
  criarSPURequisicaoTransferencia: 'TRA',
  criarSPURequisicaoBaixa: 'BAI',
  criarSPURequisicaoReclassificacao: 'REC',
  criarSPURequisicaoDepreciacao: 'DEP',
  criarSPURequisicaoAtualizacaoAnual: 'ATU',
  criarSPURequisicaoAjustesContabeis: 'AJC',
  estornarSPURequisicao: 'EST',
};

/** The content key of a requisition: operation, UG and the canonical parameter XML. */
export function requisicaoKey(operation: SiafiOperation, ug: string, parameterXml: string): string {
  return createHash('sha256').update(`${operation}\u001e${ug}\u001e${parameterXml}`).digest('hex');
}

/** The nonce of generation `generation` (from 1) of a requisition with content key `key`. */
export function makeNonce(operation: SiafiOperation, ug: string, key: string, generation: number): string {
  return `spunet-${ug}-${ABBREVIATION[operation]}-${key.slice(0, 20)}-${generation}`;
}
