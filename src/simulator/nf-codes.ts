/**
 * The simulator's business errors. The real catalogue of NFxxx codes and texts was never found
 * (reference §1.3: only the form `NF00x - <texto>` is known); these codes are the simulator's own,
 * documented in docs/simulator.md, and in Portuguese as a Brazilian service would answer.
 */

import type { Problem, ProblemCode } from '../standard/problems.js';

export const NF_CODES = {
  NF001: 'Documento fora do padrão de dados',
  NF002: 'Número de protocolo inválido',
  NF003: 'Data/hora inválida',
  NF004: 'Protocolo repetido na lista',
  NF005: 'Campo obrigatório ausente, vazio ou inválido',
} as const;

const BY_PROBLEM: Partial<Record<ProblemCode, keyof typeof NF_CODES>> = {
  XSD_PROTOCOLO_FORMAT: 'NF002',
  NUP_CHECK_DIGITS: 'NF002',
  XSD_DATETIME: 'NF003',
  DATETIME_OFFSET: 'NF003',
  PROTOCOLO_DUPLICATE: 'NF004',
  XSD_MISSING_ELEMENT: 'NF005',
  TEXT_BLANK: 'NF005',
  XSD_LENGTH: 'NF005',
  NOME_INTERESSADO_LENGTH: 'NF005',
  UNIDADE_OPERACAO_LENGTH: 'NF005',
  ESPECIE_LENGTH: 'NF005',
  CONTROL_CHARACTER: 'NF005',
  XSD_PATTERN: 'NF005',
  CPF_INVALID: 'NF005',
};

/** `NF00x - <texto>: <detail>` for the first error of a Documento. */
export function nfFor(problem: Problem): string {
  const code = BY_PROBLEM[problem.code] ?? 'NF001';
  return `${code} - ${NF_CODES[code]}: ${problem.message}`;
}
