/**
 * Options shared by every command that talks to the PI: endpoint, credentials, TLS, proxy, timeouts.
 * Resolution: flags over environment (PI_ENDPOINT, PI_USER, PI_PASSWORD, ...) over defaults.
 * Passwords and passphrases only from the environment or a file.
 */

import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { createPiClient, piSettings, type PiConnection, type PiOptions } from '../pi/connect.js';

/** The connection flags: the PI options, with --timeout in seconds. */
export interface PiConnectionFlags extends Omit<PiOptions, 'timeoutSeconds'> {
  timeout?: number;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--endpoint <url>', 'PI SOAP address, or "homologacao" / "producao" (also homologação, produção, preprod; env PI_ENDPOINT)')
    .option('--user <login>', 'PI login of the organ (env PI_USER); the password comes from PI_PASSWORD or --password-file')
    .option('--password-file <file>', 'file holding the PI password (else env PI_PASSWORD)')
    .option('--ca <file>', 'PEM file of an extra CA to trust (repeatable; env PI_CA_FILE)', collect)
    .option('--cert <file>', 'client certificate (PEM), for services that need one')
    .option('--key <file>', 'private key of --cert (PEM)')
    .option('--pfx <file>', 'client certificate and key as PKCS#12 (.p12/.pfx)')
    .option('--cert-passphrase-file <file>', 'file holding the passphrase of --key or --pfx (else env PI_CERT_PASSPHRASE)')
    .option('--proxy <url>', 'HTTP(S) proxy, without credentials (else HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment)')
    .option('--proxy-credentials-file <file>', 'file holding the proxy\'s "user:password" (never in --proxy: ps shows it)')
    .addOption(new Option('--timeout <seconds>', 'seconds to wait for each answer').argParser(positiveInt('--timeout')).default(120));
}

export function positiveInt(name: string): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new PiSenderError('ERR_USAGE', `${name} must be a positive integer, not '${v}'`);
    return n;
  };
}

export type { PiConnection as Connection } from '../pi/connect.js';

/** Builds the PI client from flags and environment; throws ERR_CONFIG with what is missing. */
export function connect(flags: PiConnectionFlags): PiConnection {
  const settings = piSettings({ ...flags, timeoutSeconds: flags.timeout ?? 120 });
  if (settings.password === undefined) throw new PiSenderError('ERR_CONFIG', 'no password: set PI_PASSWORD or use --password-file (never a flag)');
  return createPiClient(settings);
}
