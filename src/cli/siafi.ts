/**
 * `pi-sender siafi`: the Novo SIAFI integrarSistemaSPUNet service. One subcommand per operation
 * (`pi-sender siafi incorporacao --file requisicao.json`), `status`, `retry`, `settle` and a local
 * `simulator`. Every requisition goes through the SIAFI store, so a retry never applies one twice.
 */

import { t } from '../i18n/translate.js';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { createSiafiSender, type SiafiSendResult, type SiafiSender } from '../library/siafi-sender.js';
import { proxyWithCredentials, readSecret } from '../secrets.js';
import { tlsOptionsFrom, type CertificateFiles } from '../soap/tls.js';
import { SPUNET_NAMESPACE, siafiEndpoint } from '../siafi/endpoint.js';
import { OPERATIONS, type OperationInfo } from '../siafi/operations.js';
import type { SPURequisicaoResposta } from '../siafi/types.js';
import { checkRequisicao, SiafiValidationError } from '../siafi/validate.js';
import { operationXml } from '../siafi/xml.js';
import { parseSiafiScript, startSiafiSimulator } from '../simulator/siafi-simulator.js';
import { SENT_NO_ANSWER, SiafiStore, type RequisicaoRecord } from '../store/siafi-store.js';
import { positiveInt } from './connection.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { gracefulAbort, stopSignal } from './interrupt.js';
import { jsonPathLines, lineOf } from './json-lines.js';

const DEFAULT_STORE = 'pi-sender-siafi.db';

