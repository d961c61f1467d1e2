/**
 * `pi-sender status`: what the state store says: packages per state, last successful send, oldest
 * pending, and whether something needs a person, with an exit code a monitoring probe can read.
 */

import type { Command } from 'commander';
import { addStoreOptions, hoursSince, storeContext, when, type StoreFlags } from './config-file.js';
import { EXIT, exitCodesHelp } from './exit-codes.js';

export const DEADLINE_HOURS = 48;

export function registerStatus(program: Command): void {
  addStoreOptions(program.command('status'))
    .option('--json', 'print JSON')
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
        const out = [
          `state store: ${ctx.file}`,
          `packages: NI ${c.NI} (waiting), I ${c.I} (integrated), EN ${c.EN} (${s.enFromPi} refused by the PI, ${s.enFromValidation} invalid), FI ${c.FI} (${s.fiExhausted} past ${ctx.maxAttempts} attempts)`,
          `last successful send: ${when(s.lastSuccessAt, ctx.timeZone)}${since === null ? '' : ` (${since.toFixed(1)} hours ago)`}`,
          `oldest pending package: ${s.oldestPendingAt ? when(s.oldestPendingAt, ctx.timeZone) : 'none'}`,
          `last run: ${s.lastRun ? `#${s.lastRun.id} ${s.lastRun.status}, ${when(s.lastRun.startedAt, ctx.timeZone)}${s.lastRun.error ? ` (${s.lastRun.error})` : ''}` : 'none'}`,
          `watermark: ${s.watermark ?? 'none yet'}; ${s.items} history items stored`,
        ];
        if (late)
          out.push(
            `WARNING: ${since === null ? 'nothing was ever sent successfully' : `nothing was sent successfully for ${Math.floor(since)} hours`} while ${pending} packages wait: the Portaria asks for updates at most every ${DEADLINE_HOURS} hours`,
          );
        if (stale.count > 0)
          out.push(
            `WARNING: ${stale.count} packages have been EN or FI for more than ${ctx.staleAfterDays} days (the oldest since ${when(stale.oldestAt, ctx.timeZone)}): pi-sender list --state EN, --state FI`,
          );
        if (s.fiExhausted > 0) out.push(`WARNING: ${s.fiExhausted} FI packages reached the attempt limit and are not retried: pi-sender resend --state FI`);
        process.stdout.write(`${out.join('\n')}\n`);
      }
      process.exitCode = warnings.length > 0 ? EXIT.INVALID : EXIT.OK;
    });
}
