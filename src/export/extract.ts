/**
 * Extraction: reads what changed in the SPE into the store, then puts the new history items into
 * packages. Rows are streamed and written in committed chunks; nothing is held in memory but a chunk.
 *
 * Privacy: items of a process that may not be published (sigiloso; restrito unless enabled; an access
 * level the mapping does not know) are never stored. Items whose process the `processos` query did not
 * return are not stored either, and hold the watermark back until the query is fixed, so that nothing
 * is lost.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError } from '../errors.js';
import type { Logger } from '../logging.js';
import type { DropFile } from '../sources/files/drop-folder.js';
import { RowMapper, type Row } from '../sources/mapping.js';
import type { SpeSource, Window } from '../sources/source.js';
import { readListaDocumentos } from '../standard/reader.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import type { Store } from '../store/store.js';
import type { ExportConfig, QueryKind } from './config.js';

export interface ExtractCounts {
  processes: number;
  /** Processes seen that may not be published (their items are not stored). */
  notPublishable: number;
  /** Of those, with an access level the mapping does not know. */
  unknownAccess: number;
  interessados: number;
  relacionados: number;
  itemsNew: number;
  itemsChanged: number;
  itemsAlreadyQueued: number;
  /** Items whose task code is not published. */
  itemsNotPublished: number;
  /** Items of processes that may not be published. */
  itemsWithheld: number;
  /** Processes that became sigiloso (or restrito while not published): their unsent movements were deleted. */
  processesDropped: number;
  /** Withheld processes that became publishable in this run. */
  processesNowPublic: number;
  /** Items of processes the processos query did not return: they hold the watermark back. */
  itemsOrphan: number;
  /** Rows that could not be read (no id, no process). */
  rowsInvalid: number;
  packagesCreated: number;
  packagesReopened: number;
}

export const emptyExtractCounts = (): ExtractCounts => ({
  processes: 0,
  notPublishable: 0,
  unknownAccess: 0,
  interessados: 0,
  relacionados: 0,
  itemsNew: 0,
  itemsChanged: 0,
  itemsAlreadyQueued: 0,
  itemsNotPublished: 0,
  itemsWithheld: 0,
  processesDropped: 0,
  processesNowPublic: 0,
  itemsOrphan: 0,
  rowsInvalid: 0,
  packagesCreated: 0,
  packagesReopened: 0,
});

const CHUNK = 2000;

/** Reads rows of one kind and writes them in committed chunks. */
async function inChunks(source: SpeSource, kind: QueryKind, window: Window, store: Store, write: (row: Row) => void, signal?: AbortSignal): Promise<void> {
  let chunk: Row[] = [];
  const flush = (): void => {
    const rows = chunk;
    chunk = [];
    store.transaction(() => {
      for (const r of rows) write(r);
    });
  };
  for await (const row of source.rows(kind, window)) {
    chunk.push(row);
    if (chunk.length >= CHUNK) {
      flush();
      if (signal?.aborted) return;
    }
  }
  flush();
}

export interface ExtractResult {
  counts: ExtractCounts;
  /** With a key watermark (watermark.column): the largest key among the history rows read. */
  maxKey?: string;
  /** False when something must be read again next time (orphan items): the watermark stays. */
  complete: boolean;
}

/**
 * Reads the window's rows into the store. An interrupt (`signal`) stops between chunks: what was read
 * is stored, the result is incomplete, so the watermark stays and the next run reads the window again.
 */
