/**
 * The journal of an upload, kept beside its report: what the PI has already answered, appended and
 * flushed to disk after each batch, so that `send --resume` after a crash or Ctrl-C sends nothing
 * already accepted. A crash can lose at most the answer to the batches in flight; those are sent
 * again, which is safe (the PI ignores what it already has).
 */

import { t } from '../i18n/translate.js';
import { closeSync, existsSync, fsync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PiSenderError } from '../errors.js';
import { redact } from '../redact.js';
import type { SendOutcome } from '../pi/results.js';

export interface JournalHeader {
  v: 1;
  file: string;
  size: number;
  mtimeMs: number;
  endpoint: string;
  startedAt: string;
}

export interface JournalEntry {
  /** Index of the Documento in the file (1-based). */
  i: number;
  /** Its Protocolo, to detect a changed file. */
  p: string;
  o: SendOutcome;
  c?: string;
  m?: string;
  a: number;
}

export function journalPath(reportPath: string): string {
  return `${reportPath}.journal`;
}

/** What a previous, interrupted run left: final answers by Documento index. */
export function loadJournal(file: string, expected: Omit<JournalHeader, 'startedAt' | 'v'>): Map<number, JournalEntry> {
  const lines = readFileSync(file, 'utf8').split('\n');
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[0] ?? '') as JournalHeader;
  } catch {
    throw new PiSenderError('ERR_USAGE', t('upload.journalUnreadable', { file }), { file });
  }
  if (header.file !== expected.file) {
    throw new PiSenderError('ERR_USAGE', t('upload.journalOtherFile', { file, journaled: header.file, expected: expected.file }), { file });
  }
  if (header.size !== expected.size || Math.round(header.mtimeMs) !== Math.round(expected.mtimeMs)) {
    throw new PiSenderError('ERR_USAGE', t('upload.journalFileChanged', { file: expected.file }), { file });
  }
  if (header.endpoint !== expected.endpoint) {
    throw new PiSenderError('ERR_USAGE', t('upload.journalOtherEndpoint', { journaled: header.endpoint, expected: expected.endpoint }), { file });
  }
  const entries = new Map<number, JournalEntry>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    try {
      const e = JSON.parse(line) as JournalEntry;
      // A later answer wins: a Documento failed in one run may be accepted in the next.
      entries.set(e.i, e);
    } catch {
      // The last line may be cut by a crash; everything before it was flushed.
    }
  }
  return entries;
}

export class Journal {
  private fd: number;

  private constructor(
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Starts a new journal (replacing any) or continues an existing one. */
  static open(file: string, header: JournalHeader, append: boolean): Journal {
    try {
      if (append && existsSync(file) && statSync(file).size > 0) {
        const fd = openSync(file, 'a');
        const j = new Journal(file, fd);
        // A crash may have cut the last line: end it before appending.
        writeSync(fd, '\n');
        return j;
      }
      const fd = openSync(file, 'w');
      writeSync(fd, `${JSON.stringify(header)}\n`);
      fsyncSync(fd);
      return new Journal(file, fd);
    } catch (err) {
      throw new PiSenderError(
        'ERR_FILE_WRITE',
        t('upload.cannotWriteJournal', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }),
        {
          file: path.resolve(file),
        },
      );
    }
  }

  /**
   * Appends answers; resolves once they are on disk. The write is immediate (lines stay whole and in
   * order); the fsync runs in libuv's pool, so the event loop keeps reading and sending meanwhile.
   */
  async record(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    writeSync(this.fd, entries.map((e) => `${redact(JSON.stringify(e))}\n`).join(''));
    await new Promise<void>((resolve, reject) => fsync(this.fd, (err) => (err ? reject(err) : resolve())));
  }

  close(remove: boolean): void {
    closeSync(this.fd);
    if (remove) unlinkSync(this.file);
  }
}
