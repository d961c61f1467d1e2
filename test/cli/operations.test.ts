import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { sendAlerts } from '../../src/export/alerts.js';
import { localTime } from '../../src/export/job.js';
import { silentLogger } from '../../src/logging.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { Store } from '../../src/store/store.js';
import { ROOT } from '../helpers/cli.js';
import { addMovements, sqliteSpe, writeConfig } from '../helpers/export.js';
import { runInProcess } from '../helpers/in-process.js';
import { pgReachable, PG } from '../helpers/databases.js';
import { simulator, SIM_PASSWORD } from '../helpers/simulator.js';
import { sqlDb } from '../helpers/sqlite.js';

let sim: PiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'pi-ops-'));
const env = { PI_PASSWORD: SIM_PASSWORD, PI_LOG_LEVEL: 'silent' };

describe('exit codes that tell a scheduler what to do', () => {
  it('a misspelled endpoint path is exit 2 with the whole URL, and is not retried', async () => {
    sim = await simulator();
    const wrong = sim.url.replace('integradorService', 'integradorServic');
    const r = await runInProcess(
      ['send', path.join(ROOT, 'samples', 'lista-documentos.xml'), '--endpoint', wrong, '--user', 'simulador', '--retries', '5'],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the endpoint ${wrong} answered HTTP 404 (Not Found): check the URL`);
    expect(sim.stats.requests).toBe(0); // 404 comes before the simulator counts a SOAP request
  });

  it('a host that does not exist is exit 2', async () => {
    const r = await runInProcess(
      ['send', path.join(ROOT, 'samples', 'lista-documentos.xml'), '--endpoint', 'https://nao-existe.invalid/ProtocoloWS/integradorService', '--user', 'u'],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the host nao-existe.invalid does not exist (DNS): check the URL');
  });

  it('an SPE database that does not exist is exit 2 (a person must fix it), a refused connection exit 3', async () => {
    if (!(await pgReachable())) throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432 (CI starts it)');
    sim = await simulator();
    const dir = tmp();
    const { file } = writeConfig({ type: 'postgres', dir, endpoint: sim.url, database: 'pi_nao_existe', user: PG.user });
    const r = await runInProcess(['export', '--config', file], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the SPE database \(postgres at 127\.0\.0\.1\) has no such database: check the database name: 3D000/);
    const down = writeConfig({ type: 'postgres', dir: tmp(), endpoint: sim.url, user: PG.user, replace: [['port: 5432', 'port: 9']] });
    const refused = await runInProcess(['export', '--config', down.file], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/cannot reach the SPE database \(postgres at 127\.0\.0\.1\): ECONNREFUSED/);
  });

  it('every error code has an exit code and a meaning, and docs/errors.md lists them all', async () => {
    const doc = (await import('node:fs')).readFileSync(path.join(ROOT, 'docs', 'errors.md'), 'utf8');
    const rows = new Map([...doc.matchAll(/^\| `(ERR_[A-Z_]+)` \| (\d+) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, info] of Object.entries(ERROR_CODES)) expect(rows.get(code), code).toBe(info.exit);
  });
});

describe('what a person sees', () => {
  it('a PDF given to send is one line, exit 2, and no call to the PI', async () => {
    sim = await simulator();
    const pdf = path.join(tmp(), 'processo.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%âãÏÓ\n1 0 obj');
    const r = await runInProcess(['send', pdf, '--endpoint', sim.url, '--user', 'simulador'], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`pi-sender: ${pdf} is a PDF, not a ListaDocumentos XML file: nothing was sent`]);
    expect(sim.stats.requests).toBe(0);
  });

  it('send lists the Documentos not accepted after the counts', async () => {
    sim = await simulator();
    const r = await runInProcess(
      ['send', path.join(ROOT, 'samples', 'invalid', 'bad-values.xml'), '--endpoint', sim.url, '--user', 'simulador', '--report', path.join(tmp(), 'r.jsonl')],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /not accepted \(all are in the report\):\n {4}.*bad-values\.xml:\d+: Documento #1 \(Protocolo 99991000007202531\): invalid NUP_CHECK_DIGITS /,
    );
  });

  it('--since takes AAAA-MM-DD and DD/MM/AAAA and refuses what could mean two dates', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 3, invalidEvery: 2 });
    sim = await simulator();
    const { file } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
    expect((await runInProcess(['export', '--config', file], env)).code).toBe(1); // the sample has a wrong NUP on purpose
    const future = await runInProcess(['list', '--config', file, '--since', '02/12/2099', '--json']);
    expect(future).toMatchObject({ code: 0, stdout: '' });
    const past = await runInProcess(['list', '--config', file, '--since', '02/12/2020', '--json']);
    expect(past.stdout.trim().split('\n').length).toBeGreaterThan(0);
    const iso = await runInProcess(['list', '--config', file, '--since', '2020-12-02', '--json']);
    expect(iso.stdout).toBe(past.stdout);
    for (const bad of ['02/12', '12-02-2026', '31/02/2026']) {
      const r = await runInProcess(['list', '--config', file, '--since', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(`--since: not a date: '${bad}'`);
    }
  });
});

describe('truthful history and changes that reach the PI', () => {
  it('resend --state I keeps the last successful send; show lists every attempt; a changed Assunto is sent again by itself', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 4 });
    sim = await simulator();
    const { file, config } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
    await runInProcess(['export', '--config', file], env);
    const before = JSON.parse((await runInProcess(['status', '--config', file, '--json'])).stdout) as { lastSuccessAt: string; counts: { I: number } };
    expect(before.lastSuccessAt).not.toBeNull();
    const resent = await runInProcess(['resend', '--config', file, '--state', 'I']);
    expect(resent.stdout).toContain(`${before.counts.I} packages set to NI`);
    const after = JSON.parse((await runInProcess(['status', '--config', file, '--json'])).stdout) as { lastSuccessAt: string; counts: { NI: number } };
    expect(after).toMatchObject({ lastSuccessAt: before.lastSuccessAt, counts: { NI: before.counts.I } });
    await runInProcess(['export', '--config', file], env);

    // The SPE corrects the Assunto of one integrated process: the next run sends it, no resend needed.
    const db = new Database(spe);
    const p = db.prepare('SELECT id, numero FROM processo WHERE nivel_acesso = 0 ORDER BY id LIMIT 1').get() as { id: number; numero: string };
    db.prepare('UPDATE processo SET especificacao = ?, alterado_em = ? WHERE id = ?').run(
      'Especificação corrigida',
      localTime(Date.now(), config.timeZone),
      p.id,
    );
    db.close();
    const sentBefore = sim.stats.documentos;
    await runInProcess(['export', '--config', file], env);
    expect(sim.stats.documentos - sentBefore).toBe(1);
    const shown = await runInProcess(['show', '--config', file, p.numero]);
    expect(shown.stdout.match(/ {2}attempt .*: accepted/g)).toHaveLength(3);
    expect(shown.stdout).toContain('Especificação corrigida');
  });

  it('export --metrics-file writes OpenMetrics for the textfile collector, also when the run fails', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 6 });
    sim = await simulator();
    const { file } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
    const metrics = path.join(dir, 'pi_sender.prom');
    const ok = await runInProcess(['export', '--config', file, '--metrics-file', metrics], env);
    expect(ok.code, ok.stderr).toBe(0);
    const parse = (text: string): Map<string, number> =>
      new Map(
        text
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('#'))
          .map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
      );
    const text = readFileSync(metrics, 'utf8');
    const m = parse(text);
    expect(text).toMatch(/^# TYPE pi_sender_packages gauge$/m);
    expect(m.get('pi_sender_last_run_exit_code')).toBe(0);
    expect(m.get('pi_sender_packages{state="NI"}')).toBe(0);
    expect(m.get('pi_sender_packages{state="I"}')).toBeGreaterThan(0);
    expect(m.get('pi_sender_last_run_documentos{outcome="accepted"}')).toBe(m.get('pi_sender_packages{state="I"}'));
    expect(m.get('pi_sender_hours_since_last_success')).toBeLessThan(1);
    expect(Math.abs(m.get('pi_sender_last_run_timestamp_seconds')! - Date.now() / 1000)).toBeLessThan(600);
    expect(text.trimEnd().endsWith('# EOF')).toBe(true);

    // A run that fails still says so: the alerting rule sees exit code 2, and the store's last figures.
    const failing = await runInProcess(['export', '--config', file, '--metrics-file', metrics], { ...env, PI_PASSWORD: 'errada' });
    expect(failing.code).toBe(2);
    const after = parse(readFileSync(metrics, 'utf8'));
    expect(after.get('pi_sender_last_run_exit_code')).toBe(2);
  });

  it('status, list, show and resend work on a library store with --store, no export configuration', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 2 });
    sim = await simulator();
    const { file, config } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
    await runInProcess(['export', '--config', file], env);
    const st = await runInProcess(['status', '--store', config.store, '--json']);
    expect(JSON.parse(st.stdout)).toMatchObject({ store: config.store });
    expect((await runInProcess(['list', '--store', config.store, '--state', 'I', '--json'])).stdout.trim().split('\n').length).toBeGreaterThan(0);
    expect((await runInProcess(['resend', '--store', config.store, '--state', 'EN'])).code).toBe(0);
    const counts = async (): Promise<Record<string, number>> =>
      (JSON.parse((await runInProcess(['status', '--store', config.store, '--json'])).stdout) as { counts: Record<string, number> }).counts;
    const integrated = (await counts())['I']!;
    expect(integrated).toBeGreaterThan(0);
    const resent = await runInProcess(['resend', '--store', config.store, '--state', 'I', '--json']);
    expect(JSON.parse(resent.stdout)).toEqual({ type: 'resend', packages: integrated, protocolo: null, state: 'I', newState: 'NI' });
    expect((await counts())['I']).toBe(0);
    const none = await runInProcess(['status', '--store', path.join(dir, 'nao-existe.db')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no state store at');
    expect((await runInProcess(['status', '--store', config.store, '--config', file])).code).toBe(2);
  });
});

describe('problems never go quiet', () => {
  it('an invalid process left EN for days: status exits 1, and the failures alert comes back daily, oldest first', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 3, invalidEvery: 2 }); // 1 valid, 1 with a wrong NUP, 1 restrito
    sim = await simulator();
    const posts: Array<Record<string, unknown>> = [];
    const http = await import('node:http');
    const hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        posts.push(JSON.parse(body) as Record<string, unknown>);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const port = (hook.address() as { port: number }).port;
    try {
      const { file, config } = writeConfig({
        type: 'sqlite',
        dir,
        endpoint: sim.url,
        location: spe,
        replace: [[/alerts:[\s\S]*$/, `alerts:\n  staleAfterDays: 2\n  noSuccessDays: 0\n  webhook:\n    url: http://127.0.0.1:${port}/alerta\n`]],
      });
      await runInProcess(['export', '--config', file], env);
      expect(posts.map((p) => p['event'])).toEqual(['failures']);
      expect((await runInProcess(['status', '--config', file])).code).toBe(0); // EN, but not for long
      // Three days later, with nothing new:
      const later = Date.now() + 3 * 86_400_000;
      sqlDb(config.store)
        .prepare("UPDATE packages SET state_at = ? WHERE state = 'EN'")
        .run(new Date(Date.now() - 3 * 86_400_000).toISOString());
      sqlDb(config.store)
        .prepare("UPDATE attempts SET at = ? WHERE outcome = 'accepted'")
        .run(new Date(Date.now() - 3600_000).toISOString());
      const status = await runInProcess(['status', '--config', file]);
      expect(status.code).toBe(1);
      expect(status.stdout).toMatch(/WARNING: 1 packages have been EN or FI for more than 2 days/);
      const store = Store.open(config.store);
      try {
        const again = await sendAlerts(store, config, {}, silentLogger, later);
        expect(again.map((a) => a.event)).toEqual(['failures']);
        expect(posts[1]).toMatchObject({ subject: '[pi-sender] 1 processes still not integrated' });
        const examples = (posts[1]!['details'] as { examples: Array<{ state: string; ageHours: number; code: string }> }).examples;
        expect(examples[0]).toMatchObject({ state: 'EN', code: 'NUP_CHECK_DIGITS' });
        expect(examples[0]!.ageHours).toBeGreaterThanOrEqual(6 * 24 - 1);
        // Not again within the day.
        expect(await sendAlerts(store, config, {}, silentLogger, later + 3600_000)).toEqual([]);
      } finally {
        store.close();
      }
      const test = await runInProcess(['alerts', 'test', '--config', file]);
      expect(test).toMatchObject({ code: 0, stdout: 'webhook: delivered\n' });
      expect(posts.at(-1)).toMatchObject({ event: 'test' });
    } finally {
      hook.close();
    }
  });
});

