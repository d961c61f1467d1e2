/**
 * The commented configuration `pi-sender init` writes. Its queries and mapping read the sample SPE
 * (samples/spe/): an agency replaces them with its own tables, keeping the shape.
 */

import type { SqlType } from './config.js';

export type TemplateSource = SqlType | 'csv' | 'jsonl' | 'xml';
export const TEMPLATE_SOURCES: readonly TemplateSource[] = ['postgres', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql', 'csv', 'jsonl', 'xml'];

export interface TemplateOptions {
  /** The SQLite file (sqlite) or the drop folder (csv, jsonl, xml). */
  location?: string;
  store?: string;
  endpoint?: string;
  user?: string;
}

/** `:since`/`:until` as each database compares them with a date-time column, and a date-time as text. */
function dialect(type: TemplateSource): { p: (name: string) => string; t: (column: string) => string } {
  if (type === 'oracle') return { p: (n) => `TO_DATE(:${n}, 'YYYY-MM-DD HH24:MI:SS')`, t: (c) => `TO_CHAR(${c}, 'YYYY-MM-DD HH24:MI:SS')` };
  if (type === 'mssql') return { p: (n) => `CONVERT(datetime2, :${n}, 120)`, t: (c) => `CONVERT(varchar(19), ${c}, 120)` };
  return { p: (n) => `:${n}`, t: (c) => c };
}

function queries(type: TemplateSource): string {
  const { p, t } = dialect(type);
  const changed = `(p.alterado_em > ${p('since')} AND p.alterado_em <= ${p('until')})
          OR EXISTS (SELECT 1 FROM andamento a WHERE a.processo_id = p.id
                     AND a.registrado_em > ${p('since')} AND a.registrado_em <= ${p('until')})`;
  const ids = `SELECT p.id FROM processo p WHERE ${changed.replace(/\n {10}/g, '\n              ')}`;
  return `  # Each query gets :since and :until (local date-times of timeZone, 'YYYY-MM-DD HH:MM:SS') and is
  # read as a stream. The column names are what the mapping below refers to.
  queries:
    # Every process with a history item recorded in the window, or whose own data changed in it,
    # including sigiloso ones (pi-sender withholds them; items of a process this query does not
    # return are not sent, and keep the watermark from moving).
    processos: |
      SELECT p.id, p.numero, p.tipo, p.especificacao, ${t('p.data_autuacao')} AS data_autuacao, p.nivel_acesso
      FROM processo p
      WHERE ${changed}
    # Interessados of those processes (optional).
    interessados: |
      SELECT i.processo_id, i.nome
      FROM interessado i
      WHERE i.processo_id IN (${ids})
      ORDER BY i.processo_id, i.id
    # Related processes, in both directions, as the SEI module sends them (optional).
    relacionados: |
      SELECT r.processo_id AS processo, q.numero
      FROM relacionamento r JOIN processo q ON q.id = r.relacionado_id
      WHERE r.processo_id IN (${ids})
      UNION ALL
      SELECT r.relacionado_id AS processo, q.numero
      FROM relacionamento r JOIN processo q ON q.id = r.processo_id
      WHERE r.relacionado_id IN (${ids})
    # History items recorded in the window: one row per item, with a stable id.
    historico: |
      SELECT a.id, a.processo_id, a.tarefa, ${t('a.data_hora')} AS data_hora, u.hierarquia AS unidade, d.sigla AS unidade_destino
      FROM andamento a
      JOIN unidade u ON u.id = a.unidade_id
      LEFT JOIN unidade d ON d.id = a.unidade_destino_id
      WHERE a.registrado_em > ${p('since')} AND a.registrado_em <= ${p('until')}`;
}

function source(type: TemplateSource, o: TemplateOptions): string {
  switch (type) {
    case 'sqlite':
      return `source:
  type: sqlite
  path: ${o.location ?? 'spe.sqlite'}
${queries(type)}`;
    case 'csv':
    case 'jsonl':
      return `source:
  type: ${type}
  # The SPE (or a nightly export) drops files here; each run reads the new ones, in name order.
  folder: ${o.location ?? 'entrada'}
  # Which files hold which rows; the columns are the ones the mapping below refers to.
  files:
    processos: processos*.${type}
    interessados: interessados*.${type}
    relacionados: relacionados*.${type}
    historico: historico*.${type}
${type === 'csv' ? "  delimiter: ','        # ';' for files from Brazilian spreadsheets\n  encoding: utf-8       # or latin1\n" : ''}  afterReading: move     # read files go to <folder>/lidos; "keep" leaves them (pi-sender remembers them)`;
    case 'xml':
      return `source:
  type: xml
  # ListaDocumentos files dropped here are sent as they are (after normalizing and validating).
  # They carry no access level: drop only public items.
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
  user: pi_sender            # a read-only user is enough
  # The password comes from the environment (PI_SPE_PASSWORD by default) or a file; never from here.
  passwordEnv: PI_SPE_PASSWORD
  # passwordFile: /etc/pi-sender/spe-password
  # ssl: true                # or { ca: /path/to/ca.pem }
${queries(type)}`;
    }
  }
}

