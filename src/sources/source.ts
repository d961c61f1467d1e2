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

export interface SpeSource {
  /** Kinds of rows this source can give (interessados and relacionados are optional). */
  readonly kinds: ReadonlySet<QueryKind>;
  /** Connects (or lists the folder) to prove the source is usable; reads no data. */
  check(): Promise<void>;
  /** Streams the rows of one kind; a file source ignores the window (its files are the delta). */
  rows(kind: QueryKind, window: Window): AsyncIterable<Row>;
  /** Called once what was read is durably stored: a file source marks its files read. */
  complete(): Promise<void>;
  close(): Promise<void>;
}
