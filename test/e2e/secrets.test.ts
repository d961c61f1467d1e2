/**
 * A PI that echoes the request's credentials (in a fault, in every Resultado) must not get them into
 * any output: stderr and its logs, the send report and journal, the export's list/show, the store.
 * A proxy's credentials never appear in `ps`.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { runCli, spawnCli, waitFor } from '../helpers/cli.js';
import { sqliteSpe, writeConfig } from '../helpers/export.js';
import { connectProxy } from '../helpers/proxy.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

let dir: string;
let pki: TestPki;
const env = { PI_PASSWORD: SIM_PASSWORD, PI_USER: SIM_USER, PI_LOG_LEVEL: 'debug' };

/** Every form in which the echoing simulator repeats the password. */
const FORMS = [
  SIM_PASSWORD,
  encodeURIComponent(SIM_PASSWORD),
  Buffer.from(`${SIM_USER}:${SIM_PASSWORD}`).toString('base64'),
  Buffer.from(SIM_PASSWORD).toString('base64').replace(/=+$/, ''),
];

function expectClean(what: string, text: string): void {
  for (const form of FORMS) expect(text.includes(form), `${what} holds the password as '${form}'`).toBe(false);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pi-secrets-'));
  pki = makeTestPki();
});

describe('secrets echoed by the server never leave', () => {
  let sim: PiSimulator;
  afterAll(() => sim.close());

  it('send: an NF answer repeating the Authorization header reaches neither stderr nor the report', async () => {
    sim = await simulator({ faults: { script: 'echo-resultx5' } });
    const report = path.join(dir, 'echo-result.jsonl');
    const r = await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', sim.url, '--report', report], { env });
    expect(r.code, r.stderr).toBe(1);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('"message":"Protocolo recusado. Authorization: ***; credenciais ***; senha=***"');
    expectClean('the report', text);
    expectClean('stderr', r.stderr);
    expectClean('stdout', r.stdout);
    expect(r.stderr).toContain('NF001');
    await sim.close();
  });

  it('send over REST: an NF answer repeating the bearer token reaches neither stderr nor the report', async () => {
    sim = await simulator({ faults: { script: 'echo-resultx5' } });
    const report = path.join(dir, 'echo-result-rest.jsonl');
    const r = await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', sim.restUrl, '--transport', 'rest', '--report', report], { env });
    expect(r.code, r.stderr).toBe(1);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('"message":"Protocolo recusado. Authorization: Bearer ***;');
    // A JWT starts with the base64url of `{"alg"`: none may be left anywhere.
    for (const [what, out] of [
      ['the report', text],
      ['stderr', r.stderr],
      ['stdout', r.stdout],
    ] as const) {
      expect(out, what).not.toContain('eyJhbGci');
      expectClean(what, out);
    }
    expect(r.stderr).toContain('NF001');
    await sim.close();
  });

  it('send: a fault repeating the credentials is retried, then reported without them (journal too)', async () => {
    sim = await simulator({ faults: { script: 'echo-faultx20' } });
    const report = path.join(dir, 'echo-fault.jsonl');
    const r = await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', sim.url, '--report', report, '--retries', '2', '--retry-delay', '1'], {
      env,
    });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('Erro ao processar a requisição');
    expectClean('stderr', r.stderr);
    expectClean('the report', readFileSync(report, 'utf8'));
    const journal = readFileSync(`${report}.journal`, 'utf8');
    expect(journal).toContain('Authorization: ***');
    expectClean('the journal', journal);
    await sim.close();
  });

  it('export: the store, list and show hold the answer without the password', async () => {
    sim = await simulator({ faults: { script: 'echo-resultx100' } });
    const exportDir = mkdtempSync(path.join(dir, 'export-'));
    const spe = sqliteSpe(exportDir, { processes: 20 });
    const { file, config } = writeConfig({ type: 'sqlite', dir: exportDir, endpoint: sim.url, location: spe });
    const r = await runCli(['export', '--config', file], { env });
    expect(r.code, r.stderr).toBe(1);
    expectClean('export stderr', r.stderr);
    const list = await runCli(['list', '--config', file, '--state', 'EN', '--json']);
    expect(list.stdout).toContain('Authorization: ***');
    expectClean('list', list.stdout);
    const protocolo = (JSON.parse(list.stdout.split('\n')[0]!) as { protocolo: string }).protocolo;
    const show = await runCli(['show', '--config', file, protocolo]);
    expect(show.stdout).toContain('NF001');
    expectClean('show', show.stdout);
    // The store file itself, WAL included, byte for byte.
    const bytes = ['', '-wal']
      .map((suffix) => {
        try {
          return readFileSync(`${config.store}${suffix}`).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    expect(bytes).toContain('Authorization: ***');
    expectClean('the store', bytes);
  });
});

describe('proxy credentials', () => {
  it('refuses a --proxy that carries a password, with a hint, before anything is sent', async () => {
    const r = await runCli(
      ['send', 'samples/lista-documentos.xml', '--endpoint', 'https://127.0.0.1:9/x', '--proxy', 'http://agente:segredo-do-proxy@127.0.0.1:3128'],
      {
        env,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--proxy must not carry a user or password');
    expect(r.stderr).toContain('--proxy-credentials-file');
    expect(r.stderr).not.toContain('segredo-do-proxy');
  });

  it('a proxy that asks for a login ends send with exit 2, naming the proxy', async () => {
    const proxy = await connectProxy({ credentials: 'agente:segredo-do-proxy' });
    const sim = await simulator({ tls: { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) } });
    try {
      const r = await runCli(
        ['send', 'samples/lista-documentos.xml', '--endpoint', sim.url, '--report', path.join(dir, 'p407.jsonl'), '--ca', pki.caCert, '--proxy', proxy.url],
        {
          env,
        },
      );
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`the proxy ${proxy.url} asks for a login (HTTP 407)`);
      expect(r.stderr).not.toContain('internal error');
      expect(sim.stats.documentos).toBe(0);
    } finally {
      proxy.close();
      await sim.close();
    }
  });

  it('takes them from a file: the proxy gets them, ps never shows them', async () => {
    const proxy = await connectProxy({ credentials: 'agente:segredo-do-proxy' });
    const sim = await simulator({ tls: { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey) }, faults: { delayMs: 300 } });
    const credentials = path.join(dir, 'proxy-credentials');
    writeFileSync(credentials, 'agente:segredo-do-proxy\n');
    try {
      const run = spawnCli(
        [
          'send',
          'samples/lista-documentos.xml',
          '--endpoint',
          sim.url,
          '--report',
          path.join(dir, 'proxy.jsonl'),
          '--ca',
          pki.caCert,
          '--proxy',
          proxy.url,
          '--proxy-credentials-file',
          credentials,
        ],
        { env },
      );
      await waitFor(() => proxy.tunnels() > 0, 20_000, 'a tunnel through the proxy');
      const cmdline = readFileSync(`/proc/${run.child.pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${run.child.pid}/environ`, 'utf8');
      const r = await run.done;
      expect(r.code, r.stderr).toBe(0);
      expect(cmdline).toContain(proxy.url);
      expect(cmdline).not.toContain('segredo-do-proxy');
      expect(environ).not.toContain('segredo-do-proxy');
      expect(proxy.credentials()).toContain('agente:segredo-do-proxy');
    } finally {
      proxy.close();
      await sim.close();
    }
  });
});
