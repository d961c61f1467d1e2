/**
 * A sample SPE: the kind of database an agency's own electronic process system has (units, processes
 * with an access level, interessados, related processes, a history of tasks), generated
 * deterministically. `pi-sender sample-spe` writes it as a SQLite file or as SQL for PostgreSQL or
 * MariaDB; samples/spe/ holds the SQL and the mapping configurations that read it.
 */

import { t } from '../i18n/translate.js';
import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { configTemplate } from '../export/config-template.js';
import { nupCheckDigits } from '../standard/nup.js';
import { positiveInt } from './connection.js';

export type Dialect = 'postgres' | 'mariadb' | 'sqlite';

export interface SampleSpeOptions {
  processes?: number;
  seed?: number;
  /** Every Nth process gets a protocol number with wrong check digits (0: none). Default 0. */
  invalidEvery?: number;
  /** The year of the processes (their history runs through it). */
  year?: number;
  /** Moves between units per process, at most (default 3; about 2.7 history items each). */
  moves?: number;
}

const UNIDADES: Array<[string, string, string]> = [
  ['DIPRO', 'Divisão de Protocolo', 'Divisão de Protocolo/DIPRO/CGRL/SAA/Ministério Exemplo'],
  ['CGLIC', 'Coordenação de Licitações e Contratos', 'Coordenação de Licitações e Contratos/CGLIC/SAA/Ministério Exemplo'],
  ['CGGP', 'Coordenação-Geral de Gestão de Pessoas', 'Coordenação-Geral de Gestão de Pessoas/CGGP/SAA/Ministério Exemplo'],
  ['CONJUR', 'Consultoria Jurídica', 'Consultoria Jurídica/CONJUR/Ministério Exemplo'],
  ['SECAD', 'Serviço de Comunicações Administrativas', 'Serviço de Comunicações Administrativas/SECAD/CGRL/SAA/Ministério Exemplo'],
  ['GAB', 'Gabinete do Ministro', 'Gabinete do Ministro/GAB/Ministério Exemplo'],
];
const TIPOS: Array<[string, string[]]> = [
  ['Pedido de certidão', ['Requerimento de certidão de tempo de serviço', 'Certidão de regularidade', '']],
  ['Licitação', ['Pregão eletrônico para aquisição de material de expediente', 'Concorrência para reforma predial']],
  ['Gestão de pessoas', ['Concessão de férias', 'Licença capacitação', 'Progressão funcional']],
  ['Contrato', ['Prestação de serviços de limpeza e conservação', 'Aditivo de prazo']],
  ['Ouvidoria', ['Manifestação de cidadão', '']],
];
const NOMES = [
  'Maria Exemplo da Silva',
  'João da Silva Araújo',
  'Ana Beatriz Conceição',
  'José Antônio Pereira',
  'Francisca Gonçalves',
  'Luís Fernando Magalhães',
];
const EMPRESAS = ['Associação Fictícia de Servidores', 'Comércio de Produtos Exemplo Ltda.', 'Prefeitura Municipal de Exemplópolis', 'Cooperativa Modelo'];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function cpf(n: number): string {
  const base = String(100000000 + ((n * 7919) % 899999999)).slice(0, 9);
  const digit = (d: string, w: number): number => {
    const s = [...d].reduce((acc, c, i) => acc + Number(c) * (w - i), 0);
    const r = (s * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = digit(base, 10);
  const d2 = digit(base + d1, 11);
  const all = `${base}${d1}${d2}`;
  return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export interface SampleRows {
  unidades: Array<{ id: number; sigla: string; nome: string; hierarquia: string }>;
  processos: Iterable<{ id: number; numero: string; tipo: string; especificacao: string; data_autuacao: string; nivel_acesso: number; alterado_em: string }>;
  /** `cpf`: a person's (formatted, as SPEs often keep it), null for an organization. */
  interessados: Iterable<{ id: number; processo_id: number; nome: string; cpf: string | null }>;
  relacionamentos: Iterable<{ processo_id: number; relacionado_id: number }>;
  andamentos: Iterable<{
    id: number;
    processo_id: number;
    tarefa: string;
    unidade_id: number;
    unidade_destino_id: number | null;
    data_hora: string;
    registrado_em: string;
  }>;
}

/** The process number (formatted NUP) of process `i`. */
export function sampleNumero(i: number, year = 2025, wrong = false): string {
  const base = `99991${pad(i, 6)}${year}`;
  let dv = nupCheckDigits(base);
  if (wrong) dv = pad((Number(dv) + 1) % 100);
  return `${base.slice(0, 5)}.${base.slice(5, 11)}/${base.slice(11)}-${dv}`;
}

/** The rows of the sample SPE, generated lazily (a million history items cost no memory). */
export function sampleRows(options: SampleSpeOptions = {}): SampleRows {
  const n = options.processes ?? 300;
  const seed = options.seed ?? 20250310;
  const year = options.year ?? 2025;
  const invalidEvery = options.invalidEvery ?? 0;
  const dayOf = (i: number): number => 1 + (i % 300);
  const dateOf = (day: number, h: number, m: number, s = 0): string => {
    const d = new Date(Date.UTC(year, 0, day, h, m, s));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  const access = (i: number): number => (i % 20 === 7 ? 2 : i % 10 === 3 ? 1 : 0);
  return {
    unidades: UNIDADES.map(([sigla, nome, hierarquia], k) => ({ id: k + 1, sigla, nome, hierarquia })),
    processos: {
      *[Symbol.iterator]() {
        const r = rng(seed);
        for (let i = 1; i <= n; i++) {
          const [tipo, specs] = TIPOS[Math.floor(r() * TIPOS.length)]!;
          const day = dayOf(i);
          yield {
            id: i,
            numero: sampleNumero(i, year, invalidEvery > 0 && i % invalidEvery === 0),
            tipo,
            especificacao: specs[Math.floor(r() * specs.length)]!,
            data_autuacao: dateOf(day, 0, 0).slice(0, 10),
            nivel_acesso: access(i),
            alterado_em: dateOf(day, 8, 0),
          };
        }
      },
    },
    interessados: {
      *[Symbol.iterator]() {
        const r = rng(seed + 1);
        let id = 0;
        for (let i = 1; i <= n; i++) {
          const count = 1 + Math.floor(r() * 3);
          for (let k = 0; k < count; k++) {
            const person = r() < 0.6;
            const nome = person
              ? `${NOMES[Math.floor(r() * NOMES.length)]}${r() < 0.3 ? ` ${cpf(i * 3 + k)}` : ''}`
              : EMPRESAS[Math.floor(r() * EMPRESAS.length)]!;
            // Fictitious, valid CPFs, for trying pi.sendCpf over REST (docs/rest.md).
            yield { id: ++id, processo_id: i, nome, cpf: person ? cpf(i * 3 + k) : null };
          }
        }
      },
    },
    relacionamentos: {
      *[Symbol.iterator]() {
        for (let i = 11; i <= n; i += 10) yield { processo_id: i, relacionado_id: i - 7 };
      },
    },
    andamentos: {
      *[Symbol.iterator]() {
        const r = rng(seed + 2);
        let id = 0;
        for (let i = 1; i <= n; i++) {
          const day = dayOf(i);
          let unit = 1 + (i % UNIDADES.length);
          let minute = 9 * 60;
          const push = (tarefa: string, to: number | null) => {
            minute += 7 + Math.floor(r() * 180);
            const when = dateOf(day, Math.floor(minute / 60), minute % 60, Math.floor(r() * 60));
            return { id: ++id, processo_id: i, tarefa, unidade_id: unit, unidade_destino_id: to, data_hora: when, registrado_em: when };
          };
          yield push('GERACAO', null);
          const moves = 1 + Math.floor(r() * (options.moves ?? 3));
          for (let k = 0; k < moves; k++) {
            if (r() < 0.4) yield push('DESPACHO', null);
            const to = 1 + ((unit + k) % UNIDADES.length);
            yield push('REMESSA', to);
            unit = to;
            yield push('RECEBIMENTO', null);
            if (r() < 0.3) yield push('ASSINATURA', null);
          }
          if (r() < 0.5) yield push('CONCLUSAO', null);
        }
      },
    },
  };
}

/** Column types per dialect: MariaDB's TIMESTAMP converts zones and updates itself, DATETIME does not. */
function ddl(dialect: Dialect): string[] {
  const ts = dialect === 'postgres' ? 'TIMESTAMP' : dialect === 'mariadb' ? 'DATETIME' : 'TEXT';
  const date = dialect === 'sqlite' ? 'TEXT' : 'DATE';
  return [
    'CREATE TABLE unidade (id INTEGER PRIMARY KEY, sigla VARCHAR(20) NOT NULL, nome VARCHAR(200) NOT NULL, hierarquia VARCHAR(400) NOT NULL)',
    `CREATE TABLE processo (id INTEGER PRIMARY KEY, numero VARCHAR(25) NOT NULL, tipo VARCHAR(120) NOT NULL, especificacao VARCHAR(250), data_autuacao ${date} NOT NULL, nivel_acesso SMALLINT NOT NULL, alterado_em ${ts} NOT NULL)`,
    'CREATE TABLE interessado (id INTEGER PRIMARY KEY, processo_id INTEGER NOT NULL, nome VARCHAR(200) NOT NULL, cpf VARCHAR(14))',
    'CREATE TABLE relacionamento (processo_id INTEGER NOT NULL, relacionado_id INTEGER NOT NULL)',
    `CREATE TABLE andamento (id INTEGER PRIMARY KEY, processo_id INTEGER NOT NULL, tarefa VARCHAR(40) NOT NULL, unidade_id INTEGER NOT NULL, unidade_destino_id INTEGER, data_hora ${ts} NOT NULL, registrado_em ${ts} NOT NULL)`,
    'CREATE INDEX andamento_registrado ON andamento (registrado_em)',
    'CREATE INDEX andamento_processo ON andamento (processo_id)',
    'CREATE INDEX processo_alterado ON processo (alterado_em)',
    'CREATE INDEX interessado_processo ON interessado (processo_id)',
    'CREATE INDEX relacionamento_processo ON relacionamento (processo_id)',
    'CREATE INDEX relacionamento_relacionado ON relacionamento (relacionado_id)',
  ];
}

function literal(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

/** The sample as SQL statements (schema, then multi-row INSERTs of `batch` rows). */
export function* sampleSql(dialect: Dialect, options: SampleSpeOptions = {}, batch = 500): Iterable<string> {
  yield* ddl(dialect);
  const rows = sampleRows(options);
  const tables: Array<[string, Iterable<Record<string, string | number | null>>]> = [
    ['unidade', rows.unidades],
    ['processo', rows.processos],
    ['interessado', rows.interessados],
    ['relacionamento', rows.relacionamentos],
    ['andamento', rows.andamentos],
  ];
  for (const [table, source] of tables) {
    let values: string[] = [];
    let columns: string[] = [];
    const flush = (): string => {
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values.join(',\n')}`;
      values = [];
      return sql;
    };
    for (const row of source) {
      columns = Object.keys(row);
      values.push(`(${Object.values(row).map(literal).join(', ')})`);
      if (values.length >= batch) yield flush();
    }
    if (values.length > 0) yield flush();
  }
}

/** Writes the sample as a SQLite file (replacing it). */
export function writeSampleSqlite(file: string, options: SampleSpeOptions = {}): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  rmSync(file, { force: true });
  const db = new Database(file);
  try {
    db.transaction(() => {
      for (const sql of sampleSql('sqlite', options)) db.exec(sql);
    })();
  } finally {
    db.close();
  }
}

export function registerSampleSpe(program: Command): void {
  program
    .command('sample-spe')
    .option('--sqlite <file>', t('sample.optSqlite'))
    .option('--samples <dir>', t('sample.optSamples'))
    .addOption(new Option('--sql <dialect>', t('sample.optSql')).choices(['postgres', 'mariadb']))
    .addOption(new Option('--processes <n>', t('sample.optProcesses')).argParser(positiveInt('--processes')).default(300))
    .addOption(new Option('--invalid-every <n>', t('sample.optInvalidEvery')).argParser((v) => Number(v)).default(0))
    .action(async (flags: { sqlite?: string; sql?: Dialect; samples?: string; processes: number; invalidEvery: number }) => {
      const options = { processes: flags.processes, invalidEvery: flags.invalidEvery };
      if (flags.samples) {
        for (const [name, content] of Object.entries(sampleFiles())) writeFileSync(path.join(flags.samples, name), content);
        process.stderr.write(`${t('sample.wroteSamples', { files: Object.keys(sampleFiles()).join(', '), folder: flags.samples })}\n`);
        return;
      }
      if (Boolean(flags.sqlite) === Boolean(flags.sql)) throw new PiSenderError('ERR_USAGE', t('sample.giveOne'));
      if (flags.sqlite) {
        writeSampleSqlite(flags.sqlite, options);
        process.stderr.write(`${t('sample.wrote', { file: flags.sqlite })}\n`);
        return;
      }
      for (const sql of sampleSql(flags.sql!, options)) {
        if (!process.stdout.write(`${sql};\n`)) await once(process.stdout, 'drain');
      }
    });
}

/** Builds the SQLite sample at `file` unless it exists. */
export function ensureSampleSqlite(file: string, options: SampleSpeOptions = {}): boolean {
  if (existsSync(file)) return false;
  writeSampleSqlite(file, options);
  return true;
}

/** The sample SPE of the repository: the one `npm start` and docs/export.md use. */
export const SAMPLE_OPTIONS: SampleSpeOptions = { processes: 300, invalidEvery: 60 };
const SIMULATOR = 'http://127.0.0.1:8080/ProtocoloWS/integradorService';

/** The files of samples/spe/, by name: SQL dumps and a configuration per database. */
export function sampleFiles(): Record<string, string> {
  const sql = (d: Dialect): string =>
    `-- Sample SPE for pi-sender (${SAMPLE_OPTIONS.processes} processes; generated by: pi-sender sample-spe --samples samples/spe)\n` +
    `${[...sampleSql(d, SAMPLE_OPTIONS)].map((s) => `${s};`).join('\n')}\n`;
  // The repository's samples are for the agencies' staff: in Portuguese, whatever the language of the run.
  const local = { endpoint: SIMULATOR, user: 'simulador', store: 'pi-sender.db', language: 'pt-BR' as const };
  return {
    'spe-postgres.sql': sql('postgres'),
    'spe-mariadb.sql': sql('mariadb'),
    'pi-sender.sqlite.yaml': configTemplate('sqlite', { ...local, location: 'spe.sqlite' }),
    'pi-sender.postgres.yaml': configTemplate('postgres', local)
      .replace('database: spe', 'database: spe_exemplo')
      .replace('user: pi_sender ', 'user: postgres  '),
    'pi-sender.mariadb.yaml': configTemplate('mariadb', local)
      .replace('database: spe', 'database: spe_exemplo')
      .replace('user: pi_sender ', 'user: root      '),
  };
}
