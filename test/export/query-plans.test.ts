import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARIADB, mariadbReachable, mariadbSampleDatabase, PG, pgReachable, pgSampleDatabase } from '../helpers/databases.js';
import { runCli } from '../helpers/cli.js';
import Database from 'better-sqlite3';
import { sqliteSpe, writeConfig } from '../helpers/export.js';

const inCi = Boolean(process.env['CI']);
const hasPg = await pgReachable();
const hasMariadb = await mariadbReachable();

interface Report {
  spe: { warnings: string[]; plans: Array<{ kind: string; fullScans: Array<{ table: string; rows: number | null }> }> };
}

/** check-config --json on the shipped template (or with `replace`), without contacting the PI. */
async function plans(type: 'postgres' | 'mariadb' | 'sqlite', database: string, replace: Array<[string, string]> = []): Promise<Report['spe']> {
  const server = type === 'postgres' ? PG : MARIADB;
  const { file } = writeConfig({
    type,
    dir: mkdtempSync(path.join(tmpdir(), 'pi-plans-')),
    endpoint: 'http://127.0.0.1:1/',
    ...(type === 'sqlite' ? { location: database } : { database, user: server.user }),
    replace: [[`port: ${type === 'postgres' ? 5432 : 3306}`, `port: ${server.port}`], ['host: 127.0.0.1', `host: ${server.host}`], ...replace],
  });
  const r = await runCli(['check-config', '--config', file, '--json', '--no-pi', '--sample', '1'], { env: { PI_LOG_LEVEL: 'error' } });
  expect(r.stdout, r.stderr).toContain('"type":"check-config"');
  return (JSON.parse(r.stdout) as Report).spe;
}

// A window the indexes cannot serve: a function of the column, as some hand-written queries have.
const SLOW_HISTORICO: Array<[string, string]> = [
  ['WHERE a.registrado_em > :since AND a.registrado_em <= :until', "WHERE CONCAT(a.registrado_em, '') > :since AND CONCAT(a.registrado_em, '') <= :until"],
];
const planWarnings = (spe: Report['spe']): string[] => spe.warnings.filter((w) => w.includes('reads all of table'));

describe.skipIf(!hasPg && !inCi)('check-config shows the plan of each query (PostgreSQL)', () => {
  it('the shipped template reads no large table end to end; a window without an index is a warning naming query and table', async () => {
    const db = await pgSampleDatabase({ processes: 120 });
    try {
      // Freshly loaded, never analyzed: small tables read end to end are no reason to warn.
      expect(planWarnings(await plans('postgres', db.name))).toEqual([]);
      // A history of more than 10,000 rows (old, unpublished), then the statistics autovacuum would gather.
      await db.client.query(
        "INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em) SELECT 500000 + g, 1, 'DESPACHO', 1, NULL, '2016-01-01', '2016-01-01' FROM generate_series(1, 12000) g",
      );
      await db.client.query('ANALYZE');
      const shipped = await plans('postgres', db.name);
      expect(shipped.plans.map((p) => p.kind).sort()).toEqual(['historico', 'interessados', 'processos', 'relacionados']);
      expect(shipped.plans.flatMap((p) => p.fullScans).filter((s) => (s.rows ?? 0) >= 10_000)).toEqual([]);
      expect(planWarnings(shipped)).toEqual([]);
      const slow = await plans('postgres', db.name, SLOW_HISTORICO);
      expect(planWarnings(slow)).toEqual([expect.stringMatching(/^the historico query reads all of table andamento \(1[0-9],\d{3} rows\) on every run/)]);
    } finally {
      await db.drop();
    }
  });
});

describe.skipIf(!hasMariadb && !inCi)('check-config shows the plan of each query (MariaDB)', () => {
  it('the shipped template reads no large table end to end; a window without an index is a warning naming query and table', async () => {
    const db = await mariadbSampleDatabase({ processes: 120 });
    try {
      await db.conn.query(
        "INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em) SELECT 500000 + seq, 1, 'DESPACHO', 1, NULL, '2016-01-01', '2016-01-01' FROM seq_1_to_12000",
      );
      await db.conn.query('ANALYZE TABLE processo, andamento, interessado, relacionamento, unidade');
      const shipped = await plans('mariadb', db.name);
      expect(shipped.plans.map((p) => p.kind).sort()).toEqual(['historico', 'interessados', 'processos', 'relacionados']);
      expect(planWarnings(shipped)).toEqual([]);
      const slow = await plans('mariadb', db.name, SLOW_HISTORICO);
      expect(planWarnings(slow)).toEqual([expect.stringMatching(/^the historico query reads all of table andamento \(1[0-9],\d{3} rows\) on every run/)]);
    } finally {
      await db.drop();
    }
  });
});

describe('check-config shows the plan of each query (SQLite)', () => {
  it('the shipped template reads no large table end to end; a window without an index is a warning naming query and table', async () => {
    const spe = sqliteSpe(mkdtempSync(path.join(tmpdir(), 'pi-plans-')), { processes: 120 });
    const db = new Database(spe);
    const insert = db.prepare(
      "INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em) VALUES (?, 1, 'DESPACHO', 1, NULL, '2016-01-01 00:00:00', '2016-01-01 00:00:00')",
    );
    db.transaction(() => {
      for (let i = 1; i <= 12_000; i++) insert.run(500_000 + i);
    })();
    db.close();
    const shipped = await plans('sqlite', spe);
    expect(shipped.plans.map((p) => p.kind).sort()).toEqual(['historico', 'interessados', 'processos', 'relacionados']);
    expect(planWarnings(shipped)).toEqual([]);
    const slow = await plans('sqlite', spe, [
      ['WHERE a.registrado_em > :since AND a.registrado_em <= :until', "WHERE a.registrado_em || '' > :since AND a.registrado_em || '' <= :until"],
    ]);
    expect(planWarnings(slow)).toEqual([expect.stringMatching(/^the historico query reads all of table andamento \(1[0-9],\d{3} rows\) on every run/)]);
  });
});
