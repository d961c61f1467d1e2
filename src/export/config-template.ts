/**
 * The commented configuration `pi-sender init` writes. Its queries and mapping read the sample SPE
 * (samples/spe/): an agency replaces them with its own tables, keeping the shape.
 */

import { currentLanguage, type Language } from '../i18n/language.js';
import { tIn, type PlainKey } from '../i18n/translate.js';
import type { SqlType } from './config.js';

export type TemplateSource = SqlType | 'csv' | 'jsonl' | 'xml';
export const TEMPLATE_SOURCES: readonly TemplateSource[] = ['postgres', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql', 'csv', 'jsonl', 'xml'];

export interface TemplateOptions {
  /** The SQLite file (sqlite) or the drop folder (csv, jsonl, xml). */
  location?: string;
  store?: string;
  endpoint?: string;
  user?: string;
  /** The language of the comments (default: the current one). */
  language?: Language;
}

/** A comment of the catalog, one `#` line per line of its text. */
type Comment = (key: PlainKey, indent?: string) => string;

function commenter(language: Language): Comment {
  return (key, indent = '') =>
    tIn(language, key)
      .split('\n')
      .map((line) => `${indent}# ${line}`)
      .join('\n');
}

/** `:since`/`:until` as each database compares them with a date-time column, and a date-time as text. */
function dialect(type: TemplateSource): { p: (name: string) => string; t: (column: string) => string } {
  if (type === 'oracle') return { p: (n) => `TO_DATE(:${n}, 'YYYY-MM-DD HH24:MI:SS')`, t: (c) => `TO_CHAR(${c}, 'YYYY-MM-DD HH24:MI:SS')` };
  if (type === 'mssql') return { p: (n) => `CONVERT(datetime2, :${n}, 120)`, t: (c) => `CONVERT(varchar(19), ${c}, 120)` };
  return { p: (n) => `:${n}`, t: (c) => c };
}

function queries(type: TemplateSource, c: Comment): string {
  const { p, t } = dialect(type);
  // The processes of the window as a UNION of two index ranges (their own changes, their new
  // movements), joined as a derived table: an OR over both, or an EXISTS per process, makes the
  // database read every process, and MySQL/MariaDB run `IN (... UNION ...)` once per process.
  const ids = `SELECT id FROM processo WHERE alterado_em > ${p('since')} AND alterado_em <= ${p('until')}
                             UNION SELECT processo_id FROM andamento WHERE registrado_em > ${p('since')} AND registrado_em <= ${p('until')}`;
  return `${c('tpl.queries', '  ')}
  queries:
${c('tpl.processos', '    ')}
    processos: |
      SELECT p.id, p.numero, p.tipo, p.especificacao, ${t('p.data_autuacao')} AS data_autuacao, p.nivel_acesso
      FROM (${ids}) w
      JOIN processo p ON p.id = w.id
${c('tpl.interessados', '    ')}
    interessados: |
      SELECT i.processo_id, i.nome
      FROM (${ids}) w
      JOIN interessado i ON i.processo_id = w.id
      ORDER BY i.processo_id, i.id
${c('tpl.relacionados', '    ')}
    relacionados: |
      SELECT r.processo_id AS processo, q.numero
      FROM (${ids}) w
      JOIN relacionamento r ON r.processo_id = w.id JOIN processo q ON q.id = r.relacionado_id
      UNION ALL
      SELECT r.relacionado_id AS processo, q.numero
      FROM (${ids}) w
      JOIN relacionamento r ON r.relacionado_id = w.id JOIN processo q ON q.id = r.processo_id
${c('tpl.historico', '    ')}
    historico: |
      SELECT a.id, a.processo_id, a.tarefa, ${t('a.data_hora')} AS data_hora, u.hierarquia AS unidade, d.sigla AS unidade_destino
      FROM andamento a
      JOIN unidade u ON u.id = a.unidade_id
      LEFT JOIN unidade d ON d.id = a.unidade_destino_id
      WHERE a.registrado_em > ${p('since')} AND a.registrado_em <= ${p('until')}`;
}

function source(type: TemplateSource, o: TemplateOptions, c: Comment): string {
  switch (type) {
    case 'sqlite':
      return `source:
  type: sqlite
  path: ${o.location ?? 'spe.sqlite'}
${queries(type, c)}`;
    case 'csv':
    case 'jsonl':
      return `source:
  type: ${type}
${c('tpl.folder', '  ')}
  folder: ${o.location ?? 'entrada'}
${c('tpl.files', '  ')}
  files:
    processos: processos*.${type}
    interessados: interessados*.${type}
    relacionados: relacionados*.${type}
    historico: historico*.${type}
${type === 'csv' ? `  delimiter: ','        ${c('tpl.delimiter')}\n  encoding: utf-8       ${c('tpl.encoding')}\n` : ''}  afterReading: move     ${c('tpl.afterReading')}`;
    case 'xml':
      return `source:
  type: xml
${c('tpl.xmlFolder', '  ')}
  folder: ${o.location ?? 'entrada'}
  pattern: "*.xml"
  afterReading: move`;
    default: {
      const port = { postgres: 5432, mysql: 3306, mariadb: 3306, oracle: 1521, mssql: 1433 }[type];
      return `source:
  type: ${type}
  host: 127.0.0.1
  port: ${port}
  database: spe
  user: pi_sender            ${c('tpl.readOnly')}
${c('tpl.password', '  ')}
  passwordEnv: PI_SPE_PASSWORD
  # passwordFile: /etc/pi-sender/spe-password
  # ssl: true                ${c('tpl.ssl')}
${queries(type, c)}`;
    }
  }
}

const mapping = (c: Comment): string => `
${c('tpl.mapping')}
mapping:
  processo:
    id: id                                  ${c('tpl.id')}
    Protocolo: numero                       ${c('tpl.protocolo')}
    DataHoraProducao: data_autuacao         ${c('tpl.dataHora')}
    Especie: { value: Processo }
    Assunto: "{tipo} - {especificacao}"     ${c('tpl.assunto')}
${c('tpl.access', '    ')}
    access: { column: nivel_acesso, publico: [0], restrito: [1], sigiloso: [2] }
  interessado: { processo: processo_id, NomeInteressado: nome }   ${c('tpl.interessado')}
${c('tpl.interessadoCpf', '  ')}
  relacionado: { processo: processo, ProtocoloRelacionado: numero }
  historico:
    id: id                                  ${c('tpl.itemId')}
    processo: processo_id
    DataHoraOperacao: data_hora
    UnidadeOperacao: unidade                ${c('tpl.unidade')}
${c('tpl.operacao', '    ')}
    Operacao:
      task: tarefa
      messages:
        GERACAO: Processo público gerado
        REMESSA: "Processo remetido para a unidade {unidade_destino}"
        RECEBIMENTO: Processo recebido na unidade
        CONCLUSAO: Conclusão do processo na unidade
        REABERTURA: Reabertura do processo na unidade
        DESPACHO: null                      ${c('tpl.internal')}
        ASSINATURA: null
      otherTasks: skip                      ${c('tpl.otherTasks')}
`;

/** The commented configuration for a source type. */
export function configTemplate(type: TemplateSource, o: TemplateOptions = {}): string {
  const language = o.language ?? currentLanguage();
  const c = commenter(language);
  return `${c('tpl.header')}

${source(type, o, c)}
${type === 'xml' ? '' : mapping(c)}
${c('tpl.agency')}
agency: Ministério Exemplo
${c('tpl.language')}
language: ${language}
${c('tpl.timeZone')}
timeZone: America/Sao_Paulo
${c('tpl.restrito')}
publishRestrito: false
${c('tpl.earlier')}
publishEarlierMovements: true
profile: strict                             ${c('tpl.profile')}

${c('tpl.store')}
store: ${o.store ?? 'pi-sender.db'}

pi:
${c('tpl.endpoint', '  ')}
  endpoint: ${o.endpoint ?? 'homologacao'}
${c('tpl.user', '  ')}
  user: "${o.user ?? '99991'}"
${c('tpl.piPassword', '  ')}
  # passwordFile: /etc/pi-sender/pi-password
  # ca: /etc/pi-sender/extra-ca.pem         ${c('tpl.ca')}
  # proxy: http://proxy.orgao.gov.br:3128  ${c('tpl.proxy')}
  # proxyCredentialsFile: /etc/pi-sender/proxy-credentials  ${c('tpl.proxyCredentials')}
  # transport: rest                       ${c('tpl.transport')}
  # sendCpf: false                        ${c('tpl.sendCpf')}
  timeoutSeconds: 120
  concurrency: 2

sending:
  maxAttempts: 15          ${c('tpl.maxAttempts')}
  retries: 5               ${c('tpl.retries')}
  retryDelayMs: 1000

watermark:
  initial: "2015-01-01 00:00:00"   ${c('tpl.initial')}
  overlapMinutes: 60               ${c('tpl.overlap')}

alerts:
  noSuccessDays: 2                 ${c('tpl.noSuccess')}
  staleAfterDays: 3                ${c('tpl.stale')}
  failures:
    repeat: daily                  ${c('tpl.repeat')}
  # webhook:
  #   url: https://chat.orgao.gov.br/hooks/pi-sender
  #   headers: { Authorization: "Bearer ..." }
  # email:
  #   host: smtp.orgao.gov.br
  #   port: 587
  #   user: pi-sender
  #   passwordEnv: PI_SMTP_PASSWORD
  #   from: pi-sender@orgao.gov.br
  #   to: [protocolo@orgao.gov.br, ti@orgao.gov.br]
`;
}
