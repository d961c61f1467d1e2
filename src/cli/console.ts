/**
 * `pi-sender console`: the web console for the protocol staff, on 127.0.0.1:8790 by default.
 * Read-only unless --allow-actions; off loopback it needs a token (environment or file, never a
 * flag) and TLS, or an explicit --insecure-http.
 */

import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { isLoopback, startConsole } from '../console/server.js';
import { PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { readSecret } from '../secrets.js';
import { addStoreOptions, storeContext, type StoreFlags } from './config-file.js';
import { positiveInt } from './connection.js';
import { createLogger, LOG_LEVELS } from './logger.js';
import { stopSignal } from './interrupt.js';

interface ConsoleFlags extends StoreFlags {
  host: string;
  port: number;
  allowActions?: boolean;
  tokenFile?: string;
  tlsCert?: string;
  tlsKey?: string;
  insecureHttp?: boolean;
  logLevel?: string;
}

export function registerConsole(program: Command): void {
  addStoreOptions(program.command('console'))
    .option('--host <host>', t('console.optHost'), '127.0.0.1')
    .addOption(new Option('--port <port>', t('console.optPort')).argParser((v) => (v === '0' ? 0 : positiveInt('--port')(v))).default(8790))
    .option('--allow-actions', t('console.optAllowActions'))
    .option('--token-file <file>', t('console.optTokenFile'))
    .option('--tls-cert <file>', t('console.optTlsCert'))
    .option('--tls-key <file>', t('console.optTlsKey'))
    .option('--insecure-http', t('console.optInsecureHttp'))
    .addOption(new Option('--log-level <level>', t('opt.logLevel')).choices(LOG_LEVELS))
    .action(async (flags: ConsoleFlags) => {
      const ctx = storeContext(flags);
      const token = readSecret('PI_SENDER_CONSOLE_TOKEN', flags.tokenFile, t('page.token'));
      if (token !== undefined && token.length < 16) throw new PiSenderError('ERR_CONFIG', t('console.shortToken'));
      if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) throw new PiSenderError('ERR_USAGE', t('sim.certAndKey'));
      if (!isLoopback(flags.host)) {
        if (token === undefined) throw new PiSenderError('ERR_USAGE', t('console.needsToken', { host: flags.host }));
        if (!flags.tlsCert && !flags.insecureHttp) throw new PiSenderError('ERR_USAGE', t('console.needsTls', { host: flags.host }));
      }
      const running = await startConsole({
        store: ctx.file,
        timeZone: ctx.timeZone,
        maxAttempts: ctx.maxAttempts,
        agency: ctx.agency,
        host: flags.host,
        port: flags.port,
        allowActions: flags.allowActions === true,
        ...(token ? { token } : {}),
        ...(flags.tlsCert && flags.tlsKey ? { tls: { cert: readFileSync(flags.tlsCert), key: readFileSync(flags.tlsKey) } } : {}),
        log: createLogger(flags.logLevel ?? 'info'),
      });
      // The first stdout line, in every language, is the address (scripts and tests read it).
      const stopped = stopSignal();
      process.stdout.write(`listening on ${running.url}\n`);
      process.stderr.write(`${t('console.listening', { url: running.url })}\n`);
      await stopped;
      await running.close();
      process.stderr.write(`${t('console.stopped')}\n`);
    });
}
