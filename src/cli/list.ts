/**
 * `pi-sender list`: packages by state, Protocolo or date, newest first.
 */

import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
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
    .addOption(new Option('--state <state>', 'NI, I, EN or FI').choices(PACKAGE_STATES))
    .option('--protocolo <number>', 'one Protocolo (formatted or not)')
    .option('--since <date>', 'changed since this date: AAAA-MM-DD or DD/MM/AAAA, optionally with HH:MM (in the configured zone)')
    .addOption(new Option('--limit <n>', 'at most this many').argParser(positiveInt('--limit')).default(50))
    .option('--json', 'one JSON object per line')
    .action((flags: ListFlags) => {
      const ctx = storeContext(flags);
      let since: string | undefined;
      if (flags.since) {
        since = parsePersonDate(flags.since, ctx.timeZone);
        if (since === undefined) throw new PiSenderError('ERR_USAGE', `--since: not a date: '${flags.since}' (write AAAA-MM-DD or DD/MM/AAAA)`);
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
        process.stdout.write('no packages\n');
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
      const head = ['id', 'state', 'tries', 'protocolo', 'changed', 'code', 'message'];
      const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
      const fmt = (cols: string[]): string => cols.map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
      process.stdout.write(`${[fmt(head), ...lines.map(fmt)].join('\n')}\n`);
    });
}
