/**
 * `pi-sender alerts test`: sends a test message through every configured alert channel and says
 * which worked, so that an agency knows before a real problem that its alerts reach a person.
 */

import { t } from '../i18n/translate.js';
import type { Command } from 'commander';
import { sendTestAlert } from '../export/alerts.js';
import { addConfigOption, readConfig, type ConfigFlags } from './config-file.js';
import { EXIT, exitCodesHelp } from './exit-codes.js';
import { createLogger } from './logger.js';

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts');
  addConfigOption(alerts.command('test').description(t('alerts.test')))
    .addHelpText('after', exitCodesHelp('alerts', [0, 2, 3]))
    .action(async (flags: ConfigFlags) => {
      const config = readConfig(flags);
      const channels = [...(config.alerts.webhook ? ['webhook'] : []), ...(config.alerts.email ? ['email'] : [])];
      if (channels.length === 0) {
        process.stderr.write(`${t('alerts.noChannel', { file: config.file })}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      const delivery = await sendTestAlert(config.store, config.alerts, createLogger('silent'), config.timeZone);
      for (const c of channels) {
        const error = delivery.errors.find((e) => e.startsWith(`${c}:`));
        process.stdout.write(`${error ? t('alerts.notDelivered', { channel: c, error: error.slice(c.length + 2) }) : t('alerts.delivered', { channel: c })}\n`);
      }
      process.exitCode = delivery.errors.length === 0 ? EXIT.OK : EXIT.UNAVAILABLE;
    });
}
