/**
 * `pi-sender status`: what the state store says: packages per state, last success, oldest pending,
 * and a warning past the 48 hours of the Portaria.
 */

import type { Command } from 'commander';
import { addConfigOption, hoursSince, openStore, readConfig, when, type ConfigFlags } from './config-file.js';
import { EXIT } from './exit-codes.js';

export const DEADLINE_HOURS = 48;

export function registerStatus(program: Command): void {
  addConfigOption(program.command('status'))
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 healthy; 1 nothing sent successfully for more than 48 hours while something is pending,\nor FI packages past the attempt limit; 2 configuration problem.',
    )
    .action((flags: ConfigFlags & { json?: boolean }) => {
      const config = readConfig(flags);
      const store = openStore(config);
      let s;
      try {
        s = store.status(config.sending.maxAttempts);
      } finally {
        store.close();
      }
      const since = hoursSince(s.lastSuccessAt);
      const pending = s.counts.NI + (s.counts.FI - s.fiExhausted);
      const late = pending > 0 && (since === null || since > DEADLINE_HOURS);
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ store: config.store, ...s, hoursSinceLastSuccess: since === null ? null : Math.round(since * 10) / 10, pending, warning: late ? 'deadline' : null })}\n`,
        );
      } else {
        const c = s.counts;
        const out = [
          `state store: ${config.store}`,
          `packages: NI ${c.NI} (waiting), I ${c.I} (integrated), EN ${c.EN} (${s.enFromPi} refused by the PI, ${s.enFromValidation} invalid), FI ${c.FI} (${s.fiExhausted} past ${config.sending.maxAttempts} attempts)`,
          `last successful send: ${when(s.lastSuccessAt, config.timeZone)}${since === null ? '' : ` (${since.toFixed(1)} hours ago)`}`,
          `oldest pending package: ${s.oldestPendingAt ? when(s.oldestPendingAt, config.timeZone) : 'none'}`,
          `last run: ${s.lastRun ? `#${s.lastRun.id} ${s.lastRun.status}, ${when(s.lastRun.startedAt, config.timeZone)}${s.lastRun.error ? ` (${s.lastRun.error})` : ''}` : 'none'}`,
          `watermark: ${s.watermark ?? 'none yet'}; ${s.items} history items stored`,
        ];
        if (late)
          out.push(
            `WARNING: ${since === null ? 'nothing was ever sent successfully' : `nothing was sent successfully for ${Math.floor(since)} hours`} while ${pending} packages wait: the Portaria asks for updates at most every ${DEADLINE_HOURS} hours`,
          );
        if (s.fiExhausted > 0) out.push(`WARNING: ${s.fiExhausted} FI packages reached the attempt limit and are not retried: pi-sender resend --state FI`);
        process.stdout.write(`${out.join('\n')}\n`);
      }
      process.exitCode = late || s.fiExhausted > 0 ? EXIT.INVALID : EXIT.OK;
    });
}
