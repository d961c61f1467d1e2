/**
 * `pi-sender resend`: the SEI module's "forçar reenvio": packages go back to NI and the next export
 * sends them, integrated ones too (the PI ignores what it already has).
 */

import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import { PACKAGE_STATES, type PackageState } from '../store/store.js';
import { addStoreOptions, storeContext, type StoreFlags } from './config-file.js';

export function registerResend(program: Command): void {
  addStoreOptions(program.command('resend'))
    .option('--protocolo <number>', t('resend.optProtocolo'))
    .addOption(new Option('--state <state>', t('resend.optState')).choices(PACKAGE_STATES))
    .option('--json', t('resend.optJson'))
    .action((flags: StoreFlags & { protocolo?: string; state?: PackageState; json?: boolean }) => {
      if (!flags.protocolo && !flags.state) throw new PiSenderError('ERR_USAGE', t('resend.giveOne'));
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
          process.stdout.write(`${t('resend.done', { count: n })}\n`);
        }
      } finally {
        store.close();
      }
    });
}
