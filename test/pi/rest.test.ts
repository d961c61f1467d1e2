import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { createPiClient } from '../../src/pi/connect.js';
import { PI_REST_ENDPOINTS, resolveEndpoint } from '../../src/pi/service.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { readListaDocumentos } from '../../src/standard/reader.js';
import { documentoXml } from '../../src/standard/writer.js';
import { ROOT, runCli, waitFor } from '../helpers/cli.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

let sim: PiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** The sample's Documentos as canonical XML, as the pipeline hands them to a client. */
async function sampleXmls(): Promise<Array<{ xml: string }>> {
  const out: Array<{ xml: string }> = [];
  for await (const ev of readListaDocumentos(readFileSync(path.join(ROOT, 'samples', 'lista-documentos.xml')))) {
    if (ev.kind === 'documento') out.push({ xml: documentoXml(ev.documento) });
  }
  return out;
}

const rest = (url: string, password = SIM_PASSWORD) => createPiClient({ endpoint: url, user: SIM_USER, password, transport: 'rest' });

describe('the REST transport', () => {
  it('logs in by organ, asks the batch size and sends JSON: one result per Documento, in order', async () => {
    sim = await simulator({ maxDocs: 7 });
    const { client, transport } = rest(sim.restUrl);
    try {
      expect(await client.getQuantidadeMaximaDocumentosPorRequisicao()).toBe(7);
      const xmls = await sampleXmls();
      // The first ones as the readers' threads hand them over: their XML as UTF-8 bytes.
      const given = xmls.map((d, i) => (i < 3 ? { xml: new Uint8Array(Buffer.from(d.xml, 'utf8')) } : d));
      const results = await client.enviarListaDocumentos(given);
      expect(results).toEqual(xmls.map(() => ({ Resultado: 'Ok!' })));
      expect(sim.logins).toBe(1); // one login for the whole client
      expect(sim.accepted.size).toBe(xmls.length);
    } finally {
      await transport.close();
    }
  });

  it('renews an expired token once, mid-run, and goes on', async () => {
    sim = await simulator({ tokenTtlSeconds: 1 });
    const { client, transport } = rest(sim.restUrl);
    try {
      await client.getQuantidadeMaximaDocumentosPorRequisicao();
      // A token issued at the same moment: once the simulator refuses it, the client's has expired too.
      const login = await fetch(`${sim.restUrl}autenticarPorOrgao`, { method: 'POST', body: JSON.stringify({ codigoOrgao: SIM_USER, senha: SIM_PASSWORD }) });
      const token = ((await login.json()) as { id_token: string }).id_token;
      await waitFor(
        async () =>
          (await fetch(`${sim!.restUrl}getQuantidadeMaximaDocumentosPorRequisicao`, { headers: { authorization: `Bearer ${token}` } })).status === 401,
        10_000,
        'the token to expire',
      );
      expect((await client.enviarListaDocumentos((await sampleXmls()).slice(0, 1)))[0]).toEqual({ Resultado: 'Ok!' });
      expect(sim.logins).toBe(3); // the client's first, the test's, the client's renewal
    } finally {
      await transport.close();
    }
  });

  it('refused credentials are ERR_AUTH; an answer with detail fails the whole batch; REST base names resolve to a base ending in /', async () => {
    sim = await simulator({ maxDocs: 2 });
    const bad = rest(sim.restUrl, 'senha-errada');
    await expect(bad.client.getQuantidadeMaximaDocumentosPorRequisicao()).rejects.toMatchObject({ code: 'ERR_AUTH' });
    await bad.transport.close();
    const { client, transport } = rest(sim.restUrl);
    try {
      await expect(client.enviarListaDocumentos(await sampleXmls())).rejects.toMatchObject({
        code: 'ERR_SOAP_RESPONSE',
        message: expect.stringContaining('o máximo por requisição é 2') as unknown,
      });
    } finally {
      await transport.close();
    }
    expect(resolveEndpoint('homologação', 'rest')).toBe(PI_REST_ENDPOINTS.homologacao);
    expect(resolveEndpoint('https://pi.exemplo.gov.br/api', 'rest')).toBe('https://pi.exemplo.gov.br/api/');
  });

  it('sends JSON that a schema written from the contract accepts (checked by Ajv, an independent validator)', async () => {
    const bodies: unknown[] = [];
    const auths: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += String(c)));
      req.on('end', () => {
        auths.push(req.headers.authorization ?? '');
        res.setHeader('content-type', 'application/json');
        if (req.url === '/autenticarPorOrgao') return res.end(JSON.stringify({ id_token: 'a.b.c' }));
        const docs = (JSON.parse(body) as { documentos: unknown[] }).documentos;
        bodies.push(JSON.parse(body));
        res.end(JSON.stringify(docs.map(() => ({ resultado: 'Ok!' }))));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { client, transport } = rest(base);
    // A second client that gets the very same token (a service may issue one per second): it must still
    // send it as it came, not as the *** of the redaction of secrets already seen.
    const second = rest(base);
    try {
      await client.enviarListaDocumentos(await sampleXmls());
      // With pi.sendCpf the pipeline hands over each interessado's CPF and natureza by position.
      const [first] = await sampleXmls();
      expect(await second.client.enviarListaDocumentos([{ ...first!, interessados: [{ cpf: '01234567890', natureza: 'F' }] }])).toEqual([{ Resultado: 'Ok!' }]);
      expect(auths.at(-1)).toBe('Bearer a.b.c');
    } finally {
      await transport.close();
      await second.transport.close();
      server.close();
    }
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'rest-documento.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(bodies).toHaveLength(2);
    expect(validate(bodies[0]), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(bodies[1]), JSON.stringify(validate.errors)).toBe(true);
    // The CPF inside a name is masked as in the XML; no CPF field is sent unless asked for.
    const text = JSON.stringify(bodies[0]);
    expect(text).not.toMatch(/"cpf":"\d{11}"/);
    const withCpf = (bodies[1] as { documentos: Array<{ interessados: Array<{ cpf: string | null; natureza: string | null }> }> }).documentos[0]!;
    expect(withCpf.interessados[0]).toMatchObject({ cpf: '01234567890', natureza: 'F' });
    expect(withCpf.interessados.slice(1).every((i) => i.cpf === null && i.natureza === null)).toBe(true);
  });

  it('the simulator checks the CPF it is sent, as the PI may: an invalid one is NF005, its digits never in the answer', async () => {
    sim = await simulator();
    const { client, transport } = rest(sim.restUrl);
    try {
      const [first, second] = await sampleXmls();
      const results = await client.enviarListaDocumentos([
        { ...first!, interessados: [{ cpf: '52998224726', natureza: 'F' }] },
        { ...second!, interessados: [{ cpf: '52998224725', natureza: 'F' }] },
      ]);
      expect(results[0]!.Resultado).toMatch(/^NF005 - .*Interessado\[1\]\/cpf: is not a valid CPF/);
      expect(results[0]!.Resultado).not.toContain('52998224726');
      expect(results[1]).toEqual({ Resultado: 'Ok!' });
    } finally {
      await transport.close();
    }
  });

  it('pi-sender send --transport rest (or PI_TRANSPORT=rest): the same report as over SOAP, no token in any output', async () => {
    sim = await simulator({ faults: { script: 'count-mismatch,503' } });
    const r = await runCli(
      [
        'send',
        'samples/lista-documentos.xml',
        '--transport',
        'rest',
        '--endpoint',
        sim.restUrl,
        '--user',
        SIM_USER,
        '--report',
        '-',
        '--retry-delay',
        '5',
        '--log-level',
        'debug',
      ],
      { env: { PI_PASSWORD: SIM_PASSWORD } },
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcome: string; attempts: number });
    expect(lines.map((l) => l.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(lines[0]!.attempts).toBe(3); // a count mismatch and a 503, then accepted
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT anywhere
    const env = await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', sim.restUrl, '--user', SIM_USER, '--report', '-'], {
      env: { PI_PASSWORD: SIM_PASSWORD, PI_TRANSPORT: 'rest' },
    });
    expect(env.code, env.stderr).toBe(0);
    const wrong = await runCli(['send', 'samples/lista-documentos.xml', '--endpoint', sim.restUrl, '--user', SIM_USER, '--report', '-'], {
      env: { PI_PASSWORD: SIM_PASSWORD, PI_TRANSPORT: 'ftp' },
    });
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr).toContain("unknown transport 'ftp' (soap or rest)");
  });
});
