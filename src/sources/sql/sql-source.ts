/**
 * The part every SQL source shares: queries from the configuration, the password from the
 * environment or a file, rows streamed in constant memory.
 */

import { readFileSync } from 'node:fs';
import { PiSenderError } from '../../errors.js';
import { readSecret } from '../../secrets.js';
import type { QueryKind, SqlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import type { SpeSource, Window } from '../source.js';
import { prepareQuery, type ParamStyle, type Prepared } from './params.js';

/** Driver error codes that a person must fix, with what to check (PostgreSQL SQLSTATE, MySQL, Oracle, SQL Server, DNS). */
const CONFIGURATION_ERRORS: Record<string, string> = {
  '3D000': 'has no such database: check the database name',
  '28P01': 'refused the login: check the user and the password (passwordEnv or passwordFile)',
  '28000': 'refused the login: check the user, the password and pg_hba.conf',
  ER_BAD_DB_ERROR: 'has no such database: check the database name',
  ER_ACCESS_DENIED_ERROR: 'refused the login: check the user and the password (passwordEnv or passwordFile)',
  ER_DBACCESS_DENIED_ERROR: 'refused this user access to the database: check its grants',
  ELOGIN: 'refused the login: check the user and the password (passwordEnv or passwordFile)',
  'ORA-01017': 'refused the login: check the user and the password (passwordEnv or passwordFile)',
  ENOTFOUND: 'host does not exist (DNS): check the host name',
};

export abstract class SqlSource implements SpeSource {
  readonly kinds: ReadonlySet<QueryKind>;
  protected abstract readonly style: ParamStyle;

  constructor(protected readonly config: SqlSourceConfig) {
    this.kinds = new Set((Object.keys(config.queries) as QueryKind[]).filter((k) => config.queries[k]));
  }

  /** The database password: from the file, else the environment variable; undefined when neither is set. */
  protected password(): string | undefined {
    return readSecret(this.config.passwordEnv, this.config.passwordFile, 'database password');
  }

  /** host, port, database, user and password: the ones the configuration sets. */
  protected connectionFields(): { host?: string; port?: number; database?: string; user?: string; password?: string } {
    const c = this.config;
    const password = this.password();
    return {
      ...(c.host ? { host: c.host } : {}),
      ...(c.port ? { port: c.port } : {}),
      ...(c.database ? { database: c.database } : {}),
      ...(c.user ? { user: c.user } : {}),
      ...(password !== undefined ? { password } : {}),
    };
  }

  protected sslCa(): string | undefined {
    const ssl = this.config.ssl;
    return typeof ssl === 'object' ? readFileSync(ssl.ca, 'utf8') : undefined;
  }

  /**
   * A connection problem, without the connection string: a database that does not exist, a refused
   * login or an unknown host is for a person to fix (ERR_CONFIG, exit 2, not retried in a loop);
   * a refused connection or a timeout may pass (ERR_TRANSPORT, exit 3).
   */
  protected unreachable(err: unknown): PiSenderError {
    const e = err as NodeJS.ErrnoException;
    const where = this.config.host ?? (this.config.url ? new URL(this.config.url).host : (this.config.path ?? this.config.type));
    const detail = `${e.code ? `${e.code}: ` : ''}${e.message}`;
    const fix = CONFIGURATION_ERRORS[e.code ?? ''];
    if (fix) return new PiSenderError('ERR_CONFIG', `the SPE database (${this.config.type} at ${where}) ${fix}: ${detail}`, {}, { cause: err });
    return new PiSenderError('ERR_TRANSPORT', `cannot reach the SPE database (${this.config.type} at ${where}): ${detail}`, {}, { cause: err });
  }

  async *rows(kind: QueryKind, window: Window): AsyncIterable<Row> {
    const sql = this.config.queries[kind];
    if (!sql) return;
    const prepared = prepareQuery(sql, window, this.style);
    try {
      yield* this.stream(prepared);
    } catch (err) {
      if (err instanceof PiSenderError) throw err;
      throw new PiSenderError('ERR_CONFIG', `the ${kind} query failed: ${(err as Error).message}`, {}, { cause: err });
    }
  }

  protected abstract stream(prepared: Prepared): AsyncIterable<Row>;
  abstract check(): Promise<void>;
  abstract close(): Promise<void>;

  async complete(): Promise<void> {
    // Nothing to do: the watermark, kept by the job, marks what was read.
  }
}
