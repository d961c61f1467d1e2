/**
 * The source an export configuration names.
 */

import type { ExportConfig } from '../export/config.js';
import { DropFolderSource, type FileRegistry } from './files/drop-folder.js';
import type { SpeSource } from './source.js';
import { MssqlSource } from './sql/mssql.js';
import { MysqlSource } from './sql/mysql.js';
import { OracleSource } from './sql/oracle.js';
import { PostgresSource } from './sql/postgres.js';
import { SqliteSource } from './sql/sqlite.js';

/** The SQL or drop-folder source of a configuration (an XML folder is read by the job itself). */
export function createSource(config: ExportConfig, registry: FileRegistry): SpeSource {
  const s = config.source;
  switch (s.type) {
    case 'postgres':
      return new PostgresSource(s, config.timeZone);
    case 'mysql':
    case 'mariadb':
      return new MysqlSource(s);
    case 'sqlite':
      return new SqliteSource(s);
    case 'oracle':
      return new OracleSource(s);
    case 'mssql':
      return new MssqlSource(s);
    case 'csv':
    case 'jsonl':
      return new DropFolderSource(s, registry);
    case 'xml':
      throw new Error('an xml source is read by the export job directly');
  }
}