describe('check before go-live', () => {
  it('check-config validates every Documento of the sample, counts per problem code, and warns of a clock in another zone', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 40, invalidEvery: 10 });
    sim = await simulator();
    const { file, config } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
    const ok = await runInProcess(['check-config', '--config', file, '--sample', '1'], env);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toMatch(/validated 34 Documentos of the sample: 30 valid, 4 invalid/);
    expect(ok.stdout).toMatch(/ {4}NUP_CHECK_DIGITS: 4 \(e\.g\. Protocolo \d+: Protocolo: /);
    expect(ok.stdout.match(/^Documento /gm)).toHaveLength(1); // --sample 1 shows one, all are counted
    expect(ok.stdout).not.toContain('WARNING');

    // The SPE writes UTC while the configuration says America/Sao_Paulo: its movements look 3 hours ahead.
    addMovements(spe, 2, Date.now() + 3 * 3600_000);
    const store = Store.open(config.store);
    store.setMeta('watermark', localTime(Date.now() + 86_400_000, config.timeZone));
    store.close();
    const warned = await runInProcess(['check-config', '--config', file], env);
    expect(warned.stdout).toMatch(
      /WARNING: the newest movement of the sample, .*, is 1\d\d minutes in the future: the SPE's times may be in another zone than timeZone \(America\/Sao_Paulo\)/,
    );
    expect(warned.stdout).toMatch(/WARNING: the watermark .* is later than now .*: the clock went back or the zone changed/);
  });
});