interface SiafiConnectionFlags extends CertificateFiles {
  endpoint?: string;
  env?: string;
  year?: number;
  cpfFile?: string;
  passwordFile?: string;
  emptyPassword?: boolean;
  proxy?: string;
  proxyCredentialsFile?: string;
  timeout: number;
  tlsMaxVersion: '1.2' | '1.3';
  namespace?: string;
  nomeSistema?: string;
  ug?: string;
  store?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

function addStoreOption(cmd: Command): Command {
  return cmd.option('--store <file>', t('siafi.optStore', { file: `./${DEFAULT_STORE}` }));
}

function addConnection(cmd: Command): Command {
  return addStoreOption(cmd)
    .option('--endpoint <url>', t('siafi.optEndpoint'))
    .addOption(new Option('--env <environment>', t('siafi.optEnv')).choices(['homologacao', 'producao']))
    .addOption(new Option('--year <yyyy>', t('siafi.optYear')).argParser(positiveInt('--year')))
    .option('--cpf-file <file>', t('siafi.optCpfFile'))
    .option('--password-file <file>', t('siafi.optPasswordFile'))
    .option('--empty-password', t('siafi.optEmptyPassword'))
    .option('--cert <file>', t('siafi.optCert'))
    .option('--key <file>', t('siafi.optKey'))
    .option('--pfx <file>', t('siafi.optPfx'))
    .option('--cert-passphrase-file <file>', t('siafi.optCertPassphraseFile'))
    .option('--ca <file>', t('siafi.optCa'), collect)
    .option('--proxy <url>', t('siafi.optProxy'))
    .option('--proxy-credentials-file <file>', t('opt.proxyCredentialsFile'))
    .addOption(new Option('--timeout <seconds>', t('opt.timeout')).argParser(positiveInt('--timeout')).default(60))
    .addOption(new Option('--tls-max-version <v>', t('siafi.optTlsMaxVersion')).choices(['1.2', '1.3']).default('1.2'))
    .option('--namespace <uri>', t('siafi.optNamespace'))
    .option('--nome-sistema <name>', t('siafi.optNomeSistema'))
    .option('--ug <ug>', t('siafi.optUg'));
}

function openSender(f: SiafiConnectionFlags): SiafiSender {
  const env = process.env;
  const year = f.year ?? (env['SIAFI_YEAR'] ? Number(env['SIAFI_YEAR']) : undefined);
  const endpoint = f.endpoint ?? env['SIAFI_ENDPOINT'] ?? siafiEndpoint(f.env ?? env['SIAFI_ENV'] ?? 'homologacao', year);
  return createSiafiSender({
    endpoint,
    cpf: readSecret('SIAFI_CPF', f.cpfFile, t('secret.cpf')),
    password: readSecret('SIAFI_PASSWORD', f.passwordFile, t('secret.password')),
    emptyPassword: f.emptyPassword,
    tls: { ...tlsOptionsFrom(f, 'SIAFI', { certFromEnv: true }), maxVersion: f.tlsMaxVersion === '1.3' ? 'TLSv1.3' : 'TLSv1.2' },
    proxy: proxyWithCredentials(f.proxy, f.proxyCredentialsFile, '--proxy'),
    timeoutSeconds: f.timeout,
    namespace: f.namespace ?? env['SIAFI_NAMESPACE'],
    nomeSistemaSIAFI: f.nomeSistema,
    ug: f.ug ?? env['SIAFI_UG'],
    store: storeFile(f),
  });
}

/**
 * True when the last attempt left and no answer was recorded after it: the process ended (a kill, a
 * crash) while SIAFI had the request. It may have been applied; the next retry, with the same nonce,
 * finds out.
 */
function sentWithoutAnswer(r: Pick<RequisicaoRecord, 'resultado'>): boolean {
  return r.resultado === SENT_NO_ANSWER;
}

/** What is known of a requisition's last attempt, for `siafi status`. */
function lastNews(r: RequisicaoRecord): string {
  if (sentWithoutAnswer(r)) return t('siafi.sentNoAnswer', { when: r.lastSentAt ?? '?' });
  return r.message ?? t('siafi.notSentYet');
}

function storeFile(f: { store?: string }): string {
  return f.store ?? process.env['SIAFI_STORE'] ?? DEFAULT_STORE;
}

/** Opens an existing store (status and settle must not create an empty one by mistake). */
function openExistingStore(f: { store?: string }): SiafiStore {
  const file = storeFile(f);
  if (!existsSync(file)) throw new PiSenderError('ERR_CONFIG', t('siafi.noStore', { file }), { file });
  return SiafiStore.open(file);
}

/** Reads a requisition file; JSON errors name the line. A `{ "<parameter>": {...} }` wrapper is accepted. */
export function readRequisicao(file: string, op: OperationInfo): { value: unknown; lines: Map<string, number> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PiSenderError('ERR_FILE_READ', t('siafi.cannotRead', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }), { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new PiSenderError('ERR_FILE_READ', t('siafi.notJson', { where: `${file}${line ? `:${line}` : ''}`, message }), { file, ...(line ? { line } : {}) });
  }
  const all = jsonPathLines(text.replace(/^\uFEFF/, ''));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0]!.toLowerCase() === op.parameter.toLowerCase()) {
      const prefix = `${keys[0]!}`;
      const lines = new Map(
        [...all].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).map(([k, l]) => [k === prefix ? '' : k.slice(prefix.length + 1), l]),
      );
      return { value: (value as Record<string, unknown>)[keys[0]!], lines };
    }
  }
  return { value, lines: all };
}

function exitFor(r: SiafiSendResult): ExitCode {
  switch (r.record.state) {
    case 'SUCESSO':
      return EXIT.OK;
    case 'FALHA':
      return EXIT.INVALID;
    case 'RECUSADA':
      return EXIT.USAGE;
    default:
      return EXIT.UNAVAILABLE;
  }
}

function describe(r: SiafiSendResult): string {
  const rec = r.record;
  const lines: string[] = [];
  if (!r.sent) lines.push(t('siafi.alreadyApplied', { nonce: rec.nonce }));
  else lines.push(r.outcome!.message);
  const x: SPURequisicaoResposta | undefined = r.outcome?.resposta ?? (rec.resposta ? (JSON.parse(rec.resposta) as SPURequisicaoResposta) : undefined);
  if (x) {
    if (x.numRequisicaoSPU)
      lines.push(
        t('siafi.requisicao', {
          number: `${x.anoRequisicaoSPU ?? '?'} ${x.codTipoRequisicaoSPU ?? ''} ${x.numRequisicaoSPU}${x.numNS ? `, NS ${x.numNS}` : ''}`,
        }),
      );
    for (const m of x.mensagem ?? []) lines.push(t('siafi.mensagem', { text: `${m.codMsg ? `${m.codMsg} ` : ''}${m.txtMsg}` }));
  }
  if (r.outcome?.ews) lines.push(`${r.outcome.ews.code}: ${r.outcome.ews.indication}`);
  lines.push(t('siafi.state', { nonce: rec.nonce, state: rec.state, attempts: rec.attempts }));
  if (rec.state === 'INDEFINIDA') lines.push(t('siafi.indefinida', { when: rec.nextAttemptAt ?? '?' }));
  if (rec.state === 'VERIFICAR') lines.push(t('siafi.verificar', { nonce: rec.nonce }));
  if (rec.state === 'RECUSADA') lines.push(t('siafi.recusada'));
  return lines.join('\n');
}

