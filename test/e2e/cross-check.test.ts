import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import type http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PiClient } from '../../src/pi/client.js';
import { SoapClient } from '../../src/soap/client.js';
import { HttpTransport } from '../../src/soap/transport.js';
import { listen, type Listening } from '../../src/simulator/server.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

const PYTHON = '/usr/bin/python3';
const XSD = fileURLToPath(new URL('../../xsd/', import.meta.url));
const inCi = Boolean(process.env['CI']);

function available(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}
const hasZeep = available(PYTHON, ['-c', 'import zeep']);
const hasXmllint = available('xmllint', ['--version']);
// CI installs both (.ci/run); on a developer machine without them the tests say what is missing.
if (!inCi && !hasZeep) console.warn('skipping the zeep cross-check: apt-get install python3-zeep (CI=1 makes it fail instead)');
if (!inCi && !hasXmllint) console.warn('skipping the xmllint cross-check: apt-get install libxml2-utils (CI=1 makes it fail instead)');

describe.skipIf(!hasZeep && !inCi)('an independent SOAP stack (python3-zeep) against the simulator', () => {
  let sim: PiSimulator;
  beforeAll(async () => {
    sim = await simulator({ maxDocs: 50 });
  });
  afterAll(() => sim.close());

  it('loads the WSDL and calls both operations', async () => {
    // Asynchronous: the simulator answers from this very process.
    const { stdout: out } = await promisify(execFile)(
      PYTHON,
      [fileURLToPath(new URL('zeep_pi_client.py', import.meta.url)), sim.wsdlUrl, SIM_USER, SIM_PASSWORD],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const r = JSON.parse(out) as { max: number; results: Array<{ Protocolo: string; Resultado: string }>; fault: { mensagemFault: string } };
    expect(r.max).toBe(50);
    expect(r.results).toHaveLength(2);
    expect(r.results[0]).toEqual({ Protocolo: '99991000007202530', Resultado: 'Ok!' });
    expect(r.results[1]!.Resultado).toMatch(/^NF002 - /);
    expect(r.fault.mensagemFault).toBe('Usuário e/ou senha inválidos para uso do serviço.');
    expect(sim.accepted.has('99991000007202530')).toBe(true);
  });
});

describe.skipIf(!hasXmllint && !inCi)('our request envelopes against the WSDL schema (xmllint)', () => {
  let capture: Listening;
  const bodies: string[] = [];
  beforeAll(async () => {
    capture = await listen((req: http.IncomingMessage, res: http.ServerResponse) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => {
        bodies.push(b);
        res.setHeader('content-type', 'text/xml');
        const op = b.includes('getQuantidade')
          ? '<NumeroMaximoDocumentos>10</NumeroMaximoDocumentos>'
          : '<ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento>'.repeat((b.match(/<Documento>/g) ?? []).length);
        res.end(
          `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:r xmlns:ns2="http://endpoint.ws.protocolo.gov.br/">${op}</ns2:r></S:Body></S:Envelope>`.replace(
            /ns2:r/g,
            b.includes('getQuantidade') ? 'ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse' : 'ns2:enviarListaDocumentosResponse',
          ),
        );
      });
    }, {});
  });
  afterAll(() => capture.close());

  it('validates the exact bytes sent for both operations', async () => {
    const transport = new HttpTransport({ basicAuth: { user: 'u', password: 'p' } });
    const client = new PiClient(new SoapClient(transport, `${capture.origin}/ProtocoloWS/integradorService`));
    await client.getQuantidadeMaximaDocumentosPorRequisicao();
    const d = validDocumento({ Protocolo: nup(3), Assunto: 'Ação & <teste> 😀' });
    await client.enviarListaDocumentos([{ xml: documentoXml(d) }, { xml: documentoXml(validDocumento({ Protocolo: nup(4) })) }]);
    await transport.close();
    expect(bodies).toHaveLength(2);
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-xmllint-'));
    const driver = path.join(dir, 'driver.xsd');
    // A driver schema: the SOAP 1.1 envelope and the WSDL's messages (which include the data standard).
    writeFileSync(
      driver,
      `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">` +
        `<xs:import namespace="http://schemas.xmlsoap.org/soap/envelope/" schemaLocation="${XSD}soap-envelope-1.1.xsd"/>` +
        `<xs:import namespace="http://endpoint.ws.protocolo.gov.br/" schemaLocation="${XSD}protocolo-integrado-ws.xsd"/></xs:schema>`,
    );
    const files = bodies.map((b, i) => {
      const f = path.join(dir, `request-${i}.xml`);
      writeFileSync(f, b);
      return f;
    });
    const r = spawnSync('xmllint', ['--noout', '--schema', driver, ...files], { encoding: 'utf8' });
    expect(r.stderr).toBe(files.map((f) => `${f} validates\n`).join(''));
    expect(r.status).toBe(0);
    // And the check is not vacuous: a request with a missing element fails
    const broken = path.join(dir, 'broken.xml');
    writeFileSync(broken, bodies[1]!.replace(/<Especie>[^<]*<\/Especie>/, ''));
    expect(spawnSync('xmllint', ['--noout', '--schema', driver, broken]).status).not.toBe(0);
  });

  it('the WSDL and every schema are well-formed and compile', () => {
    for (const f of ['protocolo-integrado.wsdl', 'protocolo-integrado-ws.xsd', 'soap-envelope-1.1.xsd']) {
      expect(spawnSync('xmllint', ['--noout', `${XSD}${f}`]).status, f).toBe(0);
    }
  });
});
