/**
 * `pi-sender simulator`: a local Protocolo Integrado for trying pi-sender and for tests.
 */

import { t } from '../i18n/translate.js';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { PROFILES, type Profile } from '../standard/model.js';
import { parseScript } from '../simulator/faults.js';
import { startPiSimulator } from '../simulator/pi-simulator.js';
import { positiveInt } from './connection.js';
import { stopSignal } from './interrupt.js';
import { readSecret } from '../secrets.js';

interface SimulatorFlags {
  host: string;
  port: number;
  user: string;
  passwordFile?: string;
  maxDocs: number;
  tlsCert?: string;
  tlsKey?: string;
  record?: string;
  profile: Profile;
  resultProtocolo: boolean;
  authFailure: 'fault' | 'http';
  failRate?: number;
  dropRate?: number;
  malformedRate?: number;
  delay?: string;
  script?: string;
  seed?: number;
  tokenTtl: number;
}

const rate =
  (name: string) =>
  (v: string): number => {
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw new PiSenderError('ERR_USAGE', t('sim.betweenZeroAndOne', { name, value: v }));
    return n;
  };

export function registerSimulator(program: Command): void {
  program
    .command('simulator')
    .option('--host <host>', t('sim.optHost'), '127.0.0.1')
    .addOption(new Option('--port <port>', t('sim.optPort')).argParser((v) => Number(v)).default(8080))
    .option('--user <login>', t('sim.optUser'), 'simulador')
    .option('--password-file <file>', t('sim.optPasswordFile'))
    .addOption(new Option('--max-docs <n>', t('sim.optMaxDocs')).argParser(positiveInt('--max-docs')).default(100))
    .option('--tls-cert <file>', t('sim.optTlsCert'))
    .option('--tls-key <file>', t('sim.optTlsKey'))
    .option('--record <file>', t('sim.optRecord'))
    .addOption(new Option('--profile <profile>', t('sim.optProfile')).choices(PROFILES).default('strict'))
    .option('--no-result-protocolo', t('sim.optNoResultProtocolo'))
    .addOption(new Option('--auth-failure <how>', t('sim.optAuthFailure')).choices(['fault', 'http']).default('fault'))
    .addOption(new Option('--fail-rate <r>', t('sim.optFailRate')).argParser(rate('--fail-rate')))
    .addOption(new Option('--drop-rate <r>', t('sim.optDropRate')).argParser(rate('--drop-rate')))
    .addOption(new Option('--malformed-rate <r>', t('sim.optMalformedRate')).argParser(rate('--malformed-rate')))
    .option('--delay <ms>', t('sim.optDelay'))
    .option('--script <faults>', t('sim.optScript'))
    .addOption(new Option('--seed <n>', t('sim.optSeed')).argParser((v) => Number(v)))
    .addOption(new Option('--token-ttl <seconds>', t('sim.optTokenTtl')).argParser(positiveInt('--token-ttl')).default(3600))
    .addHelpText('after', t('sim.helpAfter'))
    .action(async (flags: SimulatorFlags) => {
      let password = readSecret('PI_SIMULATOR_PASSWORD', flags.passwordFile, t('secret.password'));
      if (password === undefined) {
        password = randomBytes(9).toString('base64url');
        process.stderr.write(`${t('sim.randomPassword', { user: flags.user, password })}\n`);
      }
      if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) throw new PiSenderError('ERR_USAGE', t('sim.certAndKey'));
      let delayMs: number | [number, number] | undefined;
      if (flags.delay !== undefined) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(flags.delay);
        if (!m) throw new PiSenderError('ERR_USAGE', t('sim.badDelay', { value: flags.delay }));
        delayMs = m[2] ? [Number(m[1]), Number(m[2])] : Number(m[1]);
      }
      if (flags.script) parseScript(flags.script); // fail fast on a typo
      const sim = await startPiSimulator({
        host: flags.host,
        port: flags.port,
        user: flags.user,
        password,
        maxDocs: flags.maxDocs,
        profile: flags.profile,
        resultProtocolo: flags.resultProtocolo,
        authFailure: flags.authFailure,
        tokenTtlSeconds: flags.tokenTtl,
        ...(flags.record ? { record: flags.record } : {}),
        ...(flags.tlsCert && flags.tlsKey ? { tls: { cert: readFileSync(flags.tlsCert), key: readFileSync(flags.tlsKey) } } : {}),
        faults: {
          ...(flags.script ? { script: flags.script } : {}),
          ...(flags.failRate !== undefined ? { failRate: flags.failRate } : {}),
          ...(flags.dropRate !== undefined ? { dropRate: flags.dropRate } : {}),
          ...(flags.malformedRate !== undefined ? { malformedRate: flags.malformedRate } : {}),
          ...(delayMs !== undefined ? { delayMs } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        },
      });
      const stopped = stopSignal();
      process.stdout.write(`listening on ${sim.url}\n`);
      process.stderr.write(`WSDL: ${sim.wsdlUrl}\nREST: ${sim.restUrl}\n`);
      await stopped;
      await sim.close();
      process.stderr.write(`${t('sim.stopped', { ...sim.stats })}\n`);
    });
}
