/**
 * `pi-sender alerts test`: sends a test message through every configured alert channel and says
 * which worked, so that an agency knows before a real problem that its alerts reach a person.
 */

import type { Command } from 'commander';
import { sendTestAlert } from '../export/alerts.js';
import { addConfigOption, readConfig, type ConfigFlags } from './config-file.js';
import { EXIT, exitCodesHelp } from './exit-codes.js';
import { createLogger } from './logger.js';

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts');
  addConfigOption(alerts.command('test').description('send a test message through every configured channel (webhook, e-mail) and say which worked'))
    .addHelpText('after', exitCodesHelp('alerts', [0, 2, 3]))
    .action(async (flags: ConfigFlags) => {
      const config = readConfig(flags);
      const channels = [...(config.alerts.webhook ? ['webhook'] : []), ...(config.alerts.email ? ['email'] : [])];
      if (channels.length === 0) {
        process.stderr.write(`no alert channel in ${config.file}: add alerts.webhook or alerts.email (docs/export.md#alerts)\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      const delivery = await sendTestAlert(config.store, config.alerts, createLogger('silent'));
      for (const c of channels) {
        const error = delivery.errors.find((e) => e.startsWith(`${c}:`));
        process.stdout.write(`${c}: ${error ? `NOT delivered: ${error.slice(c.length + 2)}` : 'delivered'}\n`);
      }
      process.exitCode = delivery.errors.length === 0 ? EXIT.OK : EXIT.UNAVAILABLE;
    });
}
