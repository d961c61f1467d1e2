import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiafiSimulator } from '../../src/simulator/siafi-simulator.js';
import { siafiSimulator } from '../helpers/siafi.js';
import { OPERATIONS } from '../../src/siafi/operations.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { ROOT, runCli, spawnCli, waitFor, type RunningCli } from '../helpers/cli.js';

let pki: TestPki;
let sim: RunningCli;
let url = '';
let dir = '';
const SAMPLES = path.join(ROOT, 'samples', 'siafi');

/** Starts `pi-sender siafi simulator` with the test PKI and extra flags; resolves with it and its URL. */
async function simulatorCli(extra: string[]): Promise<{ process: RunningCli; url: string }> {
  let out = '';
  const p = spawnCli(
    ['siafi', 'simulator', '--port', '0', '--year', '2026', '--tls-cert', pki.serverCert, '--tls-key', pki.serverKey, '--client-ca', pki.caCert, ...extra],
    { env: { SIAFI_SIMULATOR_PASSWORD: 'segredo' } },
  );
  p.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out.includes('\n'), 20_000, 'the SIAFI simulator');
  return { process: p, url: /listening on (\S+)/.exec(out)![1]! };
}

beforeAll(async () => {
  pki = makeTestPki();
  dir = mkdtempSync(path.join(tmpdir(), 'pi-siafi-cli-'));
  ({ process: sim, url } = await simulatorCli(['--ug', '170001', '--ug', '170002']));
}, 30_000);

afterAll(async () => {
  sim.child.kill('SIGINT');
  await sim.done;
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  SIAFI_ENDPOINT: url,
  SIAFI_CPF: '123.456.789-09',
  SIAFI_PASSWORD: 'segredo',
  SIAFI_CERT: pki.clientCert,
  SIAFI_KEY: pki.clientKey,
  SIAFI_CA_FILE: pki.caCert,
  SIAFI_STORE: path.join(dir, 'siafi.db'),
  ...extra,
});