function resultJson(r: SiafiSendResult): string {
  const { bodyXml: _omit, ...record } = r.record;
  const { raw: _raw, ...outcome } = r.outcome ?? {};
  return JSON.stringify({
    sent: r.sent,
    record: { ...record, resposta: record.resposta ? JSON.parse(record.resposta) : null, repetida: record.repetida ? JSON.parse(record.repetida) : null },
    outcome: r.outcome ? outcome : null,
  });
}

function printValidation(err: SiafiValidationError, file: string, lines: Map<string, number>): void {
  for (const p of err.problems)
    process.stderr.write(`${file}:${lineOf(lines, p.path) ?? 1}: ${p.path || t('siafi.wholeRequisition')}: ${p.code} ${p.message}\n`);
  process.stderr.write(`${t('siafi.problems', { file, operation: err.operation, count: err.problems.length })}\n`);
}

interface OperationFlags extends SiafiConnectionFlags {
  file: string;
  json?: boolean;
  raw?: boolean;
  new?: boolean;
  dryRun?: boolean;
}

function registerOperation(siafi: Command, op: OperationInfo): void {
  addConnection(
    siafi
      .command(op.alias)
      .alias(op.name)
      .description(t('siafi.opDescription', { name: op.name, type: op.type, grupo: op.grupo ?? t('siafi.ofReversed') }))
      .requiredOption('--file <json>', t('siafi.optFile', { type: op.type }))
      .option('--json', t('siafi.optJson'))
      .option('--raw', t('siafi.optRaw'))
      .option('--new', t('siafi.optNew'))
      .option('--dry-run', t('siafi.optDryRun')),
  ).action(async (flags: OperationFlags) => {
    const { value: requisicao, lines } = readRequisicao(flags.file, op);
    // The requisition is checked before any connection setting is: a bad file is the first thing to fix.
    let xml: string;
    try {
      xml = operationXml(checkRequisicao(op.name, requisicao), flags.namespace ?? process.env['SIAFI_NAMESPACE'] ?? SPUNET_NAMESPACE);
    } catch (err) {
      if (err instanceof SiafiValidationError) {
        printValidation(err, flags.file, lines);
        process.exitCode = EXIT.INVALID;
        return;
      }
      throw err;
    }
    if (flags.dryRun) {
      process.stdout.write(`${xml}\n`);
      process.stderr.write(`${t('siafi.dryRunDone', { file: flags.file })}\n`);
      return;
    }
    const sender = openSender(flags);
    const abort = gracefulAbort(() => process.stderr.write(`${t('siafi.interrupted')}\n`));
    try {
      const r = await sender.send(op.name, requisicao as never, { ...(flags.new ? { newRequisicao: true } : {}), signal: abort.signal });
      process.stdout.write(flags.json ? `${resultJson(r)}\n` : `${describe(r)}\n`);
      if (flags.raw && r.outcome?.raw) process.stdout.write(`${r.outcome.raw}\n`);
      process.exitCode = exitFor(r);
    } finally {
      abort.dispose();
      await sender.close();
    }
  });
}

function age(r: RequisicaoRecord): string {
  return r.nextAttemptAt ? t('siafi.nextTry', { when: r.nextAttemptAt }) : '';
}

