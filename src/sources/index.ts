/**
 * The source a configuration names.
 */

import type { FileSourceConfig, SqlSourceConfig } from './config.js';
import { DropFolderSource, type FileRegistry } from './files/drop-folder.js';
import type { SpeSource } from './source.js';
import { MssqlSource } from './sql/mssql.js';
import { MysqlSource } from './sql/mysql.js';
import { OracleSource } from './sql/oracle.js';
import { PostgresSource } from './sql/postgres.js';
import { SqliteSource } from './sql/sqlite.js';

/**
 * The SQL or drop-folder source of a configuration (an XML folder is read by the job itself).
 * `timeZone` is the SPE's zone, in which its date-times without offset are read.
 */
export function createSource(source: SqlSourceConfig | FileSourceConfig, timeZone: string, registry: FileRegistry): SpeSource {
  switch (source.type) {
    case 'postgres':
      return new PostgresSource(source, timeZone);
    case 'mysql':
    case 'mariadb':
      return new MysqlSource(source);
    case 'sqlite':
      return new SqliteSource(source);
    case 'oracle':
      return new OracleSource(source);
    case 'mssql':
      return new MssqlSource(source);
    case 'csv':
    case 'jsonl':
      return new DropFolderSource(source, registry);
  }
}
