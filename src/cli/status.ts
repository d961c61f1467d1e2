/**
 * `pi-sender status`: what the state store says: packages per state, last successful send, oldest
 * pending, and whether something needs a person, with an exit code a monitoring probe can read.
 */

import type { Command } from 'commander';
import { addStoreOptions, hoursSince, storeContext, when, type StoreFlags } from './config-file.js';
import { t } from '../i18n/translate.js';
import { EXIT, exitCodesHelp } from './exit-codes.js';

export const DEADLINE_HOURS = 48;

export function registerStatus(program: Command): void {
  addStoreOptions(program.command('status'))
    .option('--json', t('opt.json'))
    .addHelpText('after', exitCodesHelp('status', [0, 1, 2, 4]))
    .action((flags: StoreFlags & { json?: boolean }) => {
      const ctx = storeContext(flags);
      const store = ctx.open();
      let s, stale;
      try {
        s = store.status(ctx.maxAttempts);
        stale = store.staleFailures(new Date(Date.now() - ctx.staleAfterDays * 86_400_000).toISOString());
      } finally {
        store.close();
      }
      const since = hoursSince(s.lastSuccessAt);
      const pending = s.counts.NI + (s.counts.FI - s.fiExhausted);
      const late = pending > 0 && (since === null || since > DEADLINE_HOURS);
      const warnings = [...(late ? ['deadline'] : []), ...(stale.count > 0 ? ['stale'] : []), ...(s.fiExhausted > 0 ? ['attempts'] : [])];
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({
            store: ctx.file,
            ...s,
            hoursSinceLastSuccess: since === null ? null : Math.round(since * 10) / 10,
            pending,
            stale: { count: stale.count, oldestAt: stale.oldestAt, afterDays: ctx.staleAfterDays },
            warning: warnings[0] ?? null,
            warnings,
          })}\n`,
        );
      } else {
        const c = s.counts;
        const run = s.lastRun;
        const out = [
          t('status.store', { file: ctx.file }),
          t('status.packages', {
            ni: c.NI,
            i: c.I,
            en: c.EN,
            enPi: s.enFromPi,
            enValidation: s.enFromValidation,
            fi: c.FI,
            fiExhausted: s.fiExhausted,
            maxAttempts: ctx.maxAttempts,
          }),
          t('status.lastSuccess', { when: when(s.lastSuccessAt, ctx.timeZone) }) +
            (since === null ? '' : t('status.hoursAgo', { hours: Math.round(since * 10) / 10 })),
          t('status.oldestPending', { when: s.oldestPendingAt ? when(s.oldestPendingAt, ctx.timeZone) : t('common.none') }),
          t('status.lastRun', {
            run: run
              ? t('status.run', { id: String(run.id), status: run.status, when: when(run.startedAt, ctx.timeZone) }) + (run.error ? ` (${run.error})` : '')
              : t('common.none'),
          }),
          t('status.watermark', { watermark: s.watermark ?? t('status.noWatermark'), items: s.items }),
        ];
        if (late)
          out.push(
            since === null
              ? t('status.neverSent', { pending, limit: DEADLINE_HOURS })
              : t('status.late', { hours: Math.floor(since), pending, limit: DEADLINE_HOURS }),
          );
        if (stale.count > 0) out.push(t('status.stale', { count: stale.count, days: ctx.staleAfterDays, when: when(stale.oldestAt, ctx.timeZone) }));
        if (s.fiExhausted > 0) out.push(t('status.exhausted', { count: s.fiExhausted }));
        process.stdout.write(`${out.join('\n')}\n`);
      }
      process.exitCode = warnings.length > 0 ? EXIT.INVALID : EXIT.OK;
    });
}