export async function extractFromSource(
  source: SpeSource,
  config: ExportConfig,
  store: Store,
  run: number,
  window: Window,
  log: Logger,
  signal?: AbortSignal,
): Promise<ExtractResult> {
  const counts = emptyExtractCounts();
  const mapper = new RowMapper(config.mapping!, { timeZone: config.timeZone, publishRestrito: config.publishRestrito, sendCpf: config.pi.sendCpf });
  // Publishable state of the processes returned in this run: items are checked against it.
  const seen = new Map<string, boolean>();
  // Withheld processes that may be published from this run on: their earlier movements were never read.
  const nowPublic = new Set<string>();
  // Interrupted: what was read stays stored (idempotent), the lists replaced in this run keep the old
  // rows too (the normalizer drops repeated names), and the watermark stays for the next run.
  const stopped = (): ExtractResult => {
    const assembled = store.assemblePackages();
    counts.packagesCreated = assembled.created;
    counts.packagesReopened = assembled.reopened;
    return { counts, complete: false };
  };

  await inChunks(
    source,
    'processos',
    window,
    store,
    (row) => {
      const p = mapper.processo(row);
      if ('error' in p) {
        counts.rowsInvalid++;
        return;
      }
      counts.processes++;
      if (!p.publishable) {
        counts.notPublishable++;
        if (p.access === 'unknown') counts.unknownAccess++;
      }
      seen.set(p.speId, p.publishable);
      const change = store.upsertProcess(p, run);
      if (change === 'dropped') counts.processesDropped++;
      if (change === 'now-public') nowPublic.add(p.speId);
    },
    signal,
  );
  if (signal?.aborted) return stopped();

  // Positions only keep the order of the rows within a run: one counter serves every process.
  let position = 0;
  /** Rows that belong to a publishable process of this run (interessados, related protocols). */
  const linked = async <T extends { processo: string }>(
    kind: 'interessados' | 'relacionados',
    map: (row: Row) => T | undefined,
    add: (x: T, position: number) => void,
  ): Promise<void> => {
    await inChunks(
      source,
      kind,
      window,
      store,
      (row) => {
        const x = map(row);
        if (!x) return void counts.rowsInvalid++;
        if (seen.get(x.processo) !== true) return;
        add(x, ++position);
        counts[kind]++;
      },
      signal,
    );
  };
  if (source.kinds.has('interessados') && config.mapping!.interessado) {
    await linked(
      'interessados',
      (row) => mapper.interessado(row),
      (i, at) => store.addInteressado(i.processo, at, i.nome, run, i.extra),
    );
  }
  if (source.kinds.has('relacionados') && config.mapping!.relacionado) {
    await linked(
      'relacionados',
      (row) => mapper.relacionado(row),
      (r, at) => store.addRelacionado(r.processo, at, r.protocolo, run),
    );
  }
  if (signal?.aborted) return stopped();
  const reopened = store.transaction(() =>
    store.finishProcesses(run, {
      interessados: source.kinds.has('interessados') && config.mapping!.interessado !== undefined,
      relacionados: source.kinds.has('relacionados') && config.mapping!.relacionado !== undefined,
    }),
  );

  const orphanProcesses = new Set<string>();
  const keyColumn = config.watermark.column;
  let maxKey: string | undefined;
  await inChunks(
    source,
    'historico',
    window,
    store,
    (row) => {
      if (keyColumn) maxKey = largerKey(maxKey, keyOf(row, keyColumn));
      const item = mapper.item(row);
      if ('error' in item) return void counts.rowsInvalid++;
      if ('skip' in item) return void counts.itemsNotPublished++;
      const publishable = seen.get(item.process) ?? store.processPublishable(item.process);
      if (publishable === undefined) {
        counts.itemsOrphan++;
        orphanProcesses.add(item.process);
        return;
      }
      if (!publishable) return void counts.itemsWithheld++;
      countItem(counts, store.upsertItem(item));
    },
    signal,
  );
  if (signal?.aborted) return stopped();
  counts.processesNowPublic = nowPublic.size;
  if (nowPublic.size > 0 && config.publishEarlierMovements) {
    // Their earlier movements are outside this window: read the history from the start, keep theirs.
    const all = { since: config.watermark.initial, until: window.until };
    const earlier = (row: Row): void => {
      const item = mapper.item(row);
      if ('error' in item || 'skip' in item || !nowPublic.has(item.process)) return;
      countItem(counts, store.upsertItem(item));
    };
    await inChunks(source, 'historico', all, store, earlier, signal);
    if (signal?.aborted) return stopped();
  }
  if (counts.itemsOrphan > 0) {
    log.error({ items: counts.itemsOrphan, processes: orphanProcesses.size, example: [...orphanProcesses].slice(0, 5) }, t('job.orphans'));
  }
  if (counts.rowsInvalid > 0) log.warn({ rows: counts.rowsInvalid }, t('job.invalidRows'));
  if (counts.unknownAccess > 0) log.warn({ processes: counts.unknownAccess }, t('job.unknownAccess'));

  const assembled = store.assemblePackages();
  counts.packagesCreated = assembled.created;
  counts.packagesReopened = assembled.reopened + reopened;
  return { counts, complete: counts.itemsOrphan === 0, ...(maxKey !== undefined ? { maxKey } : {}) };
}

