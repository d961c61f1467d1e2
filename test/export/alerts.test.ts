import type http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAlerts } from '../../src/export/alerts.js';
import { runExport } from '../../src/export/job.js';
import { listen, type Listening } from '../../src/simulator/server.js';
import { Store } from '../../src/store/store.js';
import { sqlDb } from '../helpers/sqlite.js';
import { sqliteSpe, writeConfig } from '../helpers/export.js';
import { clientFor, simulator } from '../helpers/simulator.js';

interface Mail {
  from: string;
  to: string[];
  data: string;
}

let hook: Listening;
let smtp: SMTPServer;
let smtpPort: number;
const posts: Array<Record<string, unknown>> = [];
const mails: Mail[] = [];

beforeAll(async () => {
  hook = await listen((req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      posts.push({ ...(JSON.parse(body) as Record<string, unknown>), authorization: req.headers['authorization'] });
      res.end('ok');
    });
  }, {});
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await hook.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

const alertsYaml = (port: number): string => `alerts:
  noSuccessDays: 2
  webhook:
    url: ${hook.origin}/hooks/pi
    headers: { Authorization: "Bearer t0k3n" }
  email:
    host: 127.0.0.1
    port: ${port}
    secure: false
    from: pi-sender@orgao.gov.br
    to: [protocolo@orgao.gov.br, ti@orgao.gov.br]
`;

describe('alerts', () => {
  it('fire once for failures, by webhook and e-mail, and again only for new failures', async () => {
    posts.length = 0;
    mails.length = 0;
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-alerts-'));
    const spe = sqliteSpe(dir, { processes: 20 });
    const sim = await simulator({ faults: { failRate: 1, seed: 1 } });
    const { config } = writeConfig({
      type: 'sqlite',
      dir,
      endpoint: sim.url,
      location: spe,
      replace: [
        [/alerts:[\s\S]*$/, alertsYaml(smtpPort)],
        ['  retries: 5', '  retries: 1'],
      ],
    });
    const { client, transport } = clientFor(sim.url);
    try {
      const first = await runExport({ config, client });
      expect(first.send.failed).toBeGreaterThan(0);
      expect(first.alerts).toEqual([{ event: 'failures', channels: ['webhook', 'email'], errors: [] }]);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ event: 'failures', authorization: 'Bearer t0k3n', subject: '[pi-sender] Processes not integrated in the last cycle' });
      expect((posts[0]!['details'] as { newFi: number }).newFi).toBe(first.send.failed);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual(['protocolo@orgao.gov.br', 'ti@orgao.gov.br']);
      expect(mails[0]!.data).toContain('Subject: [pi-sender] Processes not integrated in the last cycle');

      // The same packages fail again: no new alert.
      const second = await runExport({ config, client });
      expect(second.send.failed).toBe(first.send.failed);
      expect(second.alerts).toEqual([]);
      expect(posts).toHaveLength(1);

      // They recover: nothing to say; then one new package fails: a new alert.
      sim.setFaults({});
      const third = await runExport({ config, client });
      expect(third.status.counts.FI).toBe(0);
      expect(third.alerts).toEqual([]);
      const store = Store.open(config.store);
      sqlDb(store.file).prepare("UPDATE packages SET state = 'NI' WHERE id = (SELECT min(id) FROM packages)").run();
      store.close();
      sim.setFaults({ failRate: 1 });
      const fourth = await runExport({ config, client });
      expect(fourth.alerts.map((a) => a.event)).toEqual(['failures']);
      expect(posts).toHaveLength(2);
    } finally {
      await transport.close();
      await sim.close();
    }
  });

  it('fire once when nothing was accepted for N days, and a failed run alerts once too', async () => {
    posts.length = 0;
    mails.length = 0;
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-alerts-'));
    const { config } = writeConfig({
      type: 'sqlite',
      dir,
      endpoint: 'http://127.0.0.1:9/x',
      location: path.join(dir, 'none.sqlite'),
      replace: [[/alerts:[\s\S]*$/, alertsYaml(smtpPort)]],
    });
    const store = Store.open(config.store);
    const day = 86_400_000;
    const lastSuccess = new Date(Date.now() - 3 * day).toISOString();
    sqlDb(store.file)
      .prepare("INSERT INTO packages (process, protocolo, state, created_at, state_at) VALUES ('1', '99991000007202530', 'I', ?, ?)")
      .run(lastSuccess, lastSuccess);
    // The last success is read from the record of answers.
    sqlDb(store.file).prepare("INSERT INTO attempts (package, at, outcome, protocolo) VALUES (1, ?, 'accepted', '99991000007202530')").run(lastSuccess);
    sqlDb(store.file)
      .prepare("INSERT INTO packages (process, protocolo, state, created_at, state_at) VALUES ('2', '99991000003202551', 'NI', ?, ?)")
      .run(lastSuccess, lastSuccess);
    const sent = await sendAlerts(store, config, {}, (await import('../../src/logging.js')).silentLogger);
    expect(sent.map((a) => a.event)).toEqual(['no-success']);
    expect(posts[0]).toMatchObject({ event: 'no-success', subject: '[pi-sender] 3 days without sending to the Protocolo Integrado' });
    expect(posts[0]!['message']).toMatch(/1 packages are waiting: check the login, the password, the endpoint and the schedule/);
    expect(await sendAlerts(store, config, {}, (await import('../../src/logging.js')).silentLogger)).toEqual([]);
    // a run that fails (the SPE file does not exist) alerts once, not on every run
    const failed = await sendAlerts(
      store,
      config,
      { error: { code: 'ERR_CONFIG', message: 'cannot open the SPE database' } },
      (await import('../../src/logging.js')).silentLogger,
    );
    expect(failed.map((a) => a.event)).toEqual(['run-failed']);
    expect(
      await sendAlerts(
        store,
        config,
        { error: { code: 'ERR_CONFIG', message: 'cannot open the SPE database' } },
        (await import('../../src/logging.js')).silentLogger,
      ),
    ).toEqual([]);
    store.close();
    expect(mails.map((m) => /Subject: (.*)/.exec(m.data)?.[1])).toEqual([
      '[pi-sender] 3 days without sending to the Protocolo Integrado',
      '[pi-sender] The export to the Protocolo Integrado failed',
    ]);
  });

  it('an alert no channel could deliver is tried again after the next run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-alerts-'));
    const { config } = writeConfig({
      type: 'sqlite',
      dir,
      endpoint: 'http://127.0.0.1:9/x',
      location: path.join(dir, 'none.sqlite'),
      replace: [[/alerts:[\s\S]*$/, 'alerts:\n  webhook:\n    url: http://127.0.0.1:9/closed\n    timeoutSeconds: 2\n']],
    });
    const store = Store.open(config.store);
    const log = (await import('../../src/logging.js')).silentLogger;
    const err = { error: { code: 'ERR_TRANSPORT', message: 'PI down' } };
    const first = await sendAlerts(store, config, err, log);
    expect(first[0]!.channels).toEqual([]);
    expect(first[0]!.errors[0]).toMatch(/^webhook: /);
    expect((await sendAlerts(store, config, err, log)).map((a) => a.event)).toEqual(['run-failed']);
    store.close();
  });
});
