/**
 * pi-sender as a user installs it: packed with npm pack, installed into a new project with npm
 * install, type-checked and used from outside, against the simulator.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { ROOT } from '../helpers/cli.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

const run = promisify(execFile);
let consumer: string;
let sim: PiSimulator;

async function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(process.execPath, args, { cwd: consumer, env: { ...process.env, ...env }, timeout: 60_000 });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  consumer = mkdtempSync(path.join(tmpdir(), 'pi-consumer-'));
  const { stdout } = await run('npm', ['pack', '--pack-destination', consumer], { cwd: ROOT });
  const tarball = stdout.trim().split('\n').at(-1)!;
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`, 'typescript@5.9.3', '@types/node@20.19.43'], {
    cwd: consumer,
    timeout: 600_000,
  });
  sim = await simulator();
}, 600_000);
afterAll(() => sim?.close());

const TSCONFIG = {
  compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: ['node'] },
};

describe('the packed package, installed in a new project', () => {
  it('type-checks a consumer: types guide (and refuse) what a Documento is', async () => {
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: ['good.ts'] }));
    writeFileSync(
      path.join(consumer, 'good.ts'),
      `import { createSender, validateDocumento, type Documento, type SendOutcome, InvalidDocumentoError, isPiSenderError } from 'pi-sender';
const doc: Documento = {
  Protocolo: '99991000007202530', DataHoraProducao: '2025-03-10T00:00:00-03:00', Especie: 'Processo', Assunto: 'Pedido',
  Historico: { ItemHistorico: [{ DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'DIPRO', Operacao: 'Processo público gerado' }] },
};
const sender = createSender({ store: 'x.db', pi: { endpoint: 'homologacao', user: '99991', password: 'p' } });
sender.on('accepted', (o: SendOutcome) => console.log(o.protocolo, o.attempts));
export async function go(): Promise<number> {
  try { await sender.enqueue(doc); } catch (e) { if (e instanceof InvalidDocumentoError) return e.problems.length; if (isPiSenderError(e, 'ERR_CONFIG')) return -1; }
  const r = validateDocumento(doc);
  return r.valid ? r.documento.Historico.ItemHistorico.length : r.problems.length;
}
`,
    );
    const tsc = path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    const good = await node([tsc, '-p', 'tsconfig.json']);
    expect(good.stdout + good.stderr).toBe('');
    expect(good.code).toBe(0);
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: ['bad.ts'] }));
    writeFileSync(
      path.join(consumer, 'bad.ts'),
      `import type { Documento } from 'pi-sender';\nexport const d: Documento = { Protocolo: 1, DataHoraProducao: '', Especie: '', Assunto: '' };\n`,
    );
    const bad = await node([tsc, '-p', 'tsconfig.json']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/Type 'number' is not assignable to type 'string'|Property 'Historico' is missing/);
  });

  it('type-checks a SIAFI consumer: send is typed by operation', async () => {
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: ['siafi.ts'] }));
    const estorno = `{ grupoRequisicao: 1, codTipoRequisicao: 101, codUG: 170001, anoRequisicaoSPU: 2026, codTipoRequisicaoSPU: 'RI', numRequisicaoSPU: 1, observacao: 'Estorno' }`;
    const write = (body: string): void =>
      writeFileSync(
        path.join(consumer, 'siafi.ts'),
        `import { createSiafiSender, SiafiValidationError, type SPUEstornoRequisicao, type SiafiOutcome } from 'pi-sender';
const siafi = createSiafiSender({ store: 's.db', environment: 'homologacao', cpf: '12345678909', password: 'p', tls: { pfxFile: 'm.p12' } });
export async function go(): Promise<SiafiOutcome | number | undefined> {
  ${body}
}
`,
      );
    const tsc = path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    write(`const e: SPUEstornoRequisicao = ${estorno};
  try { return (await siafi.send('estornarSPURequisicao', e)).outcome; } catch (err) { if (err instanceof SiafiValidationError) return err.problems.length; throw err; }`);
    const good = await node([tsc, '-p', 'tsconfig.json']);
    expect(good.stdout + good.stderr).toBe('');
    write(`return (await siafi.send('criarSPURequisicaoBaixa', ${estorno})).outcome;`);
    const bad = await node([tsc, '-p', 'tsconfig.json']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/dadosPadraoBem|anoRequisicaoSPU/);
  });

  it('enqueues and flushes against the simulator, with events and status', async () => {
    writeFileSync(
      path.join(consumer, 'send.mjs'),
      `import { createSender } from 'pi-sender';
const sender = createSender({ store: process.argv[2], pi: { endpoint: process.env.URL, user: '${SIM_USER}', password: '${SIM_PASSWORD}' } });
const events = [];
sender.on('accepted', (o) => events.push('accepted ' + o.protocolo));
sender.on('rejected', (o) => events.push('rejected ' + o.code));
const doc = (p, especie) => ({ Protocolo: p, DataHoraProducao: '2025-03-10T00:00:00-03:00', Especie: especie, Assunto: 'Pedido',
  Historico: { ItemHistorico: [{ DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'DIPRO', Operacao: 'Processo público gerado' }] } });
const results = await sender.enqueue([doc('99991.000007/2025-30', 'Processo'), doc('99991000003202551', 'Processo')]);
const withheld = await sender.enqueue(doc('99991000012202542', 'Processo'), { access: 'sigiloso' });
const outcomes = await sender.flush();
console.log(JSON.stringify({ results: results.map((r) => [r.protocolo, r.queued]), withheld: withheld[0].queued, outcomes: outcomes.map((o) => [o.protocolo, o.outcome]), events, status: sender.status().counts }));
await sender.close();
`,
    );
    const r = await node(['send.mjs', path.join(consumer, 'send.db')], { URL: sim.url });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      results: [
        ['99991000007202530', true],
        ['99991000003202551', true],
      ],
      withheld: false,
      outcomes: [
        ['99991000007202530', 'accepted'],
        ['99991000003202551', 'accepted'],
      ],
      events: ['accepted 99991000007202530', 'accepted 99991000003202551'],
      status: { NI: 0, I: 2, EN: 0, FI: 0 },
    });
    expect(sim.accepted.has('99991000012202542')).toBe(false);
  });

  it('loses nothing when the process dies between enqueue and flush', async () => {
    const store = path.join(consumer, 'crash.db');
    writeFileSync(
      path.join(consumer, 'enqueue-and-die.mjs'),
      `import { createSender } from 'pi-sender';
const sender = createSender({ store: process.argv[2], pi: { endpoint: process.env.URL, user: 'u', password: 'p' } });
const doc = (n) => ({ Protocolo: '99991' + String(n).padStart(6, '0') + '2025', DataHoraProducao: '2025-03-10T00:00:00-03:00', Especie: 'Processo', Assunto: 'Pedido',
  Historico: { ItemHistorico: [{ DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'DIPRO', Operacao: 'Processo remetido' }] } });
const { nupCheckDigits } = await import('pi-sender');
await sender.enqueue([21, 22, 23].map((n) => { const d = doc(n); d.Protocolo += nupCheckDigits(d.Protocolo); return d; }));
process.kill(process.pid, 'SIGKILL');
`,
    );
    const died = await node(['enqueue-and-die.mjs', store], { URL: sim.url });
    expect(died.code).not.toBe(0);
    writeFileSync(
      path.join(consumer, 'flush.mjs'),
      `import { createSender } from 'pi-sender';
const sender = createSender({ store: process.argv[2], pi: { endpoint: process.env.URL, user: '${SIM_USER}', password: '${SIM_PASSWORD}' } });
const outcomes = await sender.flush();
console.log(outcomes.map((o) => o.outcome).join(','));
await sender.close();
`,
    );
    const flushed = await node(['flush.mjs', store], { URL: sim.url });
    expect(flushed.stdout.trim()).toBe('accepted,accepted,accepted');
    expect(['99991000021202533', '99991000022202588', '99991000023202522'].filter((p) => sim.accepted.has(p))).toHaveLength(3);
  });

  it('loads from CommonJS with import()', async () => {
    writeFileSync(path.join(consumer, 'old.cjs'), `import('pi-sender').then((m) => console.log(typeof m.createSender, m.validateDocumento({}).valid));\n`);
    const r = await node(['old.cjs']);
    expect(r.stdout.trim()).toBe('function false');
  });

  it('importing it has no side effects and loads no command-line module', async () => {
    writeFileSync(
      path.join(consumer, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.LOG, r.url + '\\n'); return r; }\n`,
    );
    writeFileSync(path.join(consumer, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    writeFileSync(path.join(consumer, 'import-only.mjs'), `await import('pi-sender');\n`);
    const log = path.join(consumer, 'loaded.log');
    const before = readdirSync(consumer).sort();
    const start = Date.now();
    const r = await node(['--import', './register.mjs', 'import-only.mjs'], { LOG: log });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
    expect(Date.now() - start).toBeLessThan(10_000); // nothing kept running
    expect(readdirSync(consumer).sort()).toEqual([...before, 'loaded.log'].sort());
    const loaded = (await import('node:fs')).readFileSync(log, 'utf8');
    for (const cliOnly of ['commander', 'cli-progress', 'pino', 'pino-pretty', 'nodemailer', 'croner', '/pg/', 'mysql2']) {
      expect(loaded, cliOnly).not.toContain(`node_modules/${cliOnly.replace(/\//g, '')}/`);
    }
    expect(loaded).toContain('node_modules/pi-sender/dist/index.js');
  });

  it('installs the pi-sender command, which works', async () => {
    const bin = path.join(consumer, 'node_modules', '.bin', 'pi-sender');
    const validate = await new Promise<number | null>((resolve) => {
      const p = spawn(bin, ['validate', path.join(consumer, 'node_modules', 'pi-sender', 'samples', 'lista-documentos.xml')], {
        cwd: consumer,
        stdio: 'ignore',
      });
      p.on('close', resolve);
    });
    expect(validate).toBe(0);
    const demo = await new Promise<number | null>((resolve) => {
      const p = spawn(bin, ['demo'], { cwd: consumer, stdio: 'ignore' });
      p.on('close', resolve);
    });
    expect(demo).toBe(0);
  });
});
