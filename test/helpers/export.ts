import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseConfig, type ExportConfig } from '../../src/export/config.js';
import { configTemplate, type TemplateSource } from '../../src/export/config-template.js';
import { localTime, runExport, type ExportSummary } from '../../src/export/job.js';
import { normalizeProtocolo } from '../../src/standard/normalize.js';
import { sampleNumero, writeSampleSqlite, type SampleSpeOptions } from '../../src/cli/sample-spe.js';
import { createPiClient } from '../../src/pi/connect.js';
import { clientFor, SIM_PASSWORD, SIM_USER } from './simulator.js';

export const PUBLISHED = ['GERACAO', 'REMESSA', 'RECEBIMENTO', 'CONCLUSAO', 'REABERTURA'];

export function sqliteSpe(dir: string, options: SampleSpeOptions = {}): string {
  const file = path.join(dir, 'spe.sqlite');
  writeSampleSqlite(file, options);
  return file;
}

export interface ConfigSetup {
  type: TemplateSource;
  dir: string;
  endpoint: string;
  location?: string;
  database?: string;
  user?: string;
  /** The PI transport (default soap: the template's). */
  transport?: 'soap' | 'rest';
  /** Text replacements applied to the YAML (search → replacement). */
  replace?: Array<[string | RegExp, string]>;
}

/** Writes a configuration (from the init template) in `dir` and returns it parsed. */
export function writeConfig(s: ConfigSetup): { file: string; config: ExportConfig } {
  let text = configTemplate(s.type, { endpoint: s.endpoint, user: SIM_USER, store: 'state.db', ...(s.location ? { location: s.location } : {}) });
  if (s.database) text = text.replace('database: spe', `database: ${s.database}`);
  if (s.user) text = text.replace('user: pi_sender', `user: ${s.user}`);
  text = text.replace('  retryDelayMs: 1000', '  retryDelayMs: 5');
  if (s.transport === 'rest') text = text.replace('\npi:\n', '\npi:\n  transport: rest\n');
  for (const [from, to] of s.replace ?? []) text = text.replace(from, to);
  const file = path.join(s.dir, 'pi-sender.yaml');
  writeFileSync(file, text);
  return { file, config: parseConfig(text, file, {}) };
}

/** Adds `count` published movements (REMESSA + RECEBIMENTO) to public processes, recorded now. */
export function addMovements(spe: string, count: number, nowMs = Date.now(), tz = 'America/Sao_Paulo'): void {
  const db = new Database(spe);
  try {
    const ids = db.prepare('SELECT id FROM processo WHERE nivel_acesso = 0 ORDER BY id').pluck().all() as number[];
    let next = (db.prepare('SELECT max(id) FROM andamento').pluck().get() as number) + 1;
    const insert = db.prepare(
      'INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let k = 0; k < count; k++) {
        const when = localTime(nowMs - 1000 + k, tz);
        const p = ids[(next * 7) % ids.length]!;
        insert.run(next++, p, k % 2 === 0 ? 'REMESSA' : 'RECEBIMENTO', 1 + (k % 6), 1 + ((k + 1) % 6), when, when);
      }
    })();
  } finally {
    db.close();
  }
}

/** Published items per Protocolo (digits) that the export must deliver: public processes with a valid NUP. */
export function expectedItems(spe: string, options: { publishRestrito?: boolean; invalidEvery?: number } = {}): Map<string, number> {
  const db = new Database(spe, { readonly: true });
  try {
    const levels = options.publishRestrito ? '0, 1' : '0';
    const rows = db
      .prepare(
        `SELECT p.id, p.numero, count(a.id) AS n FROM processo p JOIN andamento a ON a.processo_id = p.id WHERE p.nivel_acesso IN (${levels}) AND a.tarefa IN (${PUBLISHED.map(() => '?').join(',')}) GROUP BY p.id`,
      )
      .all(...PUBLISHED) as Array<{ id: number; numero: string; n: number }>;
    const out = new Map<string, number>();
    for (const r of rows) {
      if (r.numero !== sampleNumero(r.id)) continue; // a wrong NUP is never sent
      out.set(normalizeProtocolo(r.numero), r.n);
    }
    return out;
  } finally {
    db.close();
  }
}

/** Items the simulator recorded, per Protocolo (each recorded item is counted once). */
export function recordedItems(record: string): Map<string, number> {
  const out = new Map<string, number>();
  let text: string;
  try {
    text = readFileSync(record, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { protocolo: string; newItems: number };
    out.set(r.protocolo, (out.get(r.protocolo) ?? 0) + r.newItems);
  }
  return out;
}

/** One export run against the simulator at `url` (its REST base when the configuration says rest), with the test credentials. */
export async function exportOnce(config: ExportConfig, url: string): Promise<ExportSummary> {
  const { client, transport } =
    config.pi.transport === 'rest'
      ? createPiClient({ endpoint: config.pi.endpoint, user: SIM_USER, password: SIM_PASSWORD, transport: 'rest' })
      : clientFor(url);
  try {
    return await runExport({ config, client });
  } finally {
    await transport.close();
  }
}
