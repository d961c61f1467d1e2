/**
 * `pi-sender init`: writes a commented configuration to start from.
 */

import { t } from '../i18n/translate.js';
import { existsSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { configTemplate, TEMPLATE_SOURCES, type TemplateSource } from '../export/config-template.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .addOption(new Option('--source <type>', t('init.optSource')).choices(TEMPLATE_SOURCES).default('postgres'))
    .option('-o, --output <file>', t('init.optOutput'), 'pi-sender.yaml')
    .option('--force', t('init.optForce'))
    .action((flags: { source: TemplateSource; output: string; force?: boolean }) => {
      if (existsSync(flags.output) && !flags.force) throw new PiSenderError('ERR_USAGE', t('init.exists', { file: flags.output }));
      writeFileSync(flags.output, configTemplate(flags.source));
      process.stderr.write(`${t('init.wrote', { file: flags.output, source: flags.source })}\n`);
    });
}
