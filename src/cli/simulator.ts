/**
 * `pi-sender simulator`: a local Protocolo Integrado for trying pi-sender and for tests.
 */

import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { PROFILES, type Profile } from '../standard/model.js';
import { parseScript } from '../simulator/faults.js';
import { startPiSimulator } from '../simulator/pi-simulator.js';
import { positiveInt } from './connection.js';
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
}

const rate =
  (name: string) =>
  (v: string): number => {
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw new PiSenderError('ERR_USAGE', `${name} must be between 0 and 1, not '${v}'`);
    return n;
  };

export function registerSimulator(program: Command): void {
  program
    .command('simulator')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port (0 picks a free one)').argParser((v) => Number(v)).default(8080))
    .option('--user <login>', 'HTTP Basic user the service accepts', 'simulador')
    .option('--password-file <file>', 'file with the password the service accepts (else env PI_SIMULATOR_PASSWORD, else a random one printed on stderr)')
    .addOption(
      new Option('--max-docs <n>', 'answer of getQuantidadeMaximaDocumentosPorRequisicao; larger batches get a fault')
        .argParser(positiveInt('--max-docs'))
        .default(100),
    )
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM)')
    .option('--tls-key <file>', 'private key of --tls-cert (PEM)')
    .option('--record <file>', 'append every accepted Documento to this JSON Lines file')
    .addOption(new Option('--profile <profile>', 'profile used to check Documentos').choices(PROFILES).default('strict'))
    .option('--no-result-protocolo', 'do not echo Protocolo in ResultadoDocumento (unknown for the real service)')
    .addOption(new Option('--auth-failure <how>', 'answer to bad credentials').choices(['fault', 'http']).default('fault'))
    .addOption(new Option('--fail-rate <r>', 'share of requests answered HTTP 500 or 503').argParser(rate('--fail-rate')))
    .addOption(new Option('--drop-rate <r>', 'share of requests whose connection is dropped').argParser(rate('--drop-rate')))
    .addOption(new Option('--malformed-rate <r>', 'share of requests answered with a truncated envelope').argParser(rate('--malformed-rate')))
    .option('--delay <ms>', 'delay before each answer: MS or MIN-MAX')
    .option(
      '--script <faults>',
      'faults for the next requests, in order: ok,500,503,drop,drop-after,delay=MS,malformed,not-xml,count-mismatch,garbage-result,fault (503x3 repeats)',
    )
    .addOption(new Option('--seed <n>', 'seed for the random faults').argParser((v) => Number(v)))
    .addHelpText('after', '\nThe first line on stdout is "listening on URL". Stop it with Ctrl-C. See docs/simulator.md.')
    .action(async (flags: SimulatorFlags) => {
      let password = readSecret('PI_SIMULATOR_PASSWORD', flags.passwordFile, 'password');
      if (password === undefined) {
        password = randomBytes(9).toString('base64url');
        process.stderr.write(`no password given: user "${flags.user}", password "${password}" (set PI_SIMULATOR_PASSWORD to choose one)\n`);
      }
      if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) throw new PiSenderError('ERR_USAGE', '--tls-cert and --tls-key go together');
      let delayMs: number | [number, number] | undefined;
      if (flags.delay !== undefined) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(flags.delay);
        if (!m) throw new PiSenderError('ERR_USAGE', `--delay must be MS or MIN-MAX, not '${flags.delay}'`);
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
      process.stdout.write(`listening on ${sim.url}\n`);
      process.stderr.write(`WSDL: ${sim.wsdlUrl}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await sim.close();
      process.stderr.write(`stopped after ${sim.stats.requests} requests: ${sim.stats.accepted} Documentos accepted, ${sim.stats.rejected} rejected\n`);
    });
}
