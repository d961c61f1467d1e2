import Database from 'better-sqlite3';

const open = new Map<string, Database.Database>();

/**
 * A separate connection to a SQLite file, for tests that look into (or arrange) a store directly:
 * the store keeps its own handle private. One connection per file, reused.
 */
export function sqlDb(file: string): Database.Database {
  let db = open.get(file);
  if (!db) {
    db = new Database(file);
    db.pragma('busy_timeout = 10000');
    open.set(file, db);
  }
  return db;
}
