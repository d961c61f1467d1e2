/** PostgreSQL, with a server-side cursor (rows fetched 1,000 at a time). */

import pg from 'pg';
import Cursor from 'pg-cursor';
import type { SqlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import type { FullScan } from '../source.js';
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

  protected override async fullScans(prepared: Prepared): Promise<FullScan[]> {
    const client = await this.connect();
    const explained = await client.query(`EXPLAIN (FORMAT JSON) ${prepared.text}`, prepared.values as string[]);
    const tables = new Set<string>();
    const walk = (node: { 'Node Type'?: string; 'Relation Name'?: string; Plans?: unknown[] }): void => {
      if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) tables.add(node['Relation Name']);
      for (const child of node.Plans ?? []) walk(child as typeof node);
    };
    walk((explained.rows[0] as { 'QUERY PLAN': Array<{ Plan: Parameters<typeof walk>[0] }> })['QUERY PLAN'][0]!.Plan);
    if (tables.size === 0) return [];
    // Without an ANALYZE (by hand or autovacuum) the planner guesses the size: no estimate to give.
    const sizes = await client.query(
      `SELECT c.relname, max(c.reltuples)::float8 AS rows, bool_or(s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL) AS analyzed,
         max(pg_relation_size(c.oid) / current_setting('block_size')::int) AS pages
       FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = ANY($1::text[]) GROUP BY c.relname`,
      [[...tables]],
    );
    const byName = new Map(
      (sizes.rows as Array<{ relname: string; rows: number; analyzed: boolean | null; pages: string | number }>).map((r) => [r.relname, r]),
    );
    return [...tables].map((table) => {
      const r = byName.get(table);
      return { table, rows: r?.analyzed ? Math.max(0, Math.round(r.rows)) : undefined, ...(r ? { pages: Number(r.pages) } : {}) };
    });
  }

  async close(): Promise<void> {
    await this.client?.end();
    this.client = undefined;
  }
}
