/**
 * How problems are printed: `FILE:LINE: Documento #N (Protocolo P): CODE message` for people, one JSON
 * object per line (`--json`) for programs.
 */

import { t } from '../i18n/translate.js';
import type { Problem } from '../standard/problems.js';

export interface ProblemContext {
  file: string;
  /** 1-based position of the Documento in its list; absent for a problem of the file itself. */
  documento?: number;
  protocolo?: string;
}

export function formatProblem(p: Problem, ctx: ProblemContext): string {
  const where = `${ctx.file}:${p.line ?? 0}:${p.column !== undefined ? `${p.column}:` : ''}`;
  const doc = ctx.documento === undefined ? '' : ` Documento #${ctx.documento} (Protocolo ${ctx.protocolo || '?'}):`;
  const tag = p.severity === 'warning' ? ` [${t('common.warningTag')}]` : '';
  return `${where}${doc} ${p.code}${tag} ${p.message}`;
}

export function problemJson(p: Problem, ctx: ProblemContext): string {
  return JSON.stringify({
    type: 'problem',
    file: ctx.file,
    line: p.line ?? null,
    ...(p.column !== undefined ? { column: p.column } : {}),
    documento: ctx.documento ?? null,
    protocolo: ctx.protocolo ?? null,
    field: p.field ?? null,
    code: p.code,
    severity: p.severity,
    message: p.message,
  });
}
