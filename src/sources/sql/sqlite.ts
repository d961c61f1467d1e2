/** An SPE kept in SQLite, read-only. */

import { t } from '../../i18n/translate.js';
import Database from 'better-sqlite3';
import { PiSenderError } from '../../errors.js';
import type { Row } from '../mapping.js';
import type { Prepared } from './params.js';
import { SqlSource } from './sql-source.js';

export class SqliteSource extends SqlSource {
  protected readonly style = 'named-colon' as const;
  private db: Database.Database | undefined;

  private open(): Database.Database {
    if (this.db) return this.db;
    try {
      this.db = new Database(this.config.path!, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new PiSenderError('ERR_CONFIG', t('spe.cannotOpenSqlite', { file: this.config.path ?? '', reason: (err as Error).message }));
    }
    return this.db;
  }

  async check(): Promise<void> {
    this.open().prepare('SELECT 1').get();
  }

  protected async *stream(prepared: Prepared): AsyncIterable<Row> {
    const stmt = this.open().prepare(prepared.text);
    // better-sqlite3 is synchronous: yield in slices so a long query does not hold the event loop.
    let n = 0;
    for (const row of stmt.iterate(prepared.values)) {
      yield row as Row;
      if (++n % 5000 === 0) await new Promise((r) => setImmediate(r));
    }
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}
