/**
 * The upload report: one JSON line per Documento, in file order, whatever order the answers come in.
 */

import { t } from '../i18n/translate.js';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { PiSenderError } from '../errors.js';
import { redact } from '../redact.js';

export type ReportOutcome = 'accepted' | 'rejected' | 'invalid' | 'failed' | 'valid';

export interface ReportLine {
  index: number;
  line: number;
  protocolo: string | null;
  outcome: ReportOutcome;
  code: string | null;
  message: string | null;
  attempts: number;
  /**
   * What send changed or left out of this Documento, as `CODE field: message` (an attribute, text
   * between elements, a byte read as Latin-1); absent when nothing was.
   */
  warnings?: string[];
}

export class ReportWriter {
  private readonly pending = new Map<number, ReportLine>();
  private next = 1;
  private readonly out: NodeJS.WritableStream;
  private readonly stream: WriteStream | undefined;
  private failure: Error | undefined;

  /** `target` is a file path, or `-` for standard output. */
  constructor(readonly target: string) {
    if (target === '-') {
      this.out = process.stdout;
    } else {
      this.stream = createWriteStream(target, { flags: 'w' });
      this.stream.on('error', (err) => (this.failure = err));
      this.out = this.stream;
    }
  }

  /** Adds the line of one Documento; lines are written as soon as all before them are known. */
  add(line: ReportLine): void {
    this.pending.set(line.index, line);
    let chunk = '';
    for (let l = this.pending.get(this.next); l; l = this.pending.get(this.next)) {
      chunk += `${redact(JSON.stringify(l))}\n`;
      this.pending.delete(this.next);
      this.next++;
    }
    if (chunk) this.out.write(chunk);
  }

  async close(): Promise<void> {
    // Lines still held (an interrupted run) are written in order, with the gaps left as they are.
    const rest = [...this.pending.values()].sort((a, b) => a.index - b.index);
    this.pending.clear();
    if (rest.length > 0) this.out.write(rest.map((l) => `${redact(JSON.stringify(l))}\n`).join(''));
    if (this.stream) {
      this.stream.end();
      await once(this.stream, 'close');
    }
    if (this.failure) {
      throw new PiSenderError(
        'ERR_FILE_WRITE',
        t('upload.cannotWriteReport', { file: this.target, reason: (this.failure as NodeJS.ErrnoException).code ?? this.failure.message }),
        { file: this.target },
      );
    }
  }
}
