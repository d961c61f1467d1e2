/**
 * `pi-sender siafi`: the Novo SIAFI integrarSistemaSPUNet service. One subcommand per operation
 * (`pi-sender siafi incorporacao --file requisicao.json`), `status`, `retry`, `settle` and a local
 * `simulator`. Every requisition goes through the SIAFI store, so a retry never applies one twice.
 */

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
import { gracefulAbort } from './interrupt.js';
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
  return cmd.option('--store <file>', `the SIAFI store (env SIAFI_STORE, default ./${DEFAULT_STORE})`);
}

function addConnection(cmd: Command): Command {
  return addStoreOption(cmd)
    .option('--endpoint <url>', 'the whole service URL (env SIAFI_ENDPOINT); else built from --env and --year')
    .addOption(new Option('--env <environment>', 'homologacao or producao (env SIAFI_ENV, default homologacao)').choices(['homologacao', 'producao']))
    .addOption(new Option('--year <yyyy>', 'exercise year of the endpoint (env SIAFI_YEAR, default this year)').argParser(positiveInt('--year')))
    .option('--cpf-file <file>', 'file holding the CPF of the SIAFI operator (else env SIAFI_CPF)')
    .option('--password-file <file>', 'file holding the SIAFI password (else env SIAFI_PASSWORD)')
    .option('--empty-password', 'send an empty password (integrations SIAFI authenticates by certificate)')
    .option('--cert <file>', 'client (machine) certificate, PEM (env SIAFI_CERT)')
    .option('--key <file>', 'private key of --cert, PEM (env SIAFI_KEY)')
    .option('--pfx <file>', 'client certificate and key as PKCS#12 (env SIAFI_PFX)')
    .option('--cert-passphrase-file <file>', 'file holding the passphrase of --key or --pfx (else env SIAFI_CERT_PASSPHRASE)')
    .option('--ca <file>', 'PEM file of an extra CA to trust (repeatable; env SIAFI_CA_FILE)', collect)
    .option('--proxy <url>', 'HTTP(S) proxy, without credentials (else HTTPS_PROXY / NO_PROXY from the environment)')
    .option('--proxy-credentials-file <file>', 'file holding the proxy\'s "user:password" (never in --proxy: ps shows it)')
    .addOption(new Option('--timeout <seconds>', 'seconds to wait for each answer').argParser(positiveInt('--timeout')).default(60))
    .addOption(new Option('--tls-max-version <v>', 'highest TLS version (the interface document asks for 1.2)').choices(['1.2', '1.3']).default('1.2'))
    .option('--namespace <uri>', 'service namespace, if the real WSDL differs from the inferred one (env SIAFI_NAMESPACE)')
    .option('--nome-sistema <name>', 'nomeSistemaSIAFI for the header (optional; e.g. SIAFI2026)')
    .option('--ug <ug>', "the operator's UG for cabecalhoSIAFI (env SIAFI_UG; default the requisition's codUG)");
}

