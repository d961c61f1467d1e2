/**
 * The part every SQL source shares: queries from the configuration, the password from the
 * environment or a file, rows streamed in constant memory.
 */

import { t } from '../../i18n/translate.js';
import { readFileSync } from 'node:fs';
import { PiSenderError } from '../../errors.js';
import { readSecret } from '../../secrets.js';
import type { QueryKind, SqlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import type { FullScan, QueryPlan, SpeSource, Window } from '../source.js';
import { prepareQuery, type ParamStyle, type Prepared } from './params.js';

/** Driver error codes that a person must fix; the catalog's `spe.<code>` says what to check (PostgreSQL SQLSTATE, MySQL, Oracle, SQL Server, DNS). */
const CONFIGURATION_ERRORS = new Set([
  '3D000',
  '28P01',
  '28000',
  'ER_BAD_DB_ERROR',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ELOGIN',
  'ORA-01017',
  'ENOTFOUND',
]);

const NOT_AN_ALIAS = /^(WHERE|JOIN|LEFT|RIGHT|INNER|OUTER|CROSS|NATURAL|ON|USING|GROUP|ORDER|UNION|LIMIT|HAVING|WINDOW)$/i;

/** The tables a query names after FROM and JOIN, by their alias (lower case): a plan names them so. */
export function tableAliases(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+[`"]?(\w+)[`"]?(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    if (m[2] && !NOT_AN_ALIAS.test(m[2])) aliases.set(m[2].toLowerCase(), m[1]!);
  }
  return aliases;
}

export abstract class SqlSource implements SpeSource {
  readonly kinds: ReadonlySet<QueryKind>;
  protected abstract readonly style: ParamStyle;

  constructor(protected readonly config: SqlSourceConfig) {
    this.kinds = new Set((Object.keys(config.queries) as QueryKind[]).filter((k) => config.queries[k]));
  }

  /** The database password: from the file, else the environment variable; undefined when neither is set. */
  protected password(): string | undefined {
    return readSecret(this.config.passwordEnv, this.config.passwordFile, t('secret.databasePassword'));
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
    const at = t('spe.at', { type: this.config.type, host: where });
    if (CONFIGURATION_ERRORS.has(e.code ?? '')) {
      const fix = t(`spe.${e.code}` as 'spe.3D000');
      return new PiSenderError('ERR_CONFIG', t('spe.misconfigured', { where: at, fix, detail }), {}, { cause: err });
    }
    return new PiSenderError('ERR_TRANSPORT', t('spe.unreachable', { where: at, detail }), {}, { cause: err });
  }

  async *rows(kind: QueryKind, window: Window): AsyncIterable<Row> {
    const sql = this.config.queries[kind];
    if (!sql) return;
    const prepared = prepareQuery(sql, window, this.style);
    try {
      yield* this.stream(prepared);
    } catch (err) {
      if (err instanceof PiSenderError) throw err;
      throw new PiSenderError('ERR_CONFIG', t('spe.queryFailed', { kind, message: (err as Error).message }), {}, { cause: err });
    }
  }

  /** The plan of each query for `window`, as the database would run it (EXPLAIN, nothing read). */
  async plans(window: Window): Promise<QueryPlan[]> {
    const out: QueryPlan[] = [];
    for (const kind of this.kinds) {
      const prepared = prepareQuery(this.config.queries[kind]!, window, this.style);
      try {
        out.push({ kind, fullScans: await this.fullScans(prepared) });
      } catch (err) {
        if (err instanceof PiSenderError) throw err;
        throw new PiSenderError('ERR_CONFIG', t('spe.queryFailed', { kind, message: (err as Error).message }), {}, { cause: err });
      }
    }
    return out;
  }

  /** Tables the database plans to read end to end for this query; undefined when this driver cannot tell. */
  protected async fullScans(_prepared: Prepared): Promise<FullScan[] | undefined> {
    return undefined;
  }

  protected abstract stream(prepared: Prepared): AsyncIterable<Row>;
  abstract check(): Promise<void>;
  abstract close(): Promise<void>;

  async complete(): Promise<void> {
    // Nothing to do: the watermark, kept by the job, marks what was read.
  }
}