export function registerSiafi(program: Command): void {
  const siafi = program.command('siafi').addHelpText('after', t('siafi.helpAfter', { operations: OPERATIONS.map((o) => o.alias).join(', ') }));
  for (const op of OPERATIONS) registerOperation(siafi, op);

  addStoreOption(siafi.command('status').description(t('siafi.status')))
    .option('--json', t('siafi.optJsonLines'))
    .addHelpText('after', t('siafi.statusExit'))
    .action((flags: { store?: string; json?: boolean }) => {
      const store = openExistingStore(flags);
      try {
        const list = store.unsettled();
        if (flags.json) {
          for (const { bodyXml: _b, ...r } of list) process.stdout.write(`${JSON.stringify({ ...r, answerUnknown: sentWithoutAnswer(r) })}\n`);
        } else {
          const c = store.countByState();
          const counts = `SUCESSO ${c.SUCESSO}, FALHA ${c.FALHA}, NOVA ${c.NOVA}, INDEFINIDA ${c.INDEFINIDA}, VERIFICAR ${c.VERIFICAR}, RECUSADA ${c.RECUSADA}`;
          process.stdout.write(`${t('siafi.storeLine', { file: store.file })}\n${t('siafi.counts', { counts })}\n`);
          for (const r of list)
            process.stdout.write(
              `${t('siafi.row', { state: r.state.padEnd(10), operation: r.operation, ug: r.ug, nonce: r.nonce, attempts: r.attempts, since: r.createdAt, news: lastNews(r) })}${age(r) ? `; ${age(r)}` : ''}\n`,
            );
          if (list.length === 0) process.stdout.write(`${t('siafi.nothingUnsettled')}\n`);
        }
        process.exitCode = list.some((r) => r.state === 'VERIFICAR' || r.state === 'RECUSADA') ? EXIT.INVALID : EXIT.OK;
      } finally {
        store.close();
      }
    });

  addConnection(siafi.command('retry').description(t('siafi.retry')))
    .option('--nonce <nonce>', t('siafi.optNonce'))
    .option('--json', t('siafi.optJsonSent'))
    .action(async (flags: SiafiConnectionFlags & { nonce?: string; json?: boolean }) => {
      const sender = openSender(flags);
      try {
        const results = flags.nonce ? [await sender.resend(flags.nonce)] : await sender.retryDue();
        for (const r of results) process.stdout.write(flags.json ? `${resultJson(r)}\n` : `${describe(r)}\n`);
        if (!flags.json && results.length === 0) process.stdout.write(`${t('siafi.nothingDue')}\n`);
        process.exitCode = results.reduce<ExitCode>((worst, r) => Math.max(worst, exitFor(r)) as ExitCode, EXIT.OK);
      } finally {
        await sender.close();
      }
    });

  addStoreOption(siafi.command('settle').description(t('siafi.settle')))
    .requiredOption('--nonce <nonce>', t('siafi.optSettleNonce'))
    .addOption(new Option('--as <resultado>', t('siafi.optAs')).choices(['sucesso', 'falha']).makeOptionMandatory())
    .requiredOption('--note <text>', t('siafi.optNote'))
    .option('--endpoint <url>', t('siafi.optSettleEndpoint'))
    .action((flags: { store?: string; nonce: string; as: 'sucesso' | 'falha'; note: string; endpoint?: string }) => {
      const store = openExistingStore(flags);
      try {
        const r = store.settle(flags.nonce, flags.as === 'sucesso' ? 'SUCESSO' : 'FALHA', flags.note, flags.endpoint);
        process.stdout.write(`${t('siafi.settled', { nonce: r.nonce, state: r.state })}\n`);
      } finally {
        store.close();
      }
    });

  registerSiafiSimulator(siafi);
}

interface SimulatorFlags {
  host: string;
  port: number;
  tlsCert: string;
  tlsKey: string;
  clientCa: string;
  cpf: string;
  passwordFile?: string;
  ug: string[];
  year?: number;
  environment: 'homologacao' | 'producao';
  consumer?: string[];
  efetivacaoName: 'efetivacaoOperacao' | 'EfetivacaoOperacao';
  ewsPlacement: 'fault' | 'mensagem';
  nonceTtl: number;
  repeatResult: 'original' | 'falha';
  authFailure: 'wsse' | 'client';
  repeatBody: boolean;
  stuckAfter: number;
  script?: string;
  record?: string;
}

