/**
 * Options shared by every command that talks to the PI: endpoint, credentials, TLS, proxy, timeouts.
 * Resolution: flags over environment (PI_ENDPOINT, PI_USER, PI_PASSWORD, ...) over defaults.
 * Passwords and passphrases only from the environment or a file.
 */

import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { createPiClient, piSettings, type PiConnection, type PiOptions } from '../pi/connect.js';
import { PI_TRANSPORTS } from '../pi/service.js';

/** The connection flags: the PI options, with --timeout in seconds. */
export interface PiConnectionFlags extends Omit<PiOptions, 'timeoutSeconds'> {
  timeout?: number;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--endpoint <url>', t('opt.endpoint'))
    .option('--user <login>', t('opt.user'))
    .option('--password-file <file>', t('opt.passwordFile'))
    .option('--ca <file>', t('opt.ca'), collect)
    .option('--cert <file>', t('opt.cert'))
    .option('--key <file>', t('opt.key'))
    .option('--pfx <file>', t('opt.pfx'))
    .option('--cert-passphrase-file <file>', t('opt.certPassphraseFile'))
    .option('--proxy <url>', t('opt.proxy'))
    .option('--proxy-credentials-file <file>', t('opt.proxyCredentialsFile'))
    .addOption(new Option('--timeout <seconds>', t('opt.timeout')).argParser(positiveInt('--timeout')).default(120))
    .addOption(new Option('--transport <transport>', t('opt.transport')).choices(PI_TRANSPORTS));
}

export function positiveInt(name: string): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new PiSenderError('ERR_USAGE', t('opt.positiveInt', { name, value: v }));
    return n;
  };
}

export type { PiConnection as Connection } from '../pi/connect.js';

/** Builds the PI client from flags and environment; throws ERR_CONFIG with what is missing. */
export function connect(flags: PiConnectionFlags): PiConnection {
  const settings = piSettings({ ...flags, timeoutSeconds: flags.timeout ?? 120 });
  if (settings.password === undefined) throw new PiSenderError('ERR_CONFIG', t('opt.noPassword'));
  return createPiClient(settings);
}