describe('pi-sender siafi, as a user runs it', () => {
  it('sends every sample operation and prints the outcome and the response', async () => {
    for (const op of OPERATIONS) {
      const r = await runCli(['siafi', op.alias, '--file', path.join(SAMPLES, `${op.alias}.json`)], { env: env() });
      expect(r.stderr, op.alias).toBe('');
      expect(r.code, `${op.alias}: ${r.stdout}`).toBe(0);
      expect(r.stdout).toMatch(/^SUCESSO: Requisição (de estorno )?registrada com sucesso\.\nrequisição: 2026 RI \d+, NS 2026NS\d{6}\n/);
      expect(r.stdout).toMatch(/nonce spunet-170001-[A-Z]{3}-[0-9a-f]{20}-1, state SUCESSO, attempt 1/);
    }
    const status = await runCli(['siafi', 'status'], { env: env() });
    expect(status.stdout).toContain('requisitions: SUCESSO 9, FALHA 0, NOVA 0, INDEFINIDA 0, VERIFICAR 0, RECUSADA 0');
    expect(status.code).toBe(0);
  });

  it('the same file again sends nothing; --new sends another requisition', async () => {
    const again = await runCli(['siafi', 'baixa', '--file', path.join(SAMPLES, 'baixa.json')], { env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already applied/);
    const fresh = await runCli(['siafi', 'criarSPURequisicaoBaixa', '--file', path.join(SAMPLES, 'baixa.json'), '--new', '--json'], { env: env() });
    expect(fresh.code).toBe(0);
    const j = JSON.parse(fresh.stdout) as { sent: boolean; record: { nonce: string; generation: number } };
    expect(j.sent).toBe(true);
    expect(j.record.nonce).toMatch(/-2$/);
    expect(JSON.stringify(j)).not.toContain('segredo');
  });

  it('an invalid requisition: every problem with file, line and field, exit 1, nothing sent', async () => {
    const r = await runCli(['siafi', 'incorporacao', '--file', path.join(SAMPLES, 'invalid-incorporacao.json')], { env: {} });
    expect(r.code).toBe(1);
    const file = path.join(SAMPLES, 'invalid-incorporacao.json');
    expect(r.stderr).toBe(
      `${file}:4: observacao: SIAFI_BLANK Observação must not be blank\n` +
        `${file}:10: dadosPadraoBem[0].dadosBem.ripBem: SIAFI_TYPE RIP must be text (in quotes: leading zeros matter), not 123456\n` +
        `${file}:14: dadosPadraoBem[0].valorBem: SIAFI_RESTRICTION Valor must be greater than zero\n` +
        `${file}: the criarSPURequisicaoIncorporacao requisition has 3 problems; nothing was sent\n`,
    );
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "codUG": 170001,\n  "observacao": "x",,\n}\n');
    const b = await runCli(['siafi', 'estorno', '--file', broken], { env: env() });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3: not valid JSON`));
  });

  it('--dry-run prints the operation XML and sends nothing', async () => {
    const r = await runCli(['siafi', 'estorno', '--file', path.join(SAMPLES, 'estorno.json'), '--dry-run'], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^<ns0:estornarSPURequisicao xmlns:ns0="http:\/\/www\.tesouro\.gov\.br\/siafi\/services\/integra\/integrarSistemaSPUNet"><spuEstornoRequisicao><grupoRequisicao>1<\/grupoRequisicao>/,
    );
  });

  it('configuration problems exit 2 and say what is missing; a password is never a flag', async () => {
    const noPassword = await runCli(['siafi', 'baixa', '--file', path.join(SAMPLES, 'baixa.json')], { env: env({ SIAFI_PASSWORD: '' }) });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/no SIAFI password: set SIAFI_PASSWORD/);
    const flag = await runCli(['siafi', 'baixa', '--file', path.join(SAMPLES, 'baixa.json'), '--password', 'x'], { env: env() });
    expect(flag.code).toBe(2);
    const untrusted = await runCli(['siafi', 'avaliacao', '--file', path.join(SAMPLES, 'avaliacao.json')], {
      env: env({ SIAFI_CERT: pki.otherClientCert, SIAFI_KEY: pki.otherClientKey, SIAFI_STORE: path.join(dir, 'other.db') }),
    });
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/refused our client certificate/);
    const pw = await runCli(['siafi', 'avaliacao', '--file', path.join(SAMPLES, 'avaliacao.json')], {
      env: env({ SIAFI_PASSWORD: 'errada', SIAFI_STORE: path.join(dir, 'pw.db') }),
    });
    expect(pw.code).toBe(2);
    expect(pw.stdout).toMatch(/refused the UsernameToken[\s\S]*state RECUSADA/);
    const st = await runCli(['siafi', 'status', '--json'], { env: env({ SIAFI_STORE: path.join(dir, 'pw.db') }) });
    expect(st.code).toBe(1);
    expect(JSON.parse(st.stdout)).toMatchObject({ state: 'RECUSADA', operation: 'criarSPURequisicaoAvaliacao' });
    const cpfFile = path.join(dir, 'cpf.txt');
    writeFileSync(cpfFile, '123.456.789-09\n');
    const fixed = await runCli(['siafi', 'avaliacao', '--file', path.join(SAMPLES, 'avaliacao.json'), '--cpf-file', cpfFile], {
      env: env({ SIAFI_STORE: path.join(dir, 'pw.db'), SIAFI_CPF: '' }),
    });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/attempt 2/);
    const none = await runCli(['siafi', 'status', '--store', path.join(dir, 'nothing-here.db')], { env: {} });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no SIAFI store at .*nothing-here\.db/);
  });
});

describe('pi-sender siafi retry', () => {
  let flaky: RunningCli;
  let flakyUrl = '';
  beforeAll(async () => {
    ({ process: flaky, url: flakyUrl } = await simulatorCli(['--script', 'indefinido']));
  }, 30_000);
  afterAll(async () => {
    flaky.child.kill('SIGINT');
    await flaky.done;
  });

  it('INDEFINIDO exits 3 and stays listed; retry --nonce sends the same nonce and gets the repeat', async () => {
    const e = env({ SIAFI_ENDPOINT: flakyUrl, SIAFI_STORE: path.join(dir, 'retry.db') });
    const first = await runCli(['siafi', 'incorporacao', '--file', path.join(SAMPLES, 'incorporacao.json')], { env: e });
    expect(first.code).toBe(3);
    expect(first.stdout).toMatch(/^INDEFINIDO/);
    const nonce = /nonce (\S+),/.exec(first.stdout)![1]!;
    const status = await runCli(['siafi', 'status'], { env: e });
    expect(status.stdout).toContain(`INDEFINIDA criarSPURequisicaoIncorporacao UG 170001 nonce ${nonce}`);
    const due = await runCli(['siafi', 'retry'], { env: e });
    expect(due.stdout).toBe('nothing due\n');
    const now = await runCli(['siafi', 'retry', '--nonce', nonce], { env: e });
    expect(now.code).toBe(0);
    expect(now.stdout).toMatch(new RegExp(`^SUCESSO \\(a repeat of nonce ${nonce}, first processed `));
    const after = await runCli(['siafi', 'status'], { env: e });
    expect(after.stdout).toContain('nothing unsettled');
  });
});

describe('a crash in the middle of a call', () => {
  // In this process, so that the test can see when the request arrived and when it was applied.
  let slow: SiafiSimulator;
  beforeAll(async () => {
    slow = await siafiSimulator(pki, { operators: [{ cpf: '12345678909', password: 'segredo', ugs: ['170002'] }], script: 'delay=2000' });
  }, 30_000);
  afterAll(() => slow.close());

  it('kill -9 while waiting for the answer: the requisition and its nonce survive, and the retry applies nothing twice', async () => {
    const e = env({ SIAFI_ENDPOINT: slow.url, SIAFI_STORE: path.join(dir, 'crash.db') });
    const file = path.join(dir, 'ajuste.json');
    writeFileSync(
      file,
      JSON.stringify({
        codTipoRequisicao: 801,
        codUG: 170002,
        observacao: 'Ajuste interrompido',
        dadosPadraoBem: [{ dadosBem: { classeBem: 1, tipoBem: 1, ripBem: '12345678', utilizacaoBem: 1, parcelaBem: 1 }, valorBem: '10.00' }],
      }),
    );
    const running = spawnCli(['siafi', 'ajustes-contabeis', '--file', file], { env: e });
    // The simulator holds the answer for 2 s: kill the client once the request has reached it.
    await waitFor(() => slow.requests.length >= 1 || running.child.exitCode !== null, 20_000, 'the request to reach SIAFI');
    expect(running.child.exitCode).toBeNull();
    running.child.kill('SIGKILL');
    await running.done;
    const st = await runCli(['siafi', 'status', '--json'], { env: e });
    const pending = JSON.parse(st.stdout) as { state: string; nonce: string; attempts: number };
    // It reached SIAFI and was never answered: status says so, not "not sent yet".
    expect(pending).toMatchObject({ state: 'NOVA', attempts: 1, answerUnknown: true });
    const human = await runCli(['siafi', 'status'], { env: e });
    expect(human.stdout).toMatch(/sent at \S+, answer unknown \(it may have been applied; retry sends the same nonce\)/);
    expect(human.stdout).not.toContain('not sent yet');
    await waitFor(() => slow.requisicoes.length === 1, 20_000, 'the simulator to apply the requisition');
    const again = await runCli(['siafi', 'retry'], { env: e });
    expect(again.stdout).toMatch(new RegExp(`^SUCESSO \\(a repeat of nonce ${pending.nonce},`));
    expect(again.code).toBe(0);
    expect(slow.requisicoes).toHaveLength(1);
  });
});
