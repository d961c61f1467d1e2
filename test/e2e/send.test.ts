import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { connectProxy } from '../helpers/proxy.js';
import { runCli, spawnCli, waitFor } from '../helpers/cli.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { writeLista, writeListaSync } from '../helpers/lists.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

let dir: string;
let pki: TestPki;
let sim: PiSimulator | undefined;
const env = { PI_PASSWORD: SIM_PASSWORD, PI_USER: SIM_USER, PI_LOG_LEVEL: 'warn' };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pi-send-'));
  pki = makeTestPki();
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Line {
  index: number;
  line: number;
  protocolo: string | null;
  outcome: string;
  code: string | null;
  message: string | null;
  attempts: number;
}
const reportOf = (file: string): Line[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
let n = 0;
const fresh = (name: string): string => path.join(dir, `${++n}-${name}`);

// Every case over both transports: the SOAP web service and the REST API (docs/rest.md).
describe.each(['soap', 'rest'] as const)('pi-sender send over %s (CLI, real HTTP to the simulator)', (transport) => {
  /** The simulator's address for this transport, and the flag that picks it. */
  const at = (s: PiSimulator): string[] => ['--endpoint', transport === 'rest' ? s.restUrl : s.url, '--transport', transport];

  it('uploads the sample: every Documento accepted, exit 0, one report line each', async () => {
    const record = fresh('record.jsonl');
    sim = await simulator({ record });
    const report = fresh('report.jsonl');
    const r = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', report], { env });
    expect(r.code, r.stderr).toBe(0);
    const lines = reportOf(report);
    expect(lines.map((l) => [l.index, l.outcome, l.attempts])).toEqual([1, 2, 3, 4, 5].map((i) => [i, 'accepted', 1]));
    expect(lines[0]).toEqual({ index: 1, line: 6, protocolo: '99991000007202530', outcome: 'accepted', code: null, message: 'Ok!', attempts: 1 });
    expect(r.stderr).toMatch(/5 Documentos: 5 accepted, 0 rejected, 0 invalid, 0 failed \(1 batch of up to 100\)/);
    expect(sim.accepted.size).toBe(5);
    // The CPF in Documento #2 went masked, as the SEI module sends it
    const recorded = readFileSync(record, 'utf8');
    expect(recorded).toContain('João da Silva Araújo ***.456.78*-**');
    expect(recorded).not.toContain('123.456.789-09');
    expect(existsSync(`${report}.journal`)).toBe(false);
  });

  it('reports invalid, rejected and accepted Documentos apart: exit 1', async () => {
    sim = await simulator();
    const file = writeListaSync(fresh('mixed.xml'), [
      validDocumento({ Protocolo: nup(1) }),
      validDocumento({ Protocolo: '99991000007202531' }), // wrong NUP check digits: invalid, never sent
      validDocumento({ Protocolo: nup(3), Especie: 'E'.repeat(60) }), // lenient here, strict at the PI: rejected
      validDocumento({ Protocolo: nup(4), Assunto: 'Linha\nquebrada' }), // fixed by the normalizer: accepted
    ]);
    const report = fresh('report.jsonl');
    const r = await runCli(['send', file, ...at(sim), '--report', report, '--profile', 'lenient'], { env });
    expect(r.code, r.stderr).toBe(1);
    expect(reportOf(report).map((l) => [l.index, l.outcome, l.code])).toEqual([
      [1, 'accepted', null],
      [2, 'invalid', 'NUP_CHECK_DIGITS'],
      [3, 'rejected', 'NF005'],
      [4, 'accepted', null],
    ]);
    expect(sim.stats.documentos).toBe(3);
  });

  it('batches by the service maximum when it is below --batch-size', async () => {
    sim = await simulator({ maxDocs: 3 });
    const file = await writeLista(fresh('ten.xml'), 10);
    const report = fresh('report.jsonl');
    const r = await runCli(['send', file, ...at(sim), '--report', report, '--batch-size', '10'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('10 Documentos: 10 accepted, 0 rejected, 0 invalid, 0 failed (4 batches of up to 3)');
    // The maximum, then 3 + 3 + 3 + 1 (over REST, a login first).
    expect(sim.stats.requests).toBe(transport === 'rest' ? 6 : 5);
  });

  it('exits 2 on a wrong password, says so, and sends nothing', async () => {
    sim = await simulator();
    const report = fresh('report.jsonl');
    const r = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', report], { env: { ...env, PI_PASSWORD: 'errada' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(transport === 'rest' ? 'the service refused the credentials (HTTP 401)' : 'the PI refused the user or password');
    expect(r.stderr).not.toContain('errada');
    expect(sim.stats.documentos).toBe(0);
    expect(existsSync(report)).toBe(false);
  });

  it('takes the password from a file, never from a flag, and exits 2 without one', async () => {
    sim = await simulator();
    const pw = fresh('password');
    writeFileSync(pw, `${SIM_PASSWORD}\n`);
    const ok = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', fresh('r.jsonl'), '--password-file', pw], {
      env: { PI_USER: SIM_USER },
    });
    expect(ok.code, ok.stderr).toBe(0);
    const none = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', fresh('r.jsonl')], {
      env: { PI_USER: SIM_USER, PI_PASSWORD: '' },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no password: set PI_PASSWORD or use --password-file');
    expect((await runCli(['send', 'x.xml', '--password', 'x'])).code).toBe(2);
  });

  it('HTTPS: trusted with --ca, refused without (exit 2)', async () => {
    sim = await simulator({ tls: { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) } });
    expect(sim.url.startsWith('https://127.0.0.1:')).toBe(true);
    const refused = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', fresh('r.jsonl')], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/certificate is not trusted .*--ca/);
    const trusted = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', fresh('r.jsonl'), '--ca', pki.caCert], { env });
    expect(trusted.code, trusted.stderr).toBe(0);
  });

  it('--json prints the summary as one JSON object on stdout, with the exit code it ends with', async () => {
    sim = await simulator();
    const report = fresh('json.jsonl');
    const r = await runCli(['send', 'samples/invalid/bad-values.xml', ...at(sim), '--report', report, '--json'], { env });
    expect(r.code, r.stderr).toBe(1);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      type: 'summary',
      file: 'samples/invalid/bad-values.xml',
      endpoint: transport === 'rest' ? sim.restUrl : sim.url,
      dryRun: false,
      report,
      exitCode: 1,
    });
    expect(summary['invalid']).toBeGreaterThan(0);
    expect(summary['documentos']).toBe(reportOf(report).length);
    expect(r.stderr).not.toContain('upload of');
    const clash = await runCli(['send', 'samples/lista-documentos.xml', '--dry-run', '--report', '-', '--json'], { env });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--json prints the summary on stdout');
  });

  it('goes through an HTTPS proxy given with --proxy', async () => {
    sim = await simulator({ tls: { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) } });
    const proxy = await connectProxy();
    try {
      const r = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', fresh('r.jsonl'), '--ca', pki.caCert, '--proxy', proxy.url], {
        env,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(proxy.tunnels()).toBeGreaterThan(0);
    } finally {
      proxy.close();
    }
  });

  it('recovers from 503s, delays, dropped connections, malformed answers and count mismatches', async () => {
    sim = await simulator({ maxDocs: 2, faults: { script: '503,drop,delay=300,malformed,count-mismatch,503' } });
    const report = fresh('report.jsonl');
    const r = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', report, '--retry-delay', '10', '--concurrency', '1'], {
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    const lines = reportOf(report);
    expect(lines.every((l) => l.outcome === 'accepted')).toBe(true);
    // batch 1: 503, drop, then ok after a delay; batch 2: malformed, count mismatch, 503, ok; batch 3: ok
    expect(lines.map((l) => l.attempts)).toEqual([3, 3, 4, 4, 1]);
    expect(r.stderr).toMatch(/retrying after/);
  });

  it('fails what the service keeps failing (exit 3), keeps a journal, and --resume finishes the job', async () => {
    sim = await simulator({ maxDocs: 2, faults: { script: 'ok,count-mismatchx3,malformedx3' } });
    const report = fresh('report.jsonl');
    const args = ['send', 'samples/lista-documentos.xml', ...at(sim), '--report', report, '--retry-delay', '5', '--retries', '3', '--concurrency', '1'];
    const first = await runCli(args, { env });
    expect(first.code, first.stderr).toBe(3);
    expect(reportOf(report).map((l) => [l.outcome, l.code])).toEqual([
      ['accepted', null],
      ['accepted', null],
      ['failed', 'RESULT_COUNT'],
      ['failed', 'RESULT_COUNT'],
      ['failed', 'ERR_SOAP_RESPONSE'],
    ]);
    expect(first.stderr).toContain('rerun with --resume');
    expect(existsSync(`${report}.journal`)).toBe(true);
    const again = await runCli(args, { env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('continue it with --resume, or start over with --restart');
    const before = sim.stats.documentos;
    const resumed = await runCli([...args, '--resume'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(sim.stats.documentos - before).toBe(3); // only the failed ones were sent again
    expect(reportOf(report).map((l) => l.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(resumed.stderr).toContain('2 answered in the interrupted run');
    expect(existsSync(`${report}.journal`)).toBe(false);
  });

  it('kill -9 in the middle of a 10,000-Documento upload, then --resume: every valid Documento recorded exactly once', async () => {
    const record = fresh('record.jsonl');
    sim = await simulator({ record, faults: { delayMs: 25 } });
    const broken = (i: number): boolean => i % 997 === 0;
    const file = await writeLista(fresh('10k.xml'), 10_000, (d, i) => (broken(i) ? { ...d, Especie: '' } : d));
    const report = fresh('report.jsonl');
    const args = ['send', file, ...at(sim), '--report', report, '--batch-size', '50'];
    const run = spawnCli(args, { env });
    await waitFor(() => sim!.stats.accepted >= 3000, 60_000, '3000 Documentos accepted');
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.code).not.toBe(0);
    expect(sim.stats.accepted).toBeLessThan(9000);
    expect(existsSync(`${report}.journal`)).toBe(true);
    sim.setFaults({});
    const resumed = await runCli([...args, '--resume'], { env });
    expect(resumed.code, resumed.stderr).toBe(1); // the broken ones are invalid
    const valid = Array.from({ length: 10_000 }, (_, k) => k + 1).filter((i) => !broken(i));
    const recorded = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { protocolo: string }).protocolo);
    expect(recorded.length).toBe(valid.length);
    expect(new Set(recorded)).toEqual(new Set(valid.map(nup)));
    const lines = reportOf(report);
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: 10_000 }, (_, k) => k + 1));
    expect(lines.filter((l) => l.outcome === 'accepted').length).toBe(valid.length);
    expect(lines.filter((l) => l.outcome === 'invalid').map((l) => l.index)).toEqual([997, 1994, 2991, 3988, 4985, 5982, 6979, 7976, 8973, 9970]);
    expect(existsSync(`${report}.journal`)).toBe(false);
  }, 120_000);

  it('Ctrl-C stops gracefully (exit 130) and --resume continues', async () => {
    sim = await simulator({ faults: { delayMs: 50 } });
    const file = await writeLista(fresh('2k.xml'), 2000);
    const report = fresh('report.jsonl');
    const args = ['send', file, ...at(sim), '--report', report, '--batch-size', '20'];
    const run = spawnCli(args, { env });
    await waitFor(() => sim!.stats.accepted >= 200, 30_000, '200 accepted');
    run.child.kill('SIGINT');
    const stopped = await run.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('interrupting');
    expect(stopped.stderr).toContain('to continue: rerun with --resume');
    const resumed = await runCli([...args, '--resume'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(sim.accepted.size).toBe(2000);
    expect(reportOf(report).filter((l) => l.outcome === 'accepted').length).toBe(2000);
  }, 60_000);

  it('--dry-run validates and batches without any endpoint or request', async () => {
    const report = fresh('report.jsonl');
    const r = await runCli(['send', 'samples/invalid/bad-values.xml', '--dry-run', '--report', report], { env: { PI_PASSWORD: '' } });
    expect(r.code).toBe(1);
    expect(reportOf(report).map((l) => l.outcome)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'valid', 'invalid']);
    expect(r.stderr).toContain('dry run of samples/invalid/bad-values.xml: nothing sent');
  });

  it('--report - prints the report on stdout; bad files and flags exit 2', async () => {
    sim = await simulator();
    const r = await runCli(['send', 'samples/lista-documentos.xml', ...at(sim), '--report', '-'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
    expect((await runCli(['send', 'samples/nao-existe.xml', ...at(sim)], { env })).code).toBe(2);
    expect((await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', 'http://example.gov.br/x', '--report', '-'], { env })).code).toBe(2);
    expect((await runCli(['send', 'samples/lista-documentos.xml', '--time-zone', 'Lua/Base', '--dry-run', '--report', '-'])).code).toBe(2);
    expect((await runCli(['send', 'samples/lista-documentos.xml', '--batch-size', '0', '--dry-run'])).code).toBe(2);
  });
});

afterAll(() => undefined);