describe('access levels that change', () => {
  it('a sigiloso process that becomes público has its earlier movements sent; one that becomes sigiloso loses the unsent ones', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 20 }); // process 7 is sigiloso in the sample
    sim = await simulator();
    const { file, config } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe });
    expect((await runInProcess(['export', '--config', file, '--no-send'], env)).code).toBe(0);
    const db = new Database(spe);
    const numero = (id: number): string => (db.prepare('SELECT numero FROM processo WHERE id = ?').pluck().get(id) as string).replace(/\D/g, '');
    const published = (id: number): number =>
      db
        .prepare("SELECT count(*) FROM andamento WHERE processo_id = ? AND tarefa IN ('GERACAO', 'REMESSA', 'RECEBIMENTO', 'CONCLUSAO', 'REABERTURA')")
        .pluck()
        .get(id) as number;
    const [n7, n1, count7] = [numero(7), numero(1), published(7)];
    const now = localTime(Date.now(), config.timeZone);
    db.prepare('UPDATE processo SET nivel_acesso = 0, alterado_em = ? WHERE id = 7').run(now);
    db.prepare('UPDATE processo SET nivel_acesso = 2, alterado_em = ? WHERE id = 1').run(now);
    db.close();
    const run = await runInProcess(['export', '--config', file], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('1 processes became sigiloso (or restrito, not published): their movements not yet sent were deleted, never sent');
    expect(run.stderr).toContain('1 withheld processes may be published now: their earlier movements were read again');
    expect(count7).toBeGreaterThan(0);
    expect(sim.accepted.get(n7)?.size).toBe(count7);
    expect(sim.accepted.has(n1)).toBe(false);
  });
});

