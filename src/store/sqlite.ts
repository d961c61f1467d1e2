/**
 * Opening a pi-sender SQLite file: WAL, synchronous=FULL (a committed write survives a power cut),
 * and numbered migrations recorded in a `meta` table. Shared by the export store and the SIAFI store.
 */

import { t } from '../i18n/translate.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PiSenderError } from '../errors.js';

/**
 * Opens (creating if needed) `file` and runs the migrations it has not seen. Each migration runs
 * once, in order, in a transaction; the first one must create `meta (key, value)`.
 */
export function openSqlite(file: string, migrations: readonly string[], what: string): Database.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new PiSenderError('ERR_CONFIG', t('store.cannotOpen', { what, file, reason: (err as Error).message }), { file });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  let version = hasMeta ? Number((db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value ?? 0) : 0;
  if (version > migrations.length) {
    db.close();
    throw new PiSenderError('ERR_CONFIG', t('store.newer', { what, file, version: String(version) }));
  }
  while (version < migrations.length) {
    const sql = migrations[version]!;
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(next));
    })();
    version = next;
  }
  return db;
}

/**
 * Opens an existing `file` for reading only, never writing it (WAL readers never block a writer):
 * for the report and the console, which may run beside an export. The schema must be at least
 * `readable` and not newer than this pi-sender knows.
 */
export function openSqliteReadOnly(file: string, migrations: readonly string[], readable: number, what: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new PiSenderError('ERR_CONFIG', t('store.cannotOpen', { what, file, reason: (err as Error).message }), { file });
  }
  db.pragma('busy_timeout = 10000');
  const version = Number((db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value ?? 0);
  if (version > migrations.length || version < readable) {
    db.close();
    throw new PiSenderError('ERR_CONFIG', t(version > migrations.length ? 'store.newer' : 'store.older', { what, file, version: String(version) }));
  }
  return db;
}
