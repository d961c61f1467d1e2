import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiafiClient } from '../../src/siafi/client.js';
import { SPUNET_NAMESPACE } from '../../src/siafi/endpoint.js';
import { OPERATIONS } from '../../src/siafi/operations.js';
import { cabecalhoXml } from '../../src/siafi/xml.js';
import { usernameTokenHeader } from '../../src/soap/wsse.js';
import { SoapClient } from '../../src/soap/client.js';
import { HttpTransport } from '../../src/soap/transport.js';
import { listen, type Listening } from '../../src/simulator/server.js';
import type { SiafiSimulator } from '../../src/simulator/siafi-simulator.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { SAMPLE_REQUISICOES, SIAFI_CPF, SIAFI_PASSWORD, siafiSimulator } from '../helpers/siafi.js';

const PYTHON = '/usr/bin/python3';
const SIAFI_XSD = fileURLToPath(new URL('../../xsd/siafi/', import.meta.url));
const inCi = Boolean(process.env['CI']);
const available = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const hasZeep = available(PYTHON, ['-c', 'import zeep']);
const hasXmllint = available('xmllint', ['--version']);
if (!inCi && !hasZeep) console.warn('skipping the SIAFI zeep cross-check: apt-get install python3-zeep (CI=1 makes it fail instead)');
if (!inCi && !hasXmllint) console.warn('skipping the SIAFI xmllint cross-check: apt-get install libxml2-utils (CI=1 makes it fail instead)');

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

function xmllint(files: string[]): { status: number | null; stderr: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SIAFI_XSD, 'envelope.xsd'), ...files], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** Each text to its own file in a new folder. */
function writeAll(name: string, texts: string[]): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), `pi-siafi-${name}-`));
  return {
    dir,
    files: texts.map((t, i) => {
      const f = path.join(dir, `${name}-${i}.xml`);
      writeFileSync(f, t);
      return f;
    }),
  };
}

describe.skipIf(!hasXmllint && !inCi)('our envelopes and the simulator answers against xsd/siafi (xmllint)', () => {
  let capture: Listening;
  const requests: string[] = [];
  let sim: SiafiSimulator;
  beforeAll(async () => {
    capture = await listen((req: http.IncomingMessage, res: http.ServerResponse) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => {
        requests.push(b);
        res.setHeader('content-type', 'text/xml');
        res.end('<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><r/></S:Body></S:Envelope>');
      });
    }, {});
    sim = await siafiSimulator(pki);
  });
  afterAll(async () => {
    await capture.close();
    await sim.close();
  });

  it('validates the exact bytes sent for every operation, and the check is not vacuous', async () => {
    const transport = new HttpTransport();
    const client = new SiafiClient(new SoapClient(transport, `${capture.origin}/siafi2026he/services/integra/integrarSistemaSPUNet`), {
      cpf: SIAFI_CPF,
      password: SIAFI_PASSWORD,
    });
    for (const op of OPERATIONS) await client.call(op.name, SAMPLE_REQUISICOES[op.name] as never, { ug: '170001', nonce: `x-${op.alias}` });
    await transport.close();
    expect(requests).toHaveLength(9);
    const { dir, files } = writeAll('request', requests);
    const r = xmllint(files);
    expect(r.stderr).toBe(files.map((f) => `${f} validates\n`).join(''));
    expect(r.status).toBe(0);
    expect(requests[0]).toContain('<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">');
    expect(requests[0]).not.toMatch(/Nonce|Created|Timestamp|mustUnderstand/);
    const broken = path.join(dir, 'broken.xml');
    writeFileSync(broken, requests[0]!.replace('<ug>170001</ug>', '<ns0:ug>170001</ns0:ug>'));
    expect(xmllint([broken]).status).not.toBe(0);
    const long = path.join(dir, 'long.xml');
    writeFileSync(long, requests[0]!.replace(/<nonce>[^<]*<\/nonce>/, `<nonce>${'n'.repeat(65)}</nonce>`));
    expect(xmllint([long]).stderr).toMatch(/maxLength/);
  });

  it('the simulator answers validate too (success, repeat and fault)', async () => {
    const transport = new HttpTransport({ tls: { caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey } });
    const client = new SiafiClient(new SoapClient(transport, sim.url), { cpf: SIAFI_CPF, password: SIAFI_PASSWORD });
    const answers: string[] = [];
    for (const op of OPERATIONS)
      answers.push((await client.call(op.name, SAMPLE_REQUISICOES[op.name] as never, { ug: '170001', nonce: `a-${op.alias}` })).raw!);
    answers.push((await client.call('criarSPURequisicaoBaixa', SAMPLE_REQUISICOES.criarSPURequisicaoBaixa, { ug: '170001', nonce: 'a-baixa' })).raw!);
    await transport.close();
    expect(answers.at(-1)).toContain('requisicaoRepetidaResposta');
    const { files } = writeAll('answer', answers);
    const r = xmllint(files);
    expect(r.stderr).toBe(files.map((f) => `${f} validates\n`).join(''));
  });

  it('the WSDL and every schema are well-formed', () => {
    for (const f of ['integrarSistemaSPUNet.wsdl', 'integrarSistemaSPUNet.xsd', 'bilhetador.xsd', 'tipodadossimples.xsd', 'spunet-tipos.xsd', 'envelope.xsd']) {
      expect(spawnSync('xmllint', ['--noout', path.join(SIAFI_XSD, f)]).status, f).toBe(0);
    }
  });
});

