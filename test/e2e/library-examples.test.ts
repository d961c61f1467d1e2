import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { makeTestPki } from '../helpers/certs.js';
import { ROOT } from '../helpers/cli.js';
import { SIAFI_CPF, SIAFI_PASSWORD, siafiSimulator } from '../helpers/siafi.js';

const run = promisify(execFile);
const sample = (name: string): string => path.join(ROOT, 'samples', 'library', name);

describe('docs/library.md examples (run as written)', () => {
  it('quotes every example file verbatim', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'library.md'), 'utf8');
    for (const name of ['quick-start.mjs', 'spe-service.mjs', 'commonjs.cjs']) expect(doc, name).toContain(readFileSync(sample(name), 'utf8').trimEnd());
    expect(readFileSync(path.join(ROOT, 'docs', 'siafi.md'), 'utf8')).toContain(readFileSync(sample('siafi.mjs'), 'utf8').trimEnd());
  });

  it('quick-start.mjs prints what the guide says', async () => {
    const { stdout } = await run(process.execPath, [sample('quick-start.mjs')], { cwd: ROOT });
    const doc = readFileSync(path.join(ROOT, 'docs', 'library.md'), 'utf8');
    expect(doc).toContain(stdout.trimEnd());
    expect(stdout).toContain('flush: 99991000007202530 accepted');
  });

  it('commonjs.cjs loads the library with import()', async () => {
    const { stdout } = await run(process.execPath, [sample('commonjs.cjs')], { cwd: ROOT });
    expect(stdout.trim()).toBe('valid: true; normalized: Protocolo protocolo-digits, Assunto control-characters');
  });

  it('spe-service.mjs enqueues each movement and sends it in the background; sigiloso stays home', async () => {
    const store = path.join(mkdtempSync(path.join(tmpdir(), 'pi-spe-')), 'spe.db');
    const child = spawn(process.execPath, [sample('spe-service.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', PI_INTERVAL_MS: '100', PI_SENDER_STORE: store, PI_ENDPOINT: '' },
    });
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    const base = first.replace('SPE service on ', '');
    const accepted = new Promise<string>((resolve) => lines.on('line', (l: string) => l.startsWith('PI accepted') && resolve(l)));
    const post = async (numero: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
      const r = await request(`${base}/processos/${numero}/movimentos`, { method: 'POST', body: JSON.stringify(body) });
      return { status: r.statusCode, json: (await r.body.json()) as Record<string, unknown> };
    };
    const ok = await post('99991000007202530', { unidade: 'Divisão de Protocolo', operacao: 'Processo remetido', quando: '2025-03-12T10:00:00-03:00' });
    expect(ok).toEqual({ status: 202, json: { queued: true, protocolo: '99991000007202530' } });
    expect(await accepted).toBe('PI accepted 99991000007202530');
    const secret = await post('99991000003202551', { unidade: 'Corregedoria', operacao: 'Processo remetido', quando: '2025-03-12T10:00:00-03:00' });
    expect(secret.json).toEqual({ queued: false, protocolo: '99991000003202551' });
    const invalid = await post('99991000007202530', { unidade: 'X', operacao: '', quando: 'amanhã' });
    expect(invalid.status).toBe(422);
    expect((invalid.json['problems'] as Array<{ code: string }>).map((p) => p.code)).toEqual(['XSD_DATETIME', 'TEXT_BLANK']);
    const status = await request(`${base}/pi/status`);
    expect(((await status.body.json()) as { counts: Record<string, number> }).counts).toMatchObject({ I: 1 });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(0);
  });

  it('siafi.mjs sends a requisition over mutual TLS and shows a refused one', async () => {
    const pki = makeTestPki();
    const sim = await siafiSimulator(pki);
    try {
      const env = {
        ...process.env,
        SIAFI_ENDPOINT: sim.url,
        SIAFI_CPF: SIAFI_CPF,
        SIAFI_PASSWORD: SIAFI_PASSWORD,
        SIAFI_CERT: pki.clientCert,
        SIAFI_KEY: pki.clientKey,
        SIAFI_CA_FILE: pki.caCert,
        SIAFI_STORE: path.join(mkdtempSync(path.join(tmpdir(), 'pi-siafi-lib-')), 'siafi.db'),
      };
      const { stdout } = await run(process.execPath, [sample('siafi.mjs')], { cwd: ROOT, env });
      expect(stdout).toBe(
        'invalid: observacao SIAFI_BLANK\ninvalid: dadosPadraoBem[0].valorBem SIAFI_RESTRICTION\nSUCESSO: requisição 2026RI1, NS 2026NS000001\nunsettled: 0\n',
      );
      expect(readFileSync(path.join(ROOT, 'docs', 'siafi.md'), 'utf8')).toContain(stdout.trimEnd());
      expect(sim.requisicoes).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});
