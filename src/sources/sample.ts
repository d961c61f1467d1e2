/**
 * A source that reads at most a few rows of each kind, for a check that must not read a whole SPE
 * (`pi-sender check-config`): each kind on its own connection, and nothing is ever marked read.
 */

import type { QueryKind } from './config.js';
import type { Row } from './mapping.js';
import type { SpeSource, Window } from './source.js';

export class SampleSource implements SpeSource {
  readonly kinds: ReadonlySet<QueryKind>;

  constructor(
    private readonly make: () => SpeSource,
    private readonly limit: number,
  ) {
    const probe = make();
    this.kinds = probe.kinds;
    void probe.close();
  }

  async check(): Promise<void> {
    const s = this.make();
    try {
      await s.check();
    } finally {
      await s.close();
    }
  }

  async *rows(kind: QueryKind, window: Window): AsyncIterable<Row> {
    const s = this.make();
    let n = 0;
    try {
      for await (const row of s.rows(kind, window)) {
        yield row;
        if (++n >= this.limit) break;
      }
    } finally {
      await s.close();
    }
  }

  async complete(): Promise<void> {
    // A check reads; it never marks files read.
  }

  async close(): Promise<void> {}
}
