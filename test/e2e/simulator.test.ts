import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { runCli, spawnCli } from '../helpers/cli.js';

let dir: string;
let pki: TestPki;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pi-simcli-'));
  pki = makeTestPki();
});

async function startSimulatorCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; stop: () => Promise<{ stderr: string }> }> {
  const run = spawnCli(['simulator', '--port', '0', ...args], { env });
  const [first] = (await once(createInterface({ input: run.child.stdout! }), 'line')) as [string];
  expect(first).toMatch(/^listening on https?:\/\/127\.0\.0\.1:\d+\/ProtocoloWS\/integradorService$/);
  return {
    url: first.replace('listening on ', ''),
    stop: async () => {
      run.child.kill('SIGTERM');
      return run.done;
    },
  };
}

describe('pi-sender simulator (CLI)', () => {
  it('prints "listening on URL" first, serves send, records what it accepted', async () => {
    const record = path.join(dir, 'record.jsonl');
    const sim = await startSimulatorCli(['--max-docs', '2', '--record', record], { PI_SIMULATOR_PASSWORD: 'segredo' });
    const r = await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', sim.url, '--user', 'simulador', '--report', path.join(dir, 'r.jsonl')], {
      env: { PI_PASSWORD: 'segredo' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(3 batches of up to 2)');
    const stopped = await sim.stop();
    expect(stopped.stderr).toContain('5 Documentos accepted');
    expect(readFileSync(record, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('serves HTTPS with --tls-cert/--tls-key, and makes up a password when none is given', async () => {
    const sim = await startSimulatorCli(['--tls-cert', pki.serverCert, '--tls-key', pki.serverKey], { PI_SIMULATOR_PASSWORD: '' });
    expect(sim.url.startsWith('https://')).toBe(true);
    const wsdl = await request(`${sim.url}?wsdl`, { dispatcher: new (await import('undici')).Agent({ connect: { ca: readFileSync(pki.caCert) } }) });
    expect(wsdl.statusCode).toBe(200);
    await wsdl.body.text();
    const { stderr } = await sim.stop();
    expect(stderr).toMatch(/no password given: user "simulador", password "[A-Za-z0-9_-]+"/);
  });

  it('takes the password from a file and fault scripts from a flag', async () => {
    const pw = path.join(dir, 'pw');
    writeFileSync(pw, 'da-arquivo\n');
    const sim = await startSimulatorCli(['--password-file', pw, '--script', '503x2']);
    const r = await runCli(
      ['send', 'samples/lista-documentos.xml', '--endpoint', sim.url, '--user', 'simulador', '--report', path.join(dir, 'r2.jsonl'), '--retry-delay', '5'],
      { env: { PI_PASSWORD: 'da-arquivo' } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'r2.jsonl'), 'utf8').split('\n')[0]!).attempts).toBe(3);
    await sim.stop();
  });

  it('refuses bad options with exit 2', async () => {
    expect((await runCli(['simulator', '--script', 'explode'])).code).toBe(2);
    expect((await runCli(['simulator', '--fail-rate', '2'])).code).toBe(2);
    expect((await runCli(['simulator', '--tls-cert', pki.serverCert])).code).toBe(2);
  });

  it('a port in use is exit 2 with one line, never an internal error', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      for (const args of [['simulator'], ['siafi', 'simulator', '--tls-cert', pki.serverCert, '--tls-key', pki.serverKey, '--client-ca', pki.caCert]]) {
        const r = await runCli([...args, '--port', String(port)], { env: { PI_SIMULATOR_PASSWORD: 'x', SIAFI_SIMULATOR_PASSWORD: 'x' } });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr.trim().split('\n')).toEqual([
          `pi-sender: cannot listen on 127.0.0.1:${port}: the port is in use by another program: choose another with --port (EADDRINUSE)`,
        ]);
      }
    } finally {
      taken.close();
    }
  });
});
