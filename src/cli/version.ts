/**
 * The package's version, and the one command line that needs nothing else: `pi-sender --version`
 * alone. Monitoring checks and install scripts run it often; answering it here spares them the
 * message catalog (17 modules) and commander, which every other command line loads.
 */

import { readFileSync } from 'node:fs';
import { parseLanguage } from '../i18n/language.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * Whether `args` (the command line after the script) only asks for the version. Anything else, an
 * invalid PI_SENDER_LANG included (which the program refuses with a usage error), takes the whole
 * program, so the answer cannot differ from the program's own.
 */
export function asksOnlyForVersion(args: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (args.length !== 1 || (args[0] !== '--version' && args[0] !== '-V')) return false;
  const language = env['PI_SENDER_LANG'];
  return language === undefined || language === '' || parseLanguage(language) !== undefined;
}