function openSender(f: SiafiConnectionFlags): SiafiSender {
  const env = process.env;
  const year = f.year ?? (env['SIAFI_YEAR'] ? Number(env['SIAFI_YEAR']) : undefined);
  const endpoint = f.endpoint ?? env['SIAFI_ENDPOINT'] ?? siafiEndpoint(f.env ?? env['SIAFI_ENV'] ?? 'homologacao', year);
  return createSiafiSender({
    endpoint,
    cpf: readSecret('SIAFI_CPF', f.cpfFile, 'CPF'),
    password: readSecret('SIAFI_PASSWORD', f.passwordFile, 'password'),
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
  if (sentWithoutAnswer(r)) return `sent at ${r.lastSentAt}, answer unknown (it may have been applied; retry sends the same nonce)`;
  return r.message ?? 'not sent yet';
}

function storeFile(f: { store?: string }): string {
  return f.store ?? process.env['SIAFI_STORE'] ?? DEFAULT_STORE;
}

/** Opens an existing store (status and settle must not create an empty one by mistake). */
function openExistingStore(f: { store?: string }): SiafiStore {
  const file = storeFile(f);
  if (!existsSync(file))
    throw new PiSenderError('ERR_CONFIG', `no SIAFI store at ${file}: nothing was sent with it yet (give --store or SIAFI_STORE)`, { file });
  return SiafiStore.open(file);
}

/** Reads a requisition file; JSON errors name the line. A `{ "<parameter>": {...} }` wrapper is accepted. */
export function readRequisicao(file: string, op: OperationInfo): { value: unknown; lines: Map<string, number> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PiSenderError('ERR_FILE_READ', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new PiSenderError('ERR_FILE_READ', `${file}${line ? `:${line}` : ''}: not valid JSON: ${message}`, { file, ...(line ? { line } : {}) });
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
  if (!r.sent)
    lines.push(`already applied: SIAFI answered SUCESSO to this same requisition before (nonce ${rec.nonce}); nothing sent. Use --new to create another one.`);
  else lines.push(r.outcome!.message);
  const x: SPURequisicaoResposta | undefined = r.outcome?.resposta ?? (rec.resposta ? (JSON.parse(rec.resposta) as SPURequisicaoResposta) : undefined);
  if (x) {
    if (x.numRequisicaoSPU)
      lines.push(`requisição: ${x.anoRequisicaoSPU ?? '?'} ${x.codTipoRequisicaoSPU ?? ''} ${x.numRequisicaoSPU}${x.numNS ? `, NS ${x.numNS}` : ''}`);
    for (const m of x.mensagem ?? []) lines.push(`mensagem: ${m.codMsg ? `${m.codMsg} ` : ''}${m.txtMsg}`);
  }
  if (r.outcome?.ews) lines.push(`${r.outcome.ews.code}: ${r.outcome.ews.indication}`);
  lines.push(`nonce ${rec.nonce}, state ${rec.state}, attempt ${rec.attempts}`);
  if (rec.state === 'INDEFINIDA') lines.push(`SIAFI may have applied it: pi-sender siafi retry sends it again with the same nonce after ${rec.nextAttemptAt}`);
  if (rec.state === 'VERIFICAR')
    lines.push(`check the requisition in SIAFI, then: pi-sender siafi settle --nonce ${rec.nonce} --as sucesso|falha --note "..."`);
  if (rec.state === 'RECUSADA') lines.push('refused before processing: fix the setup (certificate, CPF, password, UG) and run the same command again');
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
  for (const p of err.problems) process.stderr.write(`${file}:${lineOf(lines, p.path) ?? 1}: ${p.path || '(requisition)'}: ${p.code} ${p.message}\n`);
  process.stderr.write(
    `${file}: the ${err.operation} requisition has ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}; nothing was sent\n`,
  );
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
      .description(`${op.name}: send a ${op.type} (grupo ${op.grupo ?? 'of the reversed requisition'})`)
      .requiredOption('--file <json>', `the ${op.type} as JSON`)
      .option('--json', 'print the result as JSON')
      .option('--raw', "also print SIAFI's answer as received (XML)")
      .option('--new', 'send as a new requisition (new nonce) even though the same one was sent and settled before')
      .option('--dry-run', 'validate and print the operation XML; send nothing'),
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
      process.stderr.write(`${flags.file}: valid; nothing sent (--dry-run)\n`);
      return;
    }
    const sender = openSender(flags);
    const abort = gracefulAbort(() =>
      process.stderr.write(
        'interrupted: the requisition stays stored with its nonce; if it reached SIAFI, pi-sender siafi retry asks again with the same nonce\n',
      ),
    );
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
  return r.nextAttemptAt ? `next try after ${r.nextAttemptAt}` : '';
}

export function registerSiafi(program: Command): void {
  const siafi = program
    .command('siafi')
    .addHelpText(
      'after',
      `\nOperations: ${OPERATIONS.map((o) => o.alias).join(', ')} (or their full names).\nExit codes of an operation: 0 SUCESSO (or already applied), 1 FALHA or invalid requisition,\n2 refused before processing or configuration problem, 3 INDEFINIDO or service unreachable (stored: pi-sender siafi retry).`,
    );
  for (const op of OPERATIONS) registerOperation(siafi, op);

  addStoreOption(siafi.command('status').description('requisitions not yet settled (NOVA, INDEFINIDA, VERIFICAR, RECUSADA)'))
    .option('--json', 'print JSON Lines, one per requisition')
    .addHelpText('after', '\nExit codes: 0 nothing needs a person; 1 some requisition is VERIFICAR or RECUSADA.')
    .action((flags: { store?: string; json?: boolean }) => {
      const store = openExistingStore(flags);
      try {
        const list = store.unsettled();
        if (flags.json) {
          for (const { bodyXml: _b, ...r } of list) process.stdout.write(`${JSON.stringify({ ...r, answerUnknown: sentWithoutAnswer(r) })}\n`);
        } else {
          const c = store.countByState();
          process.stdout.write(
            `SIAFI store: ${store.file}\nrequisitions: SUCESSO ${c.SUCESSO}, FALHA ${c.FALHA}, NOVA ${c.NOVA}, INDEFINIDA ${c.INDEFINIDA}, VERIFICAR ${c.VERIFICAR}, RECUSADA ${c.RECUSADA}\n`,
          );
          for (const r of list)
            process.stdout.write(
              `${r.state.padEnd(10)} ${r.operation} UG ${r.ug} nonce ${r.nonce}, ${r.attempts} attempts, since ${r.createdAt}; ${lastNews(r)}${age(r) ? `; ${age(r)}` : ''}\n`,
            );
          if (list.length === 0) process.stdout.write('nothing unsettled\n');
        }
        process.exitCode = list.some((r) => r.state === 'VERIFICAR' || r.state === 'RECUSADA') ? EXIT.INVALID : EXIT.OK;
      } finally {
        store.close();
      }
    });

  addConnection(siafi.command('retry').description('send again, each with its own nonce, the NOVA and INDEFINIDA requisitions whose time has come'))
    .option('--nonce <nonce>', 'send this one requisition now (any unsettled state)')
    .option('--json', 'print JSON Lines, one per requisition sent')
    .action(async (flags: SiafiConnectionFlags & { nonce?: string; json?: boolean }) => {
      const sender = openSender(flags);
      try {
        const results = flags.nonce ? [await sender.resend(flags.nonce)] : await sender.retryDue();
        for (const r of results) process.stdout.write(flags.json ? `${resultJson(r)}\n` : `${describe(r)}\n`);
        if (!flags.json && results.length === 0) process.stdout.write('nothing due\n');
        process.exitCode = results.reduce<ExitCode>((worst, r) => Math.max(worst, exitFor(r)) as ExitCode, EXIT.OK);
      } finally {
        await sender.close();
      }
    });

  addStoreOption(siafi.command('settle').description('record what someone found in SIAFI for a requisition whose outcome is unknown'))
    .requiredOption('--nonce <nonce>', 'the requisition')
    .addOption(new Option('--as <resultado>', 'what SIAFI shows').choices(['sucesso', 'falha']).makeOptionMandatory())
    .requiredOption('--note <text>', 'who checked, and what was found')
    .option('--endpoint <url>', 'when the nonce was used at several endpoints')
    .action((flags: { store?: string; nonce: string; as: 'sucesso' | 'falha'; note: string; endpoint?: string }) => {
      const store = openExistingStore(flags);
      try {
        const r = store.settle(flags.nonce, flags.as === 'sucesso' ? 'SUCESSO' : 'FALHA', flags.note, flags.endpoint);
        process.stdout.write(`nonce ${r.nonce}: ${r.state}\n`);
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
    .description('run a local integrarSistemaSPUNet over HTTPS with mutual TLS (for trying pi-sender and for tests)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port (0 picks a free one)').argParser((v) => Number(v)).default(8443))
    .requiredOption('--tls-cert <file>', 'server certificate (PEM)')
    .requiredOption('--tls-key <file>', 'server key (PEM)')
    .requiredOption('--client-ca <file>', 'CA (PEM) that client certificates must chain to')
    .option('--cpf <cpf>', 'CPF of the operator it accepts', '12345678909')
    .option('--password-file <file>', "file with the operator's password (else env SIAFI_SIMULATOR_PASSWORD, else a random one printed on stderr)")
    .option('--ug <ug>', 'a UG the operator may use (repeatable; default 170001)', collect)
    .addOption(new Option('--year <yyyy>', 'exercise year in the path (default this year)').argParser(positiveInt('--year')))
    .addOption(
      new Option('--environment <env>', 'path style: siafi<ano>he (homologacao) or siafi<ano> (producao)')
        .choices(['homologacao', 'producao'])
        .default('homologacao'),
    )
    .option('--consumer <cn>', 'client certificate CN registered as a consumer; others get EWS0003 (repeatable; default any)', collect)
    .addOption(
      new Option('--efetivacao-name <name>', 'output header name [?]').choices(['efetivacaoOperacao', 'EfetivacaoOperacao']).default('efetivacaoOperacao'),
    )
    .addOption(new Option('--ews-placement <where>', 'EWS codes in a SOAP fault or in mensagem [?]').choices(['fault', 'mensagem']).default('fault'))
    .addOption(new Option('--nonce-ttl <seconds>', 'how long a processed nonce is remembered [?]').argParser(positiveInt('--nonce-ttl')).default(86400))
    .addOption(new Option('--repeat-result <r>', 'resultado of a repeated nonce [?]').choices(['original', 'falha']).default('original'))
    .option('--no-repeat-body', 'answer a repeat without the original SPURequisicaoResposta [?]')
    .addOption(
      new Option('--stuck-after <seconds>', 'a nonce processing longer than this gets EWS0010 instead of EWS0006')
        .argParser(positiveInt('--stuck-after'))
        .default(600),
    )
    .option(
      '--script <behaviours>',
      'for the next requests, in order: ok,indefinido,indefinido-not-applied,ews0011,ews0009,drop-after,drop,stuck,503,echo-fault,delay=MS (x3 repeats)',
    )
    .addOption(
      new Option('--auth-failure <how>', 'a wrong CPF or password gets a wsse:FailedAuthentication fault, or a plain soap:Client fault')
        .choices(['wsse', 'client'])
        .default('wsse'),
    )
    .option('--record <file>', 'append every requisition created as JSON Lines')
    .addHelpText('after', '\nThe first line on stdout is "listening on URL". Stop it with Ctrl-C. See docs/siafi.md.')
    .action(async (flags: SimulatorFlags) => {
      let password = readSecret('SIAFI_SIMULATOR_PASSWORD', flags.passwordFile, 'password');
      if (password === undefined) {
        password = randomBytes(9).toString('base64url');
        process.stderr.write(`no password given: CPF ${flags.cpf}, password "${password}" (set SIAFI_SIMULATOR_PASSWORD to choose one)\n`);
      }
      if (flags.script) parseSiafiScript(flags.script);
      const read = (f: string, what: string): Buffer => {
        try {
          return readFileSync(f);
        } catch (err) {
          throw new PiSenderError('ERR_FILE_READ', `cannot read the ${what} ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
            file: f,
          });
        }
      };
      const sim = await startSiafiSimulator({
        host: flags.host,
        port: flags.port,
        tls: { cert: read(flags.tlsCert, 'certificate'), key: read(flags.tlsKey, 'key'), clientCa: read(flags.clientCa, 'client CA') },
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
      process.stdout.write(`listening on ${sim.url}\n`);
      process.stderr.write(`WSDL: ${sim.wsdlUrl}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await sim.close();
      process.stderr.write(`stopped after ${sim.requests.length} requests: ${sim.requisicoes.length} requisitions created\n`);
    });
}
