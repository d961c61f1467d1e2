/** PostgreSQL, with a server-side cursor (rows fetched 1,000 at a time). */

import pg from 'pg';
import Cursor from 'pg-cursor';
import type { SqlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import type { Prepared } from './params.js';
import { SqlSource } from './sql-source.js';

// date, timestamp, timestamptz stay text: converting them to Date would apply this machine's zone.
const AS_TEXT = new Set([1082, 1114, 1184]);
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    AS_TEXT.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export class PostgresSource extends SqlSource {
  protected readonly style = 'pg' as const;
  private client: pg.Client | undefined;

  constructor(
    config: SqlSourceConfig,
    private readonly timeZone: string,
  ) {
    super(config);
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const c = this.config;
    const ca = this.sslCa();
    const client = new pg.Client({
      ...(c.url ? { connectionString: c.url } : {}),
      ...this.connectionFields(),
      ...(c.ssl ? { ssl: { rejectUnauthorized: true, ...(ca ? { ca } : {}) } } : {}),
      types,
      application_name: 'pi-sender',
    });
    try {
      await client.connect();
      // timestamptz columns then read and compare in the SPE's zone, like the :since/:until values.
      await client.query(`SET TIME ZONE '${this.timeZone.replace(/'/g, "''")}'`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw this.unreachable(err);
    }
    this.client = client;
    return client;
  }

  async check(): Promise<void> {
    await (await this.connect()).query('SELECT 1');
  }

  protected async *stream(prepared: Prepared): AsyncIterable<Row> {
    const client = await this.connect();
    const cursor = client.query(new Cursor(prepared.text, prepared.values as string[]));
    try {
      for (;;) {
        const rows = (await cursor.read(1000)) as Row[];
        if (rows.length === 0) break;
        yield* rows;
      }
    } finally {
      await cursor.close();
    }
  }

  async close(): Promise<void> {
    await this.client?.end();
    this.client = undefined;
  }
}
