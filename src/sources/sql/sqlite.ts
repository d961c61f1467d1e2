/** An SPE kept in SQLite, read-only. */

import { t } from '../../i18n/translate.js';
import Database from 'better-sqlite3';
import { PiSenderError } from '../../errors.js';
import type { Row } from '../mapping.js';
import type { FullScan } from '../source.js';
import type { Prepared } from './params.js';
import { SqlSource, tableAliases } from './sql-source.js';

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

  protected override async fullScans(prepared: Prepared): Promise<FullScan[]> {
    const db = this.open();
    const steps = db.prepare(`EXPLAIN QUERY PLAN ${prepared.text}`).all(prepared.values) as Array<{ detail: string }>;
    const tables = new Map((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).map((n) => [n.toLowerCase(), n]));
    // The plan names a table by its alias when it has one: FROM andamento a ... is "SCAN a".
    const aliases = tableAliases(prepared.text);
    const scanned = new Set<string>();
    // "SCAN x" (or "SCAN TABLE x" before 3.36), also USING an index, reads all of x; "SEARCH" does not.
    for (const { detail } of steps) {
      const m = /^SCAN (?:TABLE )?(\w+)/.exec(detail);
      const name = m && (aliases.get(m[1]!.toLowerCase()) ?? m[1]!);
      const table = name ? tables.get(name.toLowerCase()) : undefined;
      if (table) scanned.add(table);
    }
    return [...scanned].map((table) => ({
      table,
      rows: db
        .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    }));
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}
