/**
 * A drop folder: the SPE (or a nightly export) writes CSV or JSON Lines files into a folder; each run
 * reads the files it has not read yet, in name order. A file is marked read (and moved aside) only
 * after what it held is durably stored, so a crash re-reads it (enqueueing is idempotent).
 */

import { t } from '../../i18n/translate.js';
import { createReadStream, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { parse } from 'csv-parse';
import { PiSenderError } from '../../errors.js';
import type { FileSourceConfig, QueryKind, XmlSourceConfig } from '../config.js';
import type { Row } from '../mapping.js';
import type { SpeSource } from '../source.js';

export interface FileRegistry {
  isRead(name: string, size: number, mtimeMs: number): boolean;
  markRead(name: string, size: number, mtimeMs: number): void;
}

export interface DropFile {
  name: string;
  path: string;
  size: number;
  mtimeMs: number;
}

/** A glob of `*` and `?` as a regular expression over a file name. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** New files of a folder matching a pattern, oldest name first. */
export function pendingFiles(folder: string, pattern: string, registry: FileRegistry): DropFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (err) {
    throw new PiSenderError('ERR_CONFIG', t('spe.dropFolder', { folder, reason: (err as NodeJS.ErrnoException).code ?? '' }));
  }
  const re = globToRegExp(pattern);
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((name) => {
      const p = path.join(folder, name);
      const st = statSync(p);
      return { name, path: p, size: st.size, mtimeMs: st.mtimeMs, isFile: st.isFile() };
    })
    .filter((f) => f.isFile && !registry.isRead(f.name, f.size, f.mtimeMs))
    .map(({ isFile: _isFile, ...f }) => f);
}

/** Marks files read and, unless kept, moves them to the read folder. */
export function finishFiles(
  files: DropFile[],
  config: Pick<FileSourceConfig | XmlSourceConfig, 'folder' | 'afterReading' | 'readFolder'>,
  registry: FileRegistry,
): void {
  if (files.length === 0) return;
  const target = path.join(config.folder, config.readFolder);
  if (config.afterReading === 'move') mkdirSync(target, { recursive: true });
  for (const f of files) {
    registry.markRead(f.name, f.size, f.mtimeMs);
    if (config.afterReading === 'move') renameSync(f.path, path.join(target, f.name));
  }
}

export class DropFolderSource implements SpeSource {
  readonly kinds: ReadonlySet<QueryKind>;
  private readonly read: DropFile[] = [];

  constructor(
    private readonly config: FileSourceConfig,
    private readonly registry: FileRegistry,
  ) {
    this.kinds = new Set((Object.keys(config.files) as QueryKind[]).filter((k) => config.files[k]));
  }

  async check(): Promise<void> {
    pendingFiles(this.config.folder, '*', this.registry);
  }

  async *rows(kind: QueryKind): AsyncIterable<Row> {
    const pattern = this.config.files[kind];
    if (!pattern) return;
    for (const file of pendingFiles(this.config.folder, pattern, this.registry)) {
      yield* this.config.type === 'csv' ? this.csv(file) : this.jsonl(file);
      this.read.push(file);
    }
  }

  private async *csv(file: DropFile): AsyncIterable<Row> {
    const parser = createReadStream(file.path, { encoding: this.config.encoding === 'latin1' ? 'latin1' : 'utf8' }).pipe(
      parse({
        columns: (header: string[]) => header.map((h) => h.trim()),
        delimiter: this.config.delimiter,
        bom: true,
        trim: true,
        skip_empty_lines: true,
        relax_quotes: false,
      }),
    );
    try {
      for await (const row of parser) yield row as Row;
    } catch (err) {
      const e = err as Error & { lines?: number };
      throw new PiSenderError('ERR_INVALID_DOCUMENT', t('spe.notCsv', { where: `${file.path}:${e.lines ?? '?'}`, message: e.message }), { file: file.path });
    }
  }

  private async *jsonl(file: DropFile): AsyncIterable<Row> {
    const lines = createInterface({
      input: createReadStream(file.path, { encoding: this.config.encoding === 'latin1' ? 'latin1' : 'utf8' }),
      crlfDelay: Infinity,
    });
    let n = 0;
    for await (const line of lines) {
      n++;
      const text = n === 1 ? line.replace(/^\ufeff/, '') : line;
      if (text.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (err) {
        throw new PiSenderError('ERR_INVALID_DOCUMENT', t('spe.notJson', { where: `${file.path}:${n}`, message: (err as Error).message }), {
          file: file.path,
          line: n,
        });
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw new PiSenderError('ERR_INVALID_DOCUMENT', t('spe.notObject', { where: `${file.path}:${n}` }), { file: file.path, line: n });
      }
      yield row as Row;
    }
  }

  async complete(): Promise<void> {
    finishFiles(this.read.splice(0), this.config, this.registry);
  }

  async close(): Promise<void> {
    // Nothing held open between rows.
  }
}
