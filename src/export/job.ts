/**
 * One run of the export job: take the lock, read what changed in the SPE into the store, send what is
 * due, record the run, send the alerts that are due. A run that fails loses nothing: the watermark
 * moves only after its window is stored, and packages change state only with the PI's answer.
 */

import { t } from '../i18n/translate.js';
import { isPiSenderError, PiSenderError } from '../errors.js';
import { silentLogger, type Logger } from '../logging.js';
import { createPiClient, piSettings, type PiConnection } from '../pi/connect.js';
import type { PiService } from '../pi/client.js';
import { finishFiles, pendingFiles, type FileRegistry } from '../sources/files/drop-folder.js';
import { createSource } from '../sources/index.js';
import type { Window } from '../sources/source.js';
import { instantOf, nowInZone, withZoneOffset } from '../standard/datetime.js';
import { XsdPool, type XsdValidatorService } from '../standard/xsd-pool.js';
import { Store, type StoreStatus } from '../store/store.js';
import { sendAlerts, type AlertDelivery } from './alerts.js';
import type { ExportConfig } from './config.js';
import { emptyExtractCounts, extractFromSource, extractFromXmlFiles, type ExtractCounts } from './extract.js';
import { emptySendCounts, sendDue, type SendCounts, type SendProgress } from '../outbox/send-due.js';

export interface ExportOptions {
  config: ExportConfig;
  /** The PI client; by default built from the configuration and the environment. */
  client?: PiService;
  log?: Logger;
  /** Stops between batches (Ctrl-C); what was answered is recorded. */
  signal?: AbortSignal;
  /** Extract only, send nothing. */
  noSend?: boolean;
  xsd?: XsdValidatorService;
  /** Where the sending stands, for a progress line. */
  onProgress?: (p: SendProgress) => void;
}

export interface ExportSummary {
  run: number;
  window: Window | undefined;
  extract: ExtractCounts;
  send: SendCounts;
  status: StoreStatus;
  alerts: AlertDelivery[];
  /** Set when the run failed; what was done before the failure stays done. */
  error?: { code: string; message: string };
  /** False when the watermark did not move (items of processes the queries did not return, or an interrupt). */
  complete: boolean;
  /** True when SIGINT/SIGTERM stopped the run between batches (or while reading): not a failure. */
  interrupted: boolean;
  durationMs: number;
}

/** `YYYY-MM-DD HH:MM:SS` in the zone, the form the SPE queries compare with. */
export function localTime(epochMs: number, timeZone: string): string {
  return nowInZone(timeZone, epochMs).slice(0, 19).replace('T', ' ');
}

/** The window of this run: from the watermark (minus the overlap) to now. */
export function runWindow(config: ExportConfig, watermark: string | undefined, nowMs = Date.now()): Window {
  const start = watermark ?? config.watermark.initial;
  // A key watermark: :since is the last key read (no overlap: the key only grows); :until is now.
  if (config.watermark.column) return { since: start, until: localTime(nowMs, config.timeZone) };
  const startMs = instantOf(withZoneOffset(start.replace(' ', 'T'), config.timeZone)) ?? 0;
  // Re-reading an overlap catches items committed late with an earlier time; they are queued once.
  const since = watermark ? localTime(startMs - config.watermark.overlapMinutes * 60_000, config.timeZone) : start;
  return { since, until: localTime(nowMs, config.timeZone) };
}

/** The PI client of a configuration: endpoint and user from it (or PI_ENDPOINT/PI_USER), password from PI_PASSWORD or its file. */
export function connectFromConfig(config: ExportConfig): PiConnection {
  return createPiClient(piSettings({ ...config.pi, proxyOrigin: 'pi.proxy' }));
}

function registryOf(store: Store): FileRegistry {
  return { isRead: (n, s, m) => store.fileAlreadyRead(n, s, m), markRead: (n, s, m) => store.markFileRead(n, s, m) };
}

export async function runExport(options: ExportOptions): Promise<ExportSummary> {
  const { config } = options;
  const log = options.log ?? silentLogger;
  const started = Date.now();
  const store = Store.open(config.store);
  const lock = store.acquireLock();
  if (!lock.acquired) {
    store.close();
    throw new PiSenderError('ERR_USAGE', t('job.locked', { pid: String(lock.pid), host: lock.host ?? '?', since: lock.since ?? '?' }));
  }
  store.keepCpfs(config.pi.sendCpf);
  let extract = emptyExtractCounts();
  let send = emptySendCounts();
  let error: ExportSummary['error'];
  let complete = true;
  let interrupted = false;
  let window: Window | undefined;
  const sqlSource = config.source.type !== 'csv' && config.source.type !== 'jsonl' && config.source.type !== 'xml';
  if (sqlSource) window = runWindow(config, store.watermark);
  const run = store.startRun(window?.since ?? null, window?.until ?? null);
  let connection: PiConnection | undefined;
  const xsd = options.xsd ?? new XsdPool();
  try {
    const registry = registryOf(store);
    if (config.source.type === 'xml') {
      const s = config.source;
      const { counts, read } = await extractFromXmlFiles(pendingFiles(s.folder, s.pattern, registry), store, run, log);
      extract = counts;
      finishFiles(read, s, registry);
    } else {
      const source = createSource(config.source, config.timeZone, registry);
      try {
        const result = await extractFromSource(source, config, store, run, window ?? { since: '', until: '' }, log, options.signal);
        extract = result.counts;
        complete = result.complete;
        if (complete && window) {
          const next = config.watermark.column ? (result.maxKey ?? store.watermark) : window.until;
          if (next !== undefined) store.setMeta('watermark', next);
        }
        await source.complete();
      } finally {
        await source.close();
      }
    }
    if (!options.noSend && options.signal?.aborted !== true) {
      let client = options.client;
      if (!client) {
        connection = connectFromConfig(config);
        client = connection.client;
      }
      send = await sendDue(store, client, config, xsd, { log, signal: options.signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    }
    interrupted = options.signal?.aborted === true;
    store.finishRun(run, interrupted ? 'interrupted' : 'ok', { extract, send });
  } catch (err) {
    if (options.signal?.aborted === true && (isPiSenderError(err, 'ERR_INTERRUPTED') || !isPiSenderError(err))) {
      // Stopped by the person or the scheduler, not failed: what was answered is recorded.
      interrupted = true;
      store.finishRun(run, 'interrupted', { extract, send });
    } else {
      error = { code: isPiSenderError(err) ? err.code : 'ERR_INTERNAL', message: err instanceof Error ? err.message : String(err) };
      store.finishRun(run, 'failed', { extract, send }, error.message);
      if (!isPiSenderError(err)) log.error({ err }, t('job.internalError'));
    }
  } finally {
    await connection?.transport.close();
    if (!options.xsd) await xsd.close();
  }
  let alerts: AlertDelivery[] = [];
  try {
    alerts = await sendAlerts(store, config, error ? { error } : {}, log);
  } catch (err) {
    // An alert that cannot be worked out never fails the run it reports on.
    log.error({ err: err instanceof Error ? err.message : String(err) }, t('job.alertsFailed'));
  }
  const status = store.status(config.sending.maxAttempts);
  store.releaseLock();
  store.close();
  return { run, window, extract, send, status, alerts, ...(error ? { error } : {}), complete, interrupted, durationMs: Date.now() - started };
}
