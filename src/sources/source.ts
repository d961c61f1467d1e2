/**
 * What every SPE source offers the export job: the rows of each kind of data for a time window.
 */

import type { QueryKind } from './config.js';
import type { Row } from './mapping.js';

/** The window of a run, as local date-times of the configured zone: `YYYY-MM-DD HH:MM:SS`. */
export interface Window {
  since: string;
  until: string;
}

/** A table a query reads from end to end, by the database's own plan, with its estimated rows (undefined: no statistics). */
export interface FullScan {
  table: string;
  rows: number | undefined;
  /** Its size on disk in pages, where the database tells it without statistics (PostgreSQL). */
  pages?: number;
}

/** What the database plans for one query of a run; `fullScans` undefined when it cannot say (Oracle, SQL Server). */
export interface QueryPlan {
  kind: QueryKind;
  fullScans: FullScan[] | undefined;
}

export interface SpeSource {
  /** Kinds of rows this source can give (interessados and relacionados are optional). */
  readonly kinds: ReadonlySet<QueryKind>;
  /** Connects (or lists the folder) to prove the source is usable; reads no data. */
  check(): Promise<void>;
  /** Streams the rows of one kind; a file source ignores the window (its files are the delta). */
  rows(kind: QueryKind, window: Window): AsyncIterable<Row>;
  /** The database's plan of each query for `window`, without running them (SQL sources). */
  plans?(window: Window): Promise<QueryPlan[]>;
  /** Called once what was read is durably stored: a file source marks its files read. */
  complete(): Promise<void>;
  close(): Promise<void>;
}
