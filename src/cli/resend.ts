/**
 * `pi-sender resend`: the SEI module's "forçar reenvio": packages go back to NI and the next export
 * sends them, integrated ones too (the PI ignores what it already has).
 */

import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import { PACKAGE_STATES, type PackageState } from '../store/store.js';
import { addStoreOptions, storeContext, type StoreFlags } from './config-file.js';

export function registerResend(program: Command): void {
  addStoreOptions(program.command('resend'))
    .option('--protocolo <number>', 'the packages of this Protocolo')
    .addOption(
      new Option('--state <state>', 'every package in this state (e.g. FI past the attempt limit, or EN after fixing the data)').choices(PACKAGE_STATES),
    )
    .option('--json', 'print {"packages": N, ...} on stdout instead of the sentence')
    .action((flags: StoreFlags & { protocolo?: string; state?: PackageState; json?: boolean }) => {
      if (!flags.protocolo && !flags.state) throw new PiSenderError('ERR_USAGE', 'give --protocolo P or --state S');
      const store = storeContext(flags).open();
      try {
        const n = store.resend({
          ...(flags.protocolo ? { protocolo: normalizeProtocolo(flags.protocolo) } : {}),
          ...(flags.state ? { state: flags.state } : {}),
        });
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ type: 'resend', packages: n, protocolo: flags.protocolo ?? null, state: flags.state ?? null, newState: 'NI' })}\n`,
          );
        } else {
          process.stdout.write(`${n} package${n === 1 ? '' : 's'} set to NI: the next export sends ${n === 1 ? 'it' : 'them'}\n`);
        }
      } finally {
        store.close();
      }
    });
}
