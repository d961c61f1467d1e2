/** MySQL and MariaDB, rows streamed as the server sends them (with back-pressure). */

import mysql from 'mysql2';
import type { Row } from '../mapping.js';
import type { FullScan } from '../source.js';
import type { Prepared } from './params.js';
import { SqlSource, tableAliases } from './sql-source.js';

export class MysqlSource extends SqlSource {
  protected readonly style = 'mysql' as const;
  private conn: mysql.Connection | undefined;

  private async connect(): Promise<mysql.Connection> {
    if (this.conn) return this.conn;
    const c = this.config;
    const ca = this.sslCa();
    const conn = mysql.createConnection({
      ...(c.url ? { uri: c.url } : {}),
      ...this.connectionFields(),
      ...(c.ssl ? { ssl: { rejectUnauthorized: true, ...(ca ? { ca } : {}) } } : {}),
      // Dates as text (no zone applied by the driver); big numbers as text (ids keep every digit).
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      charset: 'utf8mb4',
    });
    try {
      await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
    } catch (err) {
      conn.destroy();
      throw this.unreachable(err);
    }
    this.conn = conn;
    return conn;
  }

  async check(): Promise<void> {
    const conn = await this.connect();
    await new Promise<void>((resolve, reject) => conn.query('SELECT 1', (err) => (err ? reject(err) : resolve())));
  }

  protected async *stream(prepared: Prepared): AsyncIterable<Row> {
    const conn = await this.connect();
    const stream = conn.query({ sql: prepared.text, values: prepared.values as string[] }).stream({ highWaterMark: 1000 });
    for await (const row of stream) yield row as Row;
  }

  protected override async fullScans(prepared: Prepared): Promise<FullScan[]> {
    const conn = await this.connect();
    const rows = await new Promise<Array<{ table: string | null; type: string | null; rows: number | string | null }>>((resolve, reject) =>
      conn.query({ sql: `EXPLAIN ${prepared.text}`, values: prepared.values as string[] }, (err, result) =>
        err ? reject(err) : resolve(result as Array<{ table: string | null; type: string | null; rows: number | string | null }>),
      ),
    );
    // type ALL reads the whole table, index the whole of an index; <derived2>, <union1,2> and the like
    // are the query's own intermediate results.
    // The plan names a table by its alias when it has one.
    const aliases = tableAliases(prepared.text);
    return rows
      .filter((r) => (r.type === 'ALL' || r.type === 'index') && r.table && !r.table.startsWith('<'))
      .map((r) => ({ table: aliases.get(r.table!.toLowerCase()) ?? r.table!, rows: r.rows === null ? undefined : Number(r.rows) }));
  }

  async close(): Promise<void> {
    const conn = this.conn;
    this.conn = undefined;
    if (conn) await new Promise<void>((resolve) => conn.end(() => resolve()));
  }
}
