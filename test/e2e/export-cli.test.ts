import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/export/config.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { Store } from '../../src/store/store.js';
import { sqlDb } from '../helpers/sqlite.js';
import { runCli, spawnCli, waitFor } from '../helpers/cli.js';
import { sqliteSpe, writeConfig } from '../helpers/export.js';
import { simulator, SIM_PASSWORD } from '../helpers/simulator.js';

let sim: PiSimulator;
let dir: string;
let file: string;
let storeFile: string;
const env = { PI_PASSWORD: SIM_PASSWORD, PI_LOG_LEVEL: 'error' };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pi-cli-'));
  const spe = sqliteSpe(dir, { processes: 90, invalidEvery: 30 });
  sim = await simulator();
  const written = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
  file = written.file;
  storeFile = written.config.store;
});
afterAll(() => sim.close());

describe('export commands (CLI)', () => {
  it('init writes a commented configuration that loads, and never overwrites by accident', async () => {
    const out = path.join(dir, 'novo.yaml');
    const r = await runCli(['init', '--source', 'mariadb', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`pi-sender check-config --config ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# pi-sender export configuration/);
    expect(parseConfig(text, out, {}).source.type).toBe('mariadb');
    expect((await runCli(['init', '--output', out])).code).toBe(2);
    expect((await runCli(['init', '--output', out, '--force', '--source', 'csv'])).code).toBe(0);
  });

  it('check-config shows mapped Documentos and checks the PI credentials, sending nothing', async () => {
    const r = await runCli(['check-config', '--config', file, '--sample', '2'], { env });
    // Every Documento of the sample is validated, not only the two shown: the sample has wrong NUPs.
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/validated 76 Documentos of the sample: 73 valid, 3 invalid\n {4}NUP_CHECK_DIGITS: 3 \(e\.g\. /);
    expect(r.stdout).toContain('SPE: reachable');
    expect(r.stdout).toMatch(/sample: 90 processes \(\d+ withheld\)/);
    expect((r.stdout.match(/^Documento \d+: valid/gm) ?? []).length).toBe(2);
    expect(r.stdout).toContain('<Protocolo>');
    expect(r.stdout).toMatch(/PI: .*credentials accepted; up to 100 Documentos per request/);
    expect(sim.stats.documentos).toBe(0);
    expect(existsSync(storeFile)).toBe(false);
    const json = await runCli(['check-config', '--config', file, '--json'], { env });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as Record<string, Record<string, unknown>>;
    expect(report).toMatchObject({
      type: 'check-config',
      configuration: { file, source: 'sqlite' },
      spe: { ok: true, sample: { processes: 90, documentos: 76, valid: 73, invalid: 3 } },
      pi: { contacted: true, endpoint: sim.url, maxDocumentosPerRequest: 100 },
      exitCode: 1,
    });
    expect(report['spe']!['problems']).toEqual([expect.objectContaining({ code: 'NUP_CHECK_DIGITS', severity: 'error', count: 3 })]);
    const bad = await runCli(['check-config', '--config', file], { env: { ...env, PI_PASSWORD: 'errada' } });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('the PI refused the user or password');
  });

  it('check-config warns of a CPF mapping that does nothing, and of CPFs kept for SOAP, which cannot carry them', async () => {
    const spe = sqliteSpe(mkdtempSync(path.join(dir, 'cpf-')), { processes: 10 });
    const mapped: Array<[string, string]> = [['NomeInteressado: nome }', 'NomeInteressado: nome, cpf: { value: "529.982.247-25" } }']];
    const off = writeConfig({ type: 'sqlite', dir: mkdtempSync(path.join(dir, 'cpf-')), endpoint: sim.url, location: spe, replace: mapped });
    const r = await runCli(['check-config', '--config', off.file, '--json'], { env });
    expect((JSON.parse(r.stdout) as { spe: { warnings: string[] } }).spe.warnings).toEqual([
      'mapping.interessado maps cpf or natureza, but pi.sendCpf is off: those columns are not read (docs/rest.md)',
    ]);
    const soap = writeConfig({
      type: 'sqlite',
      dir: mkdtempSync(path.join(dir, 'cpf-')),
      endpoint: sim.url,
      location: spe,
      replace: [...mapped, ['\npi:\n', '\npi:\n  sendCpf: true\n']],
    });
    const s = await runCli(['check-config', '--config', soap.file], { env });
    expect(s.stdout).toContain('pi.sendCpf is on with the SOAP transport, which has no place for a CPF');
    expect(s.stdout).not.toContain('52998224725');
  });

  it('check-config reports configuration problems with file and line (exit 2)', async () => {
    const out = path.join(dir, 'ruim.yaml');
    await runCli(['init', '--output', out, '--source', 'sqlite']);
    const text = readFileSync(out, 'utf8').replace('timeZone: America/Sao_Paulo', 'timeZone: Marte');
    (await import('node:fs')).writeFileSync(out, text);
    const r = await runCli(['check-config', '--config', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: timeZone: unknown time zone 'Marte'`));
  });

  it('export: exit 1 with invalid Documentos kept in EN; status, list, show and resend', async () => {
    const r = await runCli(['export', '--config', file, '--json'], { env });
    expect(r.code, r.stderr).toBe(1);
    const summary = JSON.parse(r.stdout) as { send: { accepted: number; invalid: number }; status: { counts: Record<string, number> } };
    expect(summary.send.invalid).toBe(3);
    expect(summary.status.counts).toMatchObject({ NI: 0, EN: 3, FI: 0 });
    expect(r.stderr).toMatch(/sent: \d+ packages due, \d+ batches of up to 100: \d+ accepted, 0 rejected, 3 invalid, 0 failed/);

    const status = await runCli(['status', '--config', file, '--json']);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { counts: Record<string, number>; enFromValidation: number; hoursSinceLastSuccess: number; warning: string | null };
    expect(s.counts['EN']).toBe(3);
    expect(s.enFromValidation).toBe(3);
    expect(s.hoursSinceLastSuccess).toBeLessThan(1);
    expect(s.warning).toBeNull();

    const list = await runCli(['list', '--config', file, '--state', 'EN', '--json']);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { protocolo: string; code: string; origin: string });
    expect(rows.map((x) => [x.code, x.origin])).toEqual([
      ['NUP_CHECK_DIGITS', 'validation'],
      ['NUP_CHECK_DIGITS', 'validation'],
      ['NUP_CHECK_DIGITS', 'validation'],
    ]);

    const formatted = rows[0]!.protocolo.replace(/^(\d{5})(\d{6})(\d{4})(\d{2})$/, '$1.$2/$3-$4');
    const show = await runCli(['show', '--config', file, formatted]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/package \d+: EN, 0 attempts/);
    expect(show.stdout).toContain('(pi-sender validation, not sent)');
    expect(show.stdout).toContain(`    <Protocolo>${rows[0]!.protocolo}</Protocolo>`);
    expect((await runCli(['show', '--config', file, '1234567890123'])).code).toBe(1);

    const resend = await runCli(['resend', '--config', file, '--state', 'EN']);
    expect(resend.stdout).toBe('3 packages set to NI: the next export sends them\n');
    const again = await runCli(['export', '--config', file, '--json'], { env });
    expect(JSON.parse(again.stdout).send).toMatchObject({ due: 3, invalid: 3, accepted: 0 });
    expect((await runCli(['resend', '--config', file])).code).toBe(2);
  });

  it('status warns past 48 hours without a success while something waits (exit 1)', async () => {
    const store = Store.open(storeFile);
    const old = new Date(Date.now() - 50 * 3_600_000).toISOString();
    // The last success is read from the record of answers: make them all 50 hours old.
    sqlDb(store.file).prepare("UPDATE attempts SET at = ? WHERE outcome = 'accepted'").run(old);
    sqlDb(store.file).prepare("UPDATE packages SET state = 'NI' WHERE state = 'EN'").run();
    store.close();
    const r = await runCli(['status', '--config', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/WARNING: nothing was sent successfully for 50 hours while 3 packages wait: the Portaria asks for updates at most every 48 hours/);
  });

  it('exits 2 on refused credentials and 3 when the SPE database is unreachable', async () => {
    const wrong = await runCli(['export', '--config', file], { env: { ...env, PI_PASSWORD: 'errada' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the PI refused the user or password');
    const pgDir = mkdtempSync(path.join(tmpdir(), 'pi-cli-'));
    const { file: pgFile } = writeConfig({ type: 'postgres', dir: pgDir, endpoint: sim.url, replace: [['port: 5432', 'port: 9']] });
    const down = await runCli(['export', '--config', pgFile], { env });
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/cannot reach the SPE database \(postgres at 127\.0\.0\.1\): ECONNREFUSED/);
  });

  it('--schedule runs on the cron, never two at once, and stops on SIGTERM', async () => {
    const start = new Date().toISOString();
    const run = spawnCli(['export', '--config', file, '--schedule', '*/1 * * * * *', '--log-level', 'info'], { env });
    const finishedRuns = (): number => {
      try {
        return (sqlDb(storeFile).prepare('SELECT count(*) AS n FROM runs WHERE started_at >= ? AND finished_at IS NOT NULL').get(start) as { n: number }).n;
      } catch {
        return 0; // not created yet
      }
    };
    await waitFor(() => finishedRuns() >= 2 || run.child.exitCode !== null, 30_000, 'two scheduled runs');
    run.child.kill('SIGTERM');
    const done = await run.done;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('scheduled "*/1 * * * * *" (America/Sao_Paulo)');
    const store = Store.open(storeFile);
    const runs = sqlDb(store.file).prepare('SELECT started_at AS s, finished_at AS f FROM runs WHERE started_at >= ? ORDER BY id').all(start) as Array<{
      s: string;
      f: string;
    }>;
    store.close();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.s >= runs[i - 1]!.f, 'runs overlap').toBe(true);
    expect((await runCli(['export', '--config', file, '--schedule', 'every day'])).code).toBe(2);
  });

  it('--schedule with --log-format json: every stderr line is a JSON record, the schedule and the stop too', async () => {
    const run = spawnCli(['export', '--config', file, '--schedule', '0 0 1 1 *', '--log-format', 'json'], { env });
    let scheduled = false;
    run.child.stderr!.on('data', (d: Buffer) => (scheduled ||= String(d).includes('"schedule"')));
    await waitFor(() => scheduled || run.child.exitCode !== null, 30_000, 'the scheduled record');
    run.child.kill('SIGTERM');
    const done = await run.done;
    expect(done.code).toBe(0);
    const records = done.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ schedule: '0 0 1 1 *', timeZone: 'America/Sao_Paulo' });
    expect(records.at(-1)).toMatchObject({ level: 30 });
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} during an export stops between batches: run interrupted (not failed), what was answered recorded, exit ${code}`, async () => {
      const d = mkdtempSync(path.join(tmpdir(), 'pi-cli-int-'));
      const spe = sqliteSpe(d, { processes: 400 });
      const slow = await simulator({ maxDocs: 10, faults: { delayMs: 40 } });
      try {
        const { file: f, config } = writeConfig({ type: 'sqlite', dir: d, endpoint: slow.url, location: spe });
        const run = spawnCli(['export', '--config', f], { env });
        await waitFor(() => slow.stats.requests >= 3 || run.child.exitCode !== null, 30_000, 'batches in flight');
        expect(run.child.exitCode).toBeNull();
        run.child.kill(signal);
        const done = await run.done;
        expect(done.code, done.stderr).toBe(code);
        expect(done.stderr).toContain('INTERRUPTED');
        expect(done.stderr).not.toContain('internal error');
        const last = sqlDb(config.store).prepare('SELECT status, error FROM runs ORDER BY id DESC LIMIT 1').get();
        expect(last).toEqual({ status: 'interrupted', error: null });
        const counts = sqlDb(config.store).prepare("SELECT sum(state = 'I') AS i, sum(state = 'NI') AS ni FROM packages").get() as { i: number; ni: number };
        expect(counts.i).toBe(slow.stats.accepted); // every answer that came back is recorded
        expect(counts.ni).toBeGreaterThan(0); // and the rest waits for the next run
        const rerun = await runCli(['export', '--config', f], { env });
        expect(rerun.code, rerun.stderr).toBe(0);
      } finally {
        await slow.close();
      }
    });
  }
});