describe.skipIf(!hasZeep && !inCi)('an independent SOAP stack (python3-zeep) against the SIAFI simulator', () => {
  let sim: SiafiSimulator;
  beforeAll(async () => {
    sim = await siafiSimulator(pki);
  });
  afterAll(() => sim.close());

  it('loads the WSDL over mutual TLS and calls every operation with a UsernameToken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-siafi-zeep-'));
    const file = path.join(dir, 'requisicoes.json');
    const list = OPERATIONS.map((op) => [op.name, op.parameter, { grupoRequisicao: op.grupo, ...SAMPLE_REQUISICOES[op.name] }]);
    writeFileSync(file, JSON.stringify(list));
    const { stdout } = await promisify(execFile)(
      PYTHON,
      [
        fileURLToPath(new URL('zeep_siafi_client.py', import.meta.url)),
        sim.wsdlUrl,
        pki.caCert,
        pki.clientCert,
        pki.clientKey,
        SIAFI_CPF,
        SIAFI_PASSWORD,
        file,
      ],
      {
        encoding: 'utf8',
        timeout: 90_000,
      },
    );
    const r = JSON.parse(stdout) as {
      results: Array<{ operation: string; resultado: string; numRequisicaoSPU: number; fault: string | null }>;
      sent: string;
      refused: string;
    };
    expect(r.results.map((x) => [x.operation, x.resultado, x.fault])).toEqual(OPERATIONS.map((op) => [op.name, 'SUCESSO', null]));
    expect(r.results.map((x) => Number(x.numRequisicaoSPU))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sim.requisicoes.map((x) => x.nonce)).toEqual(OPERATIONS.map((_, i) => `zeep-${i}`));
    expect(sim.requisicoes[0]!.estornada).toBe(true);
    // zeep's envelope is ours, piece by piece (zeep declares the namespace once, on the Envelope)
    const ns = ' xmlns:ns0="http://www.tesouro.gov.br/siafi/services/integra/integrarSistemaSPUNet"';
    const ours = new SiafiClient(new SoapClient(new HttpTransport(), 'https://unused.invalid/'), { cpf: SIAFI_CPF, password: SIAFI_PASSWORD });
    const body = ours.prepare('estornarSPURequisicao', SAMPLE_REQUISICOES.estornarSPURequisicao, '170001').bodyXml.replace(ns, '');
    expect(r.sent).toContain(`<soap-env:Body>${body}</soap-env:Body>`);
    expect(r.sent).toContain(cabecalhoXml({ ug: '170001', nonce: 'zeep-8' }, SPUNET_NAMESPACE).replace(ns, ''));
    expect(r.sent).toContain(usernameTokenHeader(SIAFI_CPF, SIAFI_PASSWORD));
    expect(r.refused).toMatch(/FailedAuthentication/);
  });
});