describe('a watermark by key, for SPEs without a "recorded at" column', () => {
  it('watermark.column: each run reads the history after the last key read, and sends it once', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 12 });
    sim = await simulator();
    const byKey = [
      ['      WHERE a.registrado_em > :since AND a.registrado_em <= :until\n', '      WHERE a.id > CAST(:since AS INTEGER)\n'],
      [
        /WHERE \(p\.alterado_em > :since AND p\.alterado_em <= :until\)\n\s+OR EXISTS \(SELECT 1 FROM andamento a WHERE a\.processo_id = p\.id\n\s+AND a\.registrado_em > :since AND a\.registrado_em <= :until\)/g,
        'WHERE p.id IN (SELECT a.processo_id FROM andamento a WHERE a.id > CAST(:since AS INTEGER))',
      ],
      [/watermark:\n {2}initial: .*\n/, 'watermark:\n  column: id\n  initial: "0"\n'],
    ] as Array<[string | RegExp, string]>;
    const { file, config } = writeConfig({ type: 'sqlite', dir, endpoint: sim.url, location: spe, replace: byKey });
    expect(config.watermark).toMatchObject({ column: 'id', initial: '0' });
    expect((await runInProcess(['export', '--config', file], env)).code).toBe(0);
    const maxId = (): string => String(new Database(spe, { readonly: true }).prepare('SELECT max(id) FROM andamento').pluck().get());
    const first = JSON.parse((await runInProcess(['status', '--config', file, '--json'])).stdout) as { watermark: string; items: number };
    expect(first.watermark).toBe(maxId());
    const sent = sim.stats.documentos;
    expect((await runInProcess(['export', '--config', file], env)).code).toBe(0);
    expect(sim.stats.documentos).toBe(sent); // nothing new: nothing read, nothing sent
    addMovements(spe, 4, Date.now() - 10 * 86_400_000); // recorded "in the past": a time watermark would miss them
    expect((await runInProcess(['export', '--config', file], env)).code).toBe(0);
    const after = JSON.parse((await runInProcess(['status', '--config', file, '--json'])).stdout) as { watermark: string; items: number };
    expect(after).toMatchObject({ watermark: maxId(), items: first.items + 4 });
  });
});
