/**
 * SQL Server, through mssql (tedious), loaded only when configured. Rows are streamed with
 * back-pressure. Convert date-times to text in the query (CONVERT(varchar(19), col, 120)): the
 * driver would otherwise read them in this machine's zone.
 */

import { t } from '../../i18n/translate.js';
import type { SqlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import { OptionalDriverSource, type DriverLoader } from './optional-driver.js';
import type { Prepared } from './params.js';

interface MssqlRequest {
  stream: boolean;
  input(name: string, type: unknown, value: unknown): MssqlRequest;
  query(sql: string): void;
  on(event: 'row', fn: (row: Row) => void): MssqlRequest;
  on(event: 'error', fn: (err: Error) => void): MssqlRequest;
  on(event: 'done', fn: () => void): MssqlRequest;
  pause(): void;
  resume(): void;
}
interface MssqlPool {
  request(): MssqlRequest;
  close(): Promise<void>;
}
interface Mssql {
  connect(config: Record<string, unknown>): Promise<MssqlPool>;
  NVarChar: unknown;
}

export class MssqlSource extends OptionalDriverSource<Mssql> {
  protected readonly style = 'named-at' as const;
  private pool: MssqlPool | undefined;

  constructor(config: SqlSourceConfig, load?: DriverLoader) {
    super(config, 'mssql', t('spe.mssqlSource'), load);
  }

  private async connect(): Promise<{ pool: MssqlPool; sql: Mssql }> {
    const sql = await this.driver();
    if (!this.pool) {
      const c = this.config;
      const ca = this.sslCa();
      try {
        this.pool = await sql.connect({
          server: c.host,
          port: c.port ?? 1433,
          database: c.database,
          user: c.user,
          password: this.password(),
          options: { encrypt: c.ssl !== false, trustServerCertificate: false, ...(ca ? { cryptoCredentialsDetails: { ca } } : {}) },
        });
      } catch (err) {
        throw this.unreachable(err);
      }
    }
    return { pool: this.pool, sql };
  }

  async check(): Promise<void> {
    const { pool } = await this.connect();
    await new Promise<void>((resolve, reject) => {
      const r = pool.request();
      r.stream = true;
      r.on('error', reject).on('done', () => resolve());
      r.query('SELECT 1');
    });
  }

  protected async *stream(prepared: Prepared): AsyncIterable<Row> {
    const { pool, sql } = await this.connect();
    const request = pool.request();
    request.stream = true;
    for (const [name, value] of Object.entries(prepared.values as Record<string, string>)) request.input(name, sql.NVarChar, value);
    const queue: Row[] = [];
    let done = false;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const notify = (): void => {
      wake?.();
      wake = undefined;
    };
    request.on('row', (row) => {
      queue.push(row);
      if (queue.length >= 1000) request.pause();
      notify();
    });
    request.on('error', (err) => {
      failure = err;
      notify();
    });
    request.on('done', () => {
      done = true;
      notify();
    });
    request.query(prepared.text);
    for (;;) {
      if (queue.length > 0) {
        const batch = queue.splice(0, queue.length);
        request.resume();
        yield* batch;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((r) => (wake = r));
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
