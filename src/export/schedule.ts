/**
 * `pi-sender export --schedule "0 2 * * *"`: keeps the process running and exports on that cron, in
 * the configured zone (America/Sao_Paulo by default). A run that is still going when the next one is
 * due is not overlapped: the next one is skipped (and the store's lock guards other processes too).
 */

import { t } from '../i18n/translate.js';
import { Cron } from 'croner';
import { PiSenderError } from '../errors.js';
import type { Logger } from '../logging.js';

export interface Scheduled {
  /** When the next run starts, or null when the expression never fires again. */
  next(): Date | null;
  /** Stops scheduling; a run in progress finishes. Resolves when it has. */
  stop(): Promise<void>;
}

export function scheduleRuns(expression: string, timeZone: string, run: () => Promise<void>, log: Logger): Scheduled {
  let current: Promise<void> | undefined;
  let job: Cron;
  try {
    job = new Cron(
      expression,
      {
        timezone: timeZone,
        protect: () => log.warn({ schedule: expression }, t('job.overlap')),
      },
      async () => {
        current = run().catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, t('job.scheduledFailed')));
        await current;
        current = undefined;
        log.info({ next: job.nextRun()?.toISOString() }, t('job.nextExport'));
      },
    );
  } catch (err) {
    throw new PiSenderError('ERR_USAGE', t('job.badSchedule', { expression, message: (err as Error).message }));
  }
  return {
    next: () => job.nextRun(),
    stop: async () => {
      job.stop();
      await current;
    },
  };
}
