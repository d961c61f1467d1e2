/**
 * The configuration of the SPE sources and of the mapping of their rows to the data standard: the
 * types the sources read. The export job's configuration file (src/export/config.ts) checks a file
 * and fills them; the sources never import the export job.
 */

/** Where a Documento field's value comes from: a column, a template of columns, or a constant. */
export type FieldSpec = { column: string } | { template: string } | { value: string };

export interface OperacaoSpec {
  /** Column with the SPE's task code. */
  task: string;
  /** Task code → Operacao text (a template); a code mapped to null, or not listed, is not published. */
  messages: Record<string, FieldSpec | null>;
  /** What to do with a task code not in `messages`: skip it (default) or use this text. */
  otherTasks: 'skip' | FieldSpec;
}

export interface AccessSpec {
  /** Column with the access level, or undefined when `value` applies to every process. */
  column?: string;
  value?: 'publico' | 'restrito' | 'sigiloso';
  /** Column values meaning each level (compared as text). Any other value is treated as sigiloso. */
  publico: string[];
  restrito: string[];
  sigiloso: string[];
}

export interface MappingConfig {
  processo: { id: FieldSpec; Protocolo: FieldSpec; DataHoraProducao: FieldSpec; Especie: FieldSpec; Assunto: FieldSpec; access: AccessSpec };
  /** `cpf` and `natureza`: for the REST API only, read only while pi.sendCpf is on (docs/rest.md). */
  interessado?: { processo: FieldSpec; NomeInteressado: FieldSpec; cpf?: FieldSpec; natureza?: FieldSpec };
  relacionado?: { processo: FieldSpec; ProtocoloRelacionado: FieldSpec };
  historico: { id: FieldSpec; processo: FieldSpec; DataHoraOperacao: FieldSpec; UnidadeOperacao: FieldSpec; Operacao: FieldSpec | OperacaoSpec };
}

export const SQL_TYPES = ['postgres', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql'] as const;
export type SqlType = (typeof SQL_TYPES)[number];
export const QUERY_KINDS = ['processos', 'interessados', 'relacionados', 'historico'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface SqlSourceConfig {
  type: SqlType;
  /** Connection URL without the password (postgres://user@host:5432/spe). */
  url?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  /** SQLite file. */
  path?: string;
  /** Environment variable holding the database password (default PI_SPE_PASSWORD). */
  passwordEnv: string;
  passwordFile?: string;
  /** TLS to the database: true, or a CA file to trust. */
  ssl?: boolean | { ca: string };
  queries: { processos: string; interessados?: string; relacionados?: string; historico: string };
}

export interface FileSourceConfig {
  type: 'csv' | 'jsonl';
  folder: string;
  /** File name patterns (`*` and `?`) of each kind of file in the folder. */
  files: { processos: string; interessados?: string; relacionados?: string; historico: string };
  delimiter: string;
  encoding: 'utf-8' | 'latin1';
  /** Move read files to `<folder>/<readFolder>` (default) or leave them. */
  afterReading: 'move' | 'keep';
  readFolder: string;
}

export interface XmlSourceConfig {
  type: 'xml';
  folder: string;
  pattern: string;
  afterReading: 'move' | 'keep';
  readFolder: string;
}

export type SourceConfig = SqlSourceConfig | FileSourceConfig | XmlSourceConfig;
