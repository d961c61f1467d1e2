import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../../src/export/job.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { MARIADB, mariadbReachable, mariadbSampleDatabase, PG, pgReachable, pgSampleDatabase } from '../helpers/databases.js';
import { expectedItems, exportOnce, recordedItems, sqliteSpe, writeConfig } from '../helpers/export.js';
import { simulator } from '../helpers/simulator.js';
import { sampleNumero } from '../../src/cli/sample-spe.js';

const numberOf = (id: number): string => sampleNumero(id).replace(/\D/g, '');

const inCi = Boolean(process.env['CI']);
const hasPg = await pgReachable();
const hasMariadb = await mariadbReachable();
if (!hasPg && !inCi)
  console.warn(`skipping the PostgreSQL tests: nothing at ${PG.host}:${PG.port} (PI_TEST_PG_HOST/PORT/USER point elsewhere; CI=1 makes this a failure)`);
if (!hasMariadb && !inCi)
  console.warn(
    `skipping the MariaDB tests: nothing at ${MARIADB.host}:${MARIADB.port} (PI_TEST_MARIADB_HOST/PORT/USER point elsewhere; CI=1 makes this a failure)`,
  );

const OPTIONS = { processes: 120 };
let sim: PiSimulator;
let expected: Map<string, number>;
beforeAll(async () => {
  // The generator is deterministic: the same sample as SQLite gives the expected items.
  expected = expectedItems(sqliteSpe(mkdtempSync(path.join(tmpdir(), 'pi-expected-')), OPTIONS));
});

describe.skipIf(!hasPg && !inCi)('export job from PostgreSQL (cursor)', () => {
  let db: Awaited<ReturnType<typeof pgSampleDatabase>>;
  beforeAll(async () => {
    db = await pgSampleDatabase(OPTIONS);
    sim = await simulator({ record: path.join(mkdtempSync(path.join(tmpdir(), 'pi-pg-')), 'record.jsonl') });
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  it('exports the sample, then only new movements', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-pg-'));
    const record = path.join(dir, 'record.jsonl');
    await sim.close();
    sim = await simulator({ record });
    const { config } = writeConfig({
      type: 'postgres',
      dir,
      endpoint: sim.url,
      database: db.name,
      user: PG.user,
      replace: [
        ['port: 5432', `port: ${PG.port}`],
        ['host: 127.0.0.1', `host: ${PG.host}`],
      ],
    });
    const first = await exportOnce(config, sim.url);
    expect(first.error).toBeUndefined();
    expect(recordedItems(record)).toEqual(expected);

    const now = localTime(Date.now() - 2000, config.timeZone);
    await db.client.query(
      "INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em) VALUES (100001, 1, 'REMESSA', 1, 2, $1, $1), (100002, 1, 'DESPACHO', 1, NULL, $1, $1), (100003, 7, 'REMESSA', 1, 2, $1, $1)",
      [now],
    );
    const second = await exportOnce(config, sim.url);
    expect(second.extract.itemsNew).toBe(1); // process 7 is sigiloso, DESPACHO is internal
    expect(second.extract.itemsNotPublished).toBe(1);
    expect(second.extract.itemsWithheld).toBe(1);
    expect(second.send.accepted).toBe(1);
    expect(recordedItems(record).get(numberOf(1))).toBe(expected.get(numberOf(1))! + 1);
    // a timestamp without zone in the SPE is sent with São Paulo's offset
    expect(JSON.stringify([...sim.accepted.get(numberOf(1))!])).toContain(`${now.replace(' ', 'T')}-03:00`);
  });
});

describe.skipIf(!hasMariadb && !inCi)('export job from MariaDB (streamed)', () => {
  let db: Awaited<ReturnType<typeof mariadbSampleDatabase>>;
  beforeAll(async () => {
    db = await mariadbSampleDatabase(OPTIONS);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  it('exports the sample, then only new movements', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-maria-'));
    const record = path.join(dir, 'record.jsonl');
    sim = await simulator({ record });
    const { config } = writeConfig({
      type: 'mariadb',
      dir,
      endpoint: sim.url,
      database: db.name,
      user: MARIADB.user,
      replace: [
        ['port: 3306', `port: ${MARIADB.port}`],
        ['host: 127.0.0.1', `host: ${MARIADB.host}`],
      ],
    });
    const first = await exportOnce(config, sim.url);
    expect(first.error).toBeUndefined();
    expect(recordedItems(record)).toEqual(expected);

    const now = localTime(Date.now() - 2000, config.timeZone);
    await db.conn.query(
      "INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em) VALUES (100001, 2, 'RECEBIMENTO', 3, NULL, ?, ?)",
      [now, now],
    );
    const second = await exportOnce(config, sim.url);
    expect(second.extract.itemsNew).toBe(1);
    expect(second.send.accepted).toBe(1);
    expect(recordedItems(record).get(numberOf(2))).toBe(expected.get(numberOf(2))! + 1);
  });
});
