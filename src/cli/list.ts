/**
 * `pi-sender list`: packages by state, Protocolo or date, newest first.
 */

import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import { PACKAGE_STATES, type PackageRow, type PackageState } from '../store/store.js';
import { addStoreOptions, storeContext, when, type StoreFlags } from './config-file.js';
import { parsePersonDate } from '../standard/datetime.js';
import { positiveInt } from './connection.js';

interface ListFlags extends StoreFlags {
  state?: PackageState;
  protocolo?: string;
  since?: string;
  limit: number;
  json?: boolean;
}

export function registerList(program: Command): void {
  addStoreOptions(program.command('list'))
    .addOption(new Option('--state <state>', t('list.optState')).choices(PACKAGE_STATES))
    .option('--protocolo <number>', t('list.optProtocolo'))
    .option('--since <date>', t('list.optSince'))
    .addOption(new Option('--limit <n>', t('list.optLimit')).argParser(positiveInt('--limit')).default(50))
    .option('--json', t('opt.jsonLines'))
    .action((flags: ListFlags) => {
      const ctx = storeContext(flags);
      let since: string | undefined;
      if (flags.since) {
        since = parsePersonDate(flags.since, ctx.timeZone);
        if (since === undefined) throw new PiSenderError('ERR_USAGE', t('list.notADate', { value: flags.since }));
      }
      const store = ctx.open();
      let rows: PackageRow[];
      try {
        rows = store.listPackages({
          ...(flags.state ? { state: flags.state } : {}),
          ...(flags.protocolo ? { protocolo: normalizeProtocolo(flags.protocolo) } : {}),
          ...(since ? { since } : {}),
          limit: flags.limit,
        });
      } finally {
        store.close();
      }
      if (flags.json) {
        for (const r of rows)
          process.stdout.write(
            `${JSON.stringify({ id: r.id, protocolo: r.protocolo, state: r.state, attempts: r.attempts, code: r.code, message: r.message, origin: r.origin, createdAt: r.created_at, sentAt: r.sent_at, stateAt: r.state_at })}\n`,
          );
        return;
      }
      if (rows.length === 0) {
        process.stdout.write(`${t('list.none')}\n`);
        return;
      }
      const lines = rows.map((r) => [
        String(r.id),
        r.state,
        String(r.attempts),
        r.protocolo ?? '',
        when(r.state_at, ctx.timeZone),
        r.code ?? '',
        (r.message ?? '').slice(0, 80),
      ]);
      const head = t('list.head').split('|');
      const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
      const fmt = (cols: string[]): string => cols.map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
      process.stdout.write(`${[fmt(head), ...lines.map(fmt)].join('\n')}\n`);
    });
}
