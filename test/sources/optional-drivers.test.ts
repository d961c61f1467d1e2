import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SqlSourceConfig } from '../../src/export/config.js';
import { MssqlSource } from '../../src/sources/sql/mssql.js';
import { loadDriver } from '../../src/sources/sql/optional-driver.js';
import { OracleSource } from '../../src/sources/sql/oracle.js';

const window = { since: '2025-01-01 00:00:00', until: '2025-01-02 00:00:00' };
const config = (type: 'oracle' | 'mssql'): SqlSourceConfig => ({
  type,
  host: 'db.orgao.gov.br',
  database: 'SPE',
  user: 'pi',
  passwordEnv: 'PI_TEST_NO_SUCH_VAR',
  queries: { processos: "SELECT * FROM processo WHERE alterado_em > TO_DATE(:since, 'YYYY') AND x <= :until", historico: 'SELECT 1' },
});

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of rows) out.push(x);
  return out;
}

describe('optional drivers', () => {
  it('say which package to install when missing', async () => {
    await expect(loadDriver('pi-sender-no-such-driver', 'an Oracle source')).rejects.toMatchObject({
      code: 'ERR_CONFIG',
      message:
        "an Oracle source needs the optional driver 'pi-sender-no-such-driver': install it with npm install pi-sender-no-such-driver (see docs/export.md)",
    });
  });

  it('Oracle: named binds as written, dates as text, rows streamed', async () => {
    const calls: unknown[] = [];
    const fake = {
      OUT_FORMAT_OBJECT: 4002,
      DATE: 2011,
      fetchAsString: [] as unknown[],
      getConnection: async (opts: unknown) => {
        calls.push(['connect', opts]);
        return {
          queryStream: (sql: string, binds: unknown, options: unknown) => {
            calls.push(['query', sql, binds, options]);
            return Readable.from([{ ID: 1 }, { ID: 2 }]);
          },
          execute: async () => undefined,
          close: async () => void calls.push(['close']),
        };
      },
    };
    const source = new OracleSource(config('oracle'), async () => fake);
    expect(await all(source.rows('processos', window))).toEqual([{ ID: 1 }, { ID: 2 }]);
    await source.close();
    expect(calls[0]).toEqual(['connect', { user: 'pi', password: undefined, connectString: 'db.orgao.gov.br:1521/SPE' }]);
    expect(calls[1]).toEqual([
      'query',
      "SELECT * FROM processo WHERE alterado_em > TO_DATE(:since, 'YYYY') AND x <= :until",
      window,
      { outFormat: 4002, fetchArraySize: 1000 },
    ]);
    expect(fake.fetchAsString).toEqual([2011]);
    expect(calls.at(-1)).toEqual(['close']);
  });

  it('SQL Server: @name inputs, rows streamed with back-pressure, errors surfaced', async () => {
    const inputs: Array<[string, unknown]> = [];
    let paused = 0;
    let sql = '';
    const request = (rows: number, fail?: Error) => {
      const e = new EventEmitter() as EventEmitter & Record<string, unknown>;
      Object.assign(e, {
        stream: false,
        input: (name: string, _t: unknown, value: unknown) => {
          inputs.push([name, value]);
          return e;
        },
        pause: () => void paused++,
        resume: () => undefined,
        query: (text: string) => {
          sql = text;
          setImmediate(() => {
            for (let i = 0; i < rows; i++) e.emit('row', { id: i });
            if (fail) e.emit('error', fail);
            else e.emit('done');
          });
        },
      });
      return e;
    };
    let next = (): unknown => request(2500);
    const fake = { NVarChar: 'nvarchar', connect: async () => ({ request: () => next(), close: async () => undefined }) };
    const source = new MssqlSource(config('mssql'), async () => fake);
    const rows = await all(source.rows('processos', window));
    expect(rows).toHaveLength(2500);
    expect(rows[2499]).toEqual({ id: 2499 });
    expect(paused).toBeGreaterThan(0);
    expect(sql).toBe("SELECT * FROM processo WHERE alterado_em > TO_DATE(@since, 'YYYY') AND x <= @until");
    expect(inputs).toEqual([
      ['since', window.since],
      ['until', window.until],
    ]);
    next = () => request(3, new Error('Invalid object name processo'));
    await expect(all(source.rows('processos', window))).rejects.toMatchObject({
      code: 'ERR_CONFIG',
      message: 'the processos query failed: Invalid object name processo',
    });
    await source.close();
  });
});