function registerSiafiSimulator(siafi: Command): void {
  siafi
    .command('simulator')
    .description(t('siafiSim.description'))
    .option('--host <host>', t('sim.optHost'), '127.0.0.1')
    .addOption(new Option('--port <port>', t('sim.optPort')).argParser((v) => Number(v)).default(8443))
    .requiredOption('--tls-cert <file>', t('siafiSim.optTlsCert'))
    .requiredOption('--tls-key <file>', t('siafiSim.optTlsKey'))
    .requiredOption('--client-ca <file>', t('siafiSim.optClientCa'))
    .option('--cpf <cpf>', t('siafiSim.optCpf'), '12345678909')
    .option('--password-file <file>', t('siafiSim.optPasswordFile'))
    .option('--ug <ug>', t('siafiSim.optUg'), collect)
    .addOption(new Option('--year <yyyy>', t('siafiSim.optYear')).argParser(positiveInt('--year')))
    .addOption(new Option('--environment <env>', t('siafiSim.optEnvironment')).choices(['homologacao', 'producao']).default('homologacao'))
    .option('--consumer <cn>', t('siafiSim.optConsumer'), collect)
    .addOption(
      new Option('--efetivacao-name <name>', t('siafiSim.optEfetivacaoName'))
        .choices(['efetivacaoOperacao', 'EfetivacaoOperacao'])
        .default('efetivacaoOperacao'),
    )
    .addOption(new Option('--ews-placement <where>', t('siafiSim.optEwsPlacement')).choices(['fault', 'mensagem']).default('fault'))
    .addOption(new Option('--nonce-ttl <seconds>', t('siafiSim.optNonceTtl')).argParser(positiveInt('--nonce-ttl')).default(86400))
    .addOption(new Option('--repeat-result <r>', t('siafiSim.optRepeatResult')).choices(['original', 'falha']).default('original'))
    .option('--no-repeat-body', t('siafiSim.optNoRepeatBody'))
    .addOption(new Option('--stuck-after <seconds>', t('siafiSim.optStuckAfter')).argParser(positiveInt('--stuck-after')).default(600))
    .option('--script <behaviours>', t('siafiSim.optScript'))
    .addOption(new Option('--auth-failure <how>', t('siafiSim.optAuthFailure')).choices(['wsse', 'client']).default('wsse'))
    .option('--record <file>', t('siafiSim.optRecord'))
    .addHelpText('after', '\nThe first line on stdout is "listening on URL". Stop it with Ctrl-C. See docs/siafi.md.')
    .action(async (flags: SimulatorFlags) => {
      let password = readSecret('SIAFI_SIMULATOR_PASSWORD', flags.passwordFile, t('secret.password'));
      if (password === undefined) {
        password = randomBytes(9).toString('base64url');
        process.stderr.write(`${t('siafiSim.randomPassword', { cpf: flags.cpf, password })}\n`);
      }
      if (flags.script) parseSiafiScript(flags.script);
      const read = (f: string, what: string): Buffer => {
        try {
          return readFileSync(f);
        } catch (err) {
          throw new PiSenderError(
            'ERR_FILE_READ',
            t('siafiSim.cannotRead', { what, file: f, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }),
            {
              file: f,
            },
          );
        }
      };
      const sim = await startSiafiSimulator({
        host: flags.host,
        port: flags.port,
        tls: {
          cert: read(flags.tlsCert, t('siafiSim.certificate')),
          key: read(flags.tlsKey, t('siafiSim.key')),
          clientCa: read(flags.clientCa, t('siafiSim.clientCa')),
        },
        operators: [{ cpf: flags.cpf, password, ugs: flags.ug ?? ['170001'] }],
        environment: flags.environment,
        efetivacaoName: flags.efetivacaoName,
        ewsPlacement: flags.ewsPlacement,
        nonceTtlMs: flags.nonceTtl * 1000,
        repeatResult: flags.repeatResult,
        authFailure: flags.authFailure,
        repeatBody: flags.repeatBody,
        stuckAfterMs: flags.stuckAfter * 1000,
        ...(flags.year ? { year: flags.year } : {}),
        ...(flags.consumer ? { consumers: flags.consumer } : {}),
        ...(flags.script ? { script: flags.script } : {}),
        ...(flags.record ? { record: flags.record } : {}),
      });
      const stopped = stopSignal();
      process.stdout.write(`listening on ${sim.url}\n`);
      process.stderr.write(`WSDL: ${sim.wsdlUrl}\n`);
      await stopped;
      await sim.close();
      process.stderr.write(`${t('siafiSim.stopped', { requests: sim.requests.length, created: sim.requisicoes.length })}\n`);
    });
}
