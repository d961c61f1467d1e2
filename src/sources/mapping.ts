/**
 * Turns the rows an SPE returns into what the store keeps: processes, interessados, related protocols
 * and history items, following the mapping of the configuration. Values are taken as text (an id or a
 * protocol number never becomes a float); date-times get the configured zone's offset when they have
 * none.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import type { AccessSpec, FieldSpec, MappingConfig, OperacaoSpec } from './config.js';
import { textOf, toDateTime } from '../standard/datetime.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import type { InteressadoExtra } from '../standard/model.js';
import type { Access, ItemRecord, ProcessRecord } from '../standard/spe.js';

export type Row = Record<string, unknown>;

export { textOf, toDateTime } from '../standard/datetime.js';

/** Finds a column in a row, ignoring case (Oracle answers in upper case). */
function columnValue(row: Row, column: string, kind: string): unknown {
  if (column in row) return row[column];
  const lower = column.toLowerCase();
  for (const k of Object.keys(row)) if (k.toLowerCase() === lower) return row[k];
  throw new PiSenderError('ERR_CONFIG', t('spe.noColumn', { kind, column, columns: Object.keys(row).join(', ') }));
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

export class RowMapper {
  constructor(
    private readonly mapping: MappingConfig,
    private readonly options: { timeZone: string; publishRestrito: boolean; sendCpf?: boolean },
  ) {}

  private value(row: Row, spec: FieldSpec, kind: string): string | undefined {
    if ('value' in spec) return spec.value;
    if ('column' in spec) return textOf(columnValue(row, spec.column, kind), this.options.timeZone);
    // A template: placeholders without a value disappear, and so do the spaces they leave.
    const out = spec.template.replace(PLACEHOLDER, (_m, col: string) => textOf(columnValue(row, col.trim(), kind), this.options.timeZone) ?? '');
    return out
      .replace(/\s{2,}/g, ' ')
      .replace(/\s+([,.;:)])/g, '$1')
      .replace(/\(\s*\)/g, '')
      .replace(/\s*-\s*$/, '')
      .trim();
  }

  private access(row: Row, spec: AccessSpec): Access {
    if (spec.value) return spec.value;
    const v = textOf(columnValue(row, spec.column!, 'processos'), this.options.timeZone)?.trim();
    if (v === undefined) return 'unknown';
    if (spec.publico.includes(v)) return 'publico';
    if (spec.restrito.includes(v)) return 'restrito';
    if (spec.sigiloso.includes(v)) return 'sigiloso';
    return 'unknown';
  }

  /** A process, or the reason it cannot be read. */
  processo(row: Row): ProcessRecord | { error: string } {
    const m = this.mapping.processo;
    const speId = this.value(row, m.id, 'processos')?.trim();
    if (!speId) return { error: t('spe.processWithoutId') };
    const access = this.access(row, m.access);
    const publishable = access === 'publico' || (access === 'restrito' && this.options.publishRestrito);
    if (!publishable) return { speId, access, publishable };
    const protocolo = this.value(row, m.Protocolo, 'processos');
    return {
      speId,
      access,
      publishable,
      protocolo: protocolo === undefined ? undefined : normalizeProtocolo(protocolo),
      dataHoraProducao: toDateTime(this.rawOf(row, m.DataHoraProducao, 'processos'), this.options.timeZone),
      especie: this.value(row, m.Especie, 'processos'),
      assunto: this.value(row, m.Assunto, 'processos'),
    };
  }

  /** A date-time field: a column keeps its driver type (a Date stays a Date). */
  private rawOf(row: Row, spec: FieldSpec, kind: string): unknown {
    return 'column' in spec ? columnValue(row, spec.column, kind) : this.value(row, spec, kind);
  }

  /** An interessado; its CPF and natureza only while pi.sendCpf is on (else not even read). */
  interessado(row: Row): { processo: string; nome: string; extra?: InteressadoExtra } | undefined {
    const m = this.mapping.interessado!;
    const processo = this.value(row, m.processo, 'interessados')?.trim();
    const nome = this.value(row, m.NomeInteressado, 'interessados');
    if (!processo || nome === undefined) return undefined;
    if (!this.options.sendCpf) return { processo, nome };
    const extra: InteressadoExtra = {};
    const cpf = m.cpf && this.value(row, m.cpf, 'interessados')?.trim();
    const natureza = m.natureza && this.value(row, m.natureza, 'interessados')?.trim();
    if (cpf) extra.cpf = cpf;
    if (natureza) extra.natureza = natureza;
    return extra.cpf || extra.natureza ? { processo, nome, extra } : { processo, nome };
  }

  relacionado(row: Row): { processo: string; protocolo: string } | undefined {
    const m = this.mapping.relacionado!;
    const processo = this.value(row, m.processo, 'relacionados')?.trim();
    const protocolo = this.value(row, m.ProtocoloRelacionado, 'relacionados');
    return processo && protocolo ? { processo, protocolo: normalizeProtocolo(protocolo) } : undefined;
  }

  /** A history item; `skip` when its task is not published; `error` when it cannot be read. */
  item(row: Row): ItemRecord | { skip: string } | { error: string } {
    const m = this.mapping.historico;
    const speKey = this.value(row, m.id, 'historico')?.trim();
    if (!speKey) return { error: t('spe.itemWithoutId') };
    const processId = this.value(row, m.processo, 'historico')?.trim();
    if (!processId) return { error: t('spe.itemWithoutProcess', { id: speKey }) };
    let operacao: string | undefined;
    if ('task' in m.Operacao) {
      const spec = m.Operacao as OperacaoSpec;
      const task = textOf(columnValue(row, spec.task, 'historico'), this.options.timeZone)?.trim() ?? '';
      const message = Object.hasOwn(spec.messages, task) ? spec.messages[task] : spec.otherTasks === 'skip' ? null : spec.otherTasks;
      if (message === null || message === undefined) return { skip: task };
      operacao = this.value(row, message, 'historico');
    } else {
      operacao = this.value(row, m.Operacao as FieldSpec, 'historico');
    }
    return {
      speKey,
      process: processId,
      dataHoraOperacao: toDateTime(this.rawOf(row, m.DataHoraOperacao, 'historico'), this.options.timeZone) ?? '',
      unidadeOperacao: this.value(row, m.UnidadeOperacao, 'historico') ?? '',
      operacao: operacao ?? '',
    };
  }
}
