/**
 * `pi-sender init`: writes a commented configuration to start from.
 */

import { existsSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { configTemplate, TEMPLATE_SOURCES, type TemplateSource } from '../export/config-template.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .addOption(new Option('--source <type>', 'where the SPE data comes from').choices(TEMPLATE_SOURCES).default('postgres'))
    .option('-o, --output <file>', 'where to write it', 'pi-sender.yaml')
    .option('--force', 'replace an existing file')
    .action((flags: { source: TemplateSource; output: string; force?: boolean }) => {
      if (existsSync(flags.output) && !flags.force) throw new PiSenderError('ERR_USAGE', `${flags.output} exists: use --force to replace it`);
      writeFileSync(flags.output, configTemplate(flags.source));
      process.stderr.write(
        `wrote ${flags.output} (${flags.source} source). Edit the queries and the mapping for your SPE, then:\n  pi-sender check-config --config ${flags.output}\n`,
      );
    });
}
