import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScript } from '../../src/simulator/faults.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { clientFor, simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

let sim: PiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const basic = `Basic ${Buffer.from(`${SIM_USER}:${SIM_PASSWORD}`).toString('base64')}`;

describe('PI simulator', () => {
  it("finds the operation as the Body's first element, whatever the prefixes, comments or header before it", async () => {
    sim = await simulator({ maxDocs: 42 });
    const post = async (body: string): Promise<{ status: number; text: string }> => {
      const res = await request(sim!.url, { method: 'POST', body, headers: { authorization: basic, 'content-type': 'text/xml; charset=utf-8' } });
      return { status: res.statusCode, text: await res.body.text() };
    };
    const env = (inner: string, header = '<x:Header><x:Body-ish/></x:Header>') =>
      `<x:Envelope xmlns:x="http://schemas.xmlsoap.org/soap/envelope/">${header}<x:Body>${inner}</x:Body></x:Envelope>`;
    const asked = await post(
      env('<!-- a comment --> <?pi x?>\n <q:getQuantidadeMaximaDocumentosPorRequisicao xmlns:q="http://endpoint.ws.protocolo.gov.br/"/>'),
    );
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('<NumeroMaximoDocumentos>42</NumeroMaximoDocumentos>');
    const empty = await post(env(''));
    expect(empty.status).toBe(500);
    expect(empty.text).toContain('Operação desconhecida: (nenhuma)');
    const other = await post(env('<q:outraCoisa xmlns:q="urn:x"/>', ''));
    expect(other.text).toContain('Operação desconhecida: outraCoisa');
  });

  it('serves the WSDL without credentials, with its own address, and the schemas it imports', async () => {
    sim = await simulator();
    const wsdl = await request(sim.wsdlUrl);
    expect(wsdl.statusCode).toBe(200);
    const text = await wsdl.body.text();
    expect(text).toContain(`<soap:address location="${sim.url}"/>`);
    expect(text).toContain('name="integradorService"');
    const head = await request(sim.wsdlUrl, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    await head.body.text();
    for (const xsd of ['protocolo-integrado-ws.xsd', 'protocolo-integrado.xsd', 'protocolo-integrado-common.xsd']) {
      const r = await request(new URL(xsd, sim.url));
      expect(r.statusCode, xsd).toBe(200);
      await r.body.text();
    }
    const secret = await request(new URL('../package.json', sim.url));
    expect(secret.statusCode).toBe(404);
    await secret.body.text();
  });

  it('asks for credentials and wants SOAP 1.1 content', async () => {
    sim = await simulator();
    const noAuth = await request(sim.url, { method: 'POST', body: '<x/>', headers: { 'content-type': 'text/xml' } });
    expect(noAuth.statusCode).toBe(401);
    expect(noAuth.headers['www-authenticate']).toBe('Basic realm="ProtocoloWS"');
    await noAuth.body.text();
    const json = await request(sim.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: basic } });
    expect(json.statusCode).toBe(415);
    await json.body.text();
  });

  it('keeps what it accepted: a resend changes nothing, new items are recorded', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-sim-'));
    const record = path.join(dir, 'record.jsonl');
    sim = await simulator({ record });
    const { client, transport } = clientFor(sim.url);
    const d = validDocumento({ Protocolo: nup(7) });
    await client.enviarListaDocumentos([{ xml: documentoXml(d) }]);
    await client.enviarListaDocumentos([{ xml: documentoXml(d) }]);
    const more = validDocumento({ Protocolo: nup(7) });
    more.Historico.ItemHistorico.push({ DataHoraOperacao: '2025-03-12T10:00:00-03:00', UnidadeOperacao: 'X', Operacao: 'Processo recebido na unidade' });
    await client.enviarListaDocumentos([{ xml: documentoXml(more) }]);
    const lines = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { protocolo: string; newItems: number });
    expect(lines.map((l) => [l.protocolo, l.newItems])).toEqual([
      [nup(7), 2],
      [nup(7), 1],
    ]);
    expect(sim.accepted.get(nup(7))?.size).toBe(3);
    await transport.close();
  });

  it('answers NF codes of its own for invalid Documentos, and a repeated Protocolo', async () => {
    sim = await simulator();
    const { client, transport } = clientFor(sim.url);
    const docs = [
      validDocumento({ Protocolo: '99991000007202531' }),
      validDocumento({ Protocolo: nup(2), DataHoraProducao: '2025-03-10T00:00:00' }),
      validDocumento({ Protocolo: nup(3), Assunto: '' }),
      validDocumento({ Protocolo: nup(3) }),
    ];
    const results = await client.enviarListaDocumentos(docs.map((d) => ({ xml: documentoXml(d) })));
    expect(results.map((r) => r.Resultado.slice(0, 5))).toEqual(['NF002', 'NF003', 'NF005', 'NF004']);
    expect(results[0]!.Resultado).toMatch(/^NF002 - Número de protocolo inválido: Protocolo: 99991.000007\/2025-31/);
    await transport.close();
  });

  it('parses fault scripts, and refuses unknown faults', () => {
    expect(parseScript('ok, 503x2,delay=10,drop-after')).toEqual([
      { kind: 'ok' },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'delay', ms: 10 },
      { kind: 'drop-after' },
    ]);
    expect(() => parseScript('explode')).toThrow(/unknown fault 'explode'/);
  });

  it('injects faults at random rates, reproducibly with a seed', async () => {
    sim = await simulator({ faults: { failRate: 0.5, seed: 42 } });
    const { client, transport } = clientFor(sim.url);
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      outcomes.push(
        await client.enviarListaDocumentos([{ xml: documentoXml(validDocumento({ Protocolo: nup(i + 1) })) }]).then(
          () => 'ok',
          (e: { reason?: string; code: string }) => e.reason ?? e.code,
        ),
      );
    }
    const failures = outcomes.filter((o) => o !== 'ok').length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(17);
    // 500 comes with a SOAP Server fault, 503 with an HTML page
    expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(new Set(['ERR_SOAP_FAULT', 'HTTP_503']));
    await transport.close();
    await sim.close();
    sim = await simulator({ faults: { failRate: 0.5, seed: 42 } });
    const again = clientFor(sim.url);
    const replay: string[] = [];
    for (let i = 0; i < 20; i++) {
      replay.push(
        await again.client.enviarListaDocumentos([{ xml: documentoXml(validDocumento({ Protocolo: nup(i + 1) })) }]).then(
          () => 'ok',
          (e: { reason?: string; code: string }) => e.reason ?? e.code,
        ),
      );
    }
    expect(replay).toEqual(outcomes);
    await again.transport.close();
  });
});
