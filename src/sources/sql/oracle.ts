/**
 * Oracle, through node-oracledb in thin mode (no Oracle Client needed), loaded only when configured.
 * Dates are fetched as text; the queries compare them with TO_DATE(:since, 'YYYY-MM-DD HH24:MI:SS').
 */

import { t } from '../../i18n/translate.js';
import type { SqlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import { OptionalDriverSource, type DriverLoader } from './optional-driver.js';
import type { Prepared } from './params.js';

interface OracleConnection {
  queryStream(sql: string, binds: Record<string, string>, options: Record<string, unknown>): AsyncIterable<Row> & NodeJS.ReadableStream;
  execute(sql: string): Promise<unknown>;
  close(): Promise<void>;
}
interface OracleDb {
  getConnection(options: Record<string, unknown>): Promise<OracleConnection>;
  OUT_FORMAT_OBJECT: number;
  DATE: number;
  fetchAsString: unknown[];
}

export class OracleSource extends OptionalDriverSource<OracleDb> {
  protected readonly style = 'named-colon' as const;
  private conn: OracleConnection | undefined;

  constructor(config: SqlSourceConfig, load?: DriverLoader) {
    super(config, 'oracledb', t('spe.oracleSource'), load);
  }

  private async connect(): Promise<{ conn: OracleConnection; db: OracleDb }> {
    const mod = await this.driver();
    if (!this.conn) {
      mod.fetchAsString = [mod.DATE];
      const c = this.config;
      try {
        this.conn = await mod.getConnection({
          user: c.user,
          password: this.password(),
          connectString: c.url ?? `${c.host}:${c.port ?? 1521}/${c.database}`,
        });
      } catch (err) {
        throw this.unreachable(err);
      }
    }
    return { conn: this.conn, db: mod };
  }

  async check(): Promise<void> {
    await (await this.connect()).conn.execute('SELECT 1 FROM DUAL');
  }

  protected async *stream(prepared: Prepared): AsyncIterable<Row> {
    const { conn, db } = await this.connect();
    yield* conn.queryStream(prepared.text, prepared.values as Record<string, string>, { outFormat: db.OUT_FORMAT_OBJECT, fetchArraySize: 1000 });
  }

  async close(): Promise<void> {
    await this.conn?.close();
    this.conn = undefined;
  }
}