const MAPPING = `
# How the rows become Documentos of the data standard. A value is a column name, a "{template}"
# of columns, or { value: constant }.
mapping:
  processo:
    id: id                                  # the SPE's key of the process
    Protocolo: numero                       # formatted or not: sent as digits
    DataHoraProducao: data_autuacao         # a date is sent as local midnight, as the SEI module does
    Especie: { value: Processo }
    Assunto: "{tipo} - {especificacao}"     # " - " and an empty part disappear
    # sigiloso is never sent; restrito only with publishRestrito: true; any other value is withheld.
    access: { column: nivel_acesso, publico: [0], restrito: [1], sigiloso: [2] }
  interessado: { processo: processo_id, NomeInteressado: nome }   # CPFs in names are masked
  relacionado: { processo: processo, ProtocoloRelacionado: numero }
  historico:
    id: id                                  # stable key: an item is sent once
    processo: processo_id
    DataHoraOperacao: data_hora
    UnidadeOperacao: unidade                # cut to 300 characters
    # Which tasks are published, and with which text (like the SEI module's message configuration).
    Operacao:
      task: tarefa
      messages:
        GERACAO: Processo público gerado
        REMESSA: "Processo remetido para a unidade {unidade_destino}"
        RECEBIMENTO: Processo recebido na unidade
        CONCLUSAO: Conclusão do processo na unidade
        REABERTURA: Reabertura do processo na unidade
        DESPACHO: null                      # internal: not published
        ASSINATURA: null
      otherTasks: skip                      # tasks not listed are not published
`;

/** The commented configuration for a source type. */
export function configTemplate(type: TemplateSource, o: TemplateOptions = {}): string {
  return `# pi-sender export configuration (YAML; JSON works too). Guides, in the installed package
# ($(npm root -g)/pi-sender/docs/): export.md (every key), install.md (server, systemd timer),
# errors.md (every error code and what to do).
# Check it with: pi-sender check-config --config <this file>

${source(type, o)}
${type === 'xml' ? '' : MAPPING}
# Language of messages, help and alert e-mails, pt-BR (the default) or en; PI_SENDER_LANG and --lang win over it.
language: pt-BR
# Time zone of date-times written without an offset (and of :since/:until), and of the dates shown.
timeZone: America/Sao_Paulo
# The Portaria asks for items without access restriction: restrito is off unless you turn it on.
publishRestrito: false
# A withheld process that becomes publishable later has its earlier movements sent then (false: only
# the movements from then on).
publishEarlierMovements: true
profile: strict                             # or lenient: docs/data-standard.md#profiles

# One SQLite file holds what was read and sent. Use a new one when switching homologação → produção.
store: ${o.store ?? 'pi-sender.db'}

pi:
  # homologacao, producao, or a URL (PI_ENDPOINT overrides it)
  endpoint: ${o.endpoint ?? 'homologacao'}
  # the organ's login (PI_USER overrides it)
  user: "${o.user ?? '99991'}"
  # The password comes from PI_PASSWORD, or passwordFile; never from here.
  # passwordFile: /etc/pi-sender/pi-password
  # ca: /etc/pi-sender/extra-ca.pem         # an extra CA (private CA, TLS-inspecting proxy)
  # proxy: http://proxy.orgao.gov.br:3128  # else HTTPS_PROXY / NO_PROXY from the environment
  # proxyCredentialsFile: /etc/pi-sender/proxy-credentials  # "user:password" of the proxy, if it needs one
  timeoutSeconds: 120
  concurrency: 2

sending:
  maxAttempts: 15          # FI packages are retried on later runs up to this many attempts (as SEI)
  retries: 5               # attempts within one run, with exponential backoff
  retryDelayMs: 1000

watermark:
  initial: "2015-01-01 00:00:00"   # the first run reads from here (the PI holds movements since 2015)
  overlapMinutes: 60               # each run re-reads this much before the last one: nothing is missed

alerts:
  noSuccessDays: 2                 # alert when nothing was accepted for 2 days (48 h); 0: never
  staleAfterDays: 3                # pi-sender status exits 1 when a package is EN or FI for longer
  failures:
    repeat: daily                  # remind, while packages stay EN or FI: daily, hourly, weekly, 12h, never
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