/** The watermark key of a history row (its column found regardless of case), as text. */
function keyOf(row: Row, column: string): string | undefined {
  const key = Object.keys(row).find((k) => k.toLowerCase() === column.toLowerCase());
  if (key === undefined) throw new PiSenderError('ERR_CONFIG', t('job.watermarkColumn', { column, columns: Object.keys(row).join(', ') }));
  const v = row[key];
  return v === null || v === undefined ? undefined : String(v);
}

/** The larger of two keys: as numbers when both are integers, else as text. */
function largerKey(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(b) > BigInt(a) ? b : a;
  return b > a ? b : a;
}

function countItem(counts: ExtractCounts, result: 'new' | 'same' | 'changed'): void {
  if (result === 'new') counts.itemsNew++;
  else if (result === 'changed') counts.itemsChanged++;
  else counts.itemsAlreadyQueued++;
}

/**
 * An XML drop folder: each Documento of each new ListaDocumentos file is stored as a process (keyed
 * by Protocolo) with its items. Such files carry no access level: only public items belong there.
 * A file that cannot be read to its end is not marked read, so it is read again after it is fixed.
 */
export async function extractFromXmlFiles(files: DropFile[], store: Store, run: number, log: Logger): Promise<{ counts: ExtractCounts; read: DropFile[] }> {
  const counts = emptyExtractCounts();
  const read: DropFile[] = [];
  for (const file of files) {
    let fatal: string | undefined;
    let pending: Array<() => void> = [];
    const flush = (): void => {
      const writes = pending;
      pending = [];
      store.transaction(() => writes.forEach((w) => w()));
    };
    for await (const ev of readListaDocumentos(file.path, { repairLatin1: true })) {
      if (ev.kind === 'problem') {
        if (ev.fatal) fatal = `${file.path}:${ev.problem.line ?? 0}: ${ev.problem.code} ${ev.problem.message}`;
        continue;
      }
      if (ev.problems.some((p) => p.severity === 'error') && ev.xml === undefined) {
        counts.rowsInvalid++;
        log.warn({ file: file.path, line: ev.line, documento: ev.index }, t('job.unreadableDocumento'));
        continue;
      }
      const d = ev.documento;
      if (!normalizeProtocolo(d.Protocolo ?? '')) {
        counts.rowsInvalid++;
        continue;
      }
      counts.processes++;
      pending.push(() => {
        const stored = store.storeDocumento(d, run);
        counts.itemsNew += stored.items.new;
        counts.itemsChanged += stored.items.changed;
        counts.itemsAlreadyQueued += stored.items.same;
        counts.packagesReopened += stored.reopened;
      });
      if (pending.length >= 500) flush();
    }
    flush();
    if (fatal) {
      log.error({ file: file.path }, t('job.fileAgain', { problem: fatal }));
      continue;
    }
    read.push(file);
  }
  const assembled = store.assemblePackages();
  counts.packagesCreated = assembled.created;
  counts.packagesReopened += assembled.reopened;
  return { counts, read };
}
