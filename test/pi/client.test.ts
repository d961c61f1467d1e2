import { afterEach, describe, expect, it } from 'vitest';
import { classifyResultado } from '../../src/pi/results.js';
import { resolveEndpoint } from '../../src/pi/service.js';
import { AuthError, SoapFaultError, SoapResponseError } from '../../src/soap/errors.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { clientFor, simulator } from '../helpers/simulator.js';
import { HttpTransport } from '../../src/soap/transport.js';
import { PiClient, readPlainAnswer } from '../../src/pi/client.js';
import { SoapClient } from '../../src/soap/client.js';
import { parseEnvelope } from '../../src/soap/envelope.js';

let sim: PiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('PiClient', () => {
  it('asks the batch size', async () => {
    sim = await simulator({ maxDocs: 37 });
    const { client, transport } = clientFor(sim.url);
    expect(await client.getQuantidadeMaximaDocumentosPorRequisicao()).toBe(37);
    await transport.close();
  });

  it('sends Documentos and reads one result per Documento, with or without Protocolo', async () => {
    for (const resultProtocolo of [true, false]) {
      sim = await simulator({ resultProtocolo });
      const { client, transport } = clientFor(sim.url);
      const docs = [validDocumento({ Protocolo: nup(1) }), validDocumento({ Protocolo: nup(2), Especie: '' })];
      const results = await client.enviarListaDocumentos(docs.map((d) => ({ xml: documentoXml(d) })));
      expect(results.map((r) => r.Resultado.slice(0, 5))).toEqual(['Ok!', 'NF005']);
      expect(results.map((r) => r.Protocolo)).toEqual(resultProtocolo ? [nup(1), nup(2)] : [undefined, undefined]);
      await transport.close();
      await sim.close();
      sim = undefined;
    }
  });

  it('reads a NegocioFault on the first call as refused credentials (both ways of refusing)', async () => {
    for (const authFailure of ['fault', 'http'] as const) {
      sim = await simulator({ authFailure });
      const transport = new HttpTransport({ basicAuth: { user: 'simulador', password: 'errada' } });
      const client = new PiClient(new SoapClient(transport, sim.url));
      await expect(client.getQuantidadeMaximaDocumentosPorRequisicao()).rejects.toBeInstanceOf(AuthError);
      await transport.close();
      await sim.close();
      sim = undefined;
    }
  });

  it('reports a batch above the maximum as a fault, and an unreadable answer as such', async () => {
    sim = await simulator({ maxDocs: 1 });
    const { client, transport } = clientFor(sim.url);
    const two = [{ xml: documentoXml(validDocumento({ Protocolo: nup(1) })) }, { xml: documentoXml(validDocumento({ Protocolo: nup(2) })) }];
    const fault = await client.enviarListaDocumentos(two).catch((e: unknown) => e);
    expect(fault).toBeInstanceOf(SoapFaultError);
    expect((fault as SoapFaultError).detail).toEqual({ NegocioFault: { mensagemFault: 'A lista tem 2 documentos; o máximo por requisição é 1.' } });
    sim.setFaults({ script: 'malformed,not-xml' });
    await expect(client.enviarListaDocumentos(two.slice(0, 1))).rejects.toBeInstanceOf(SoapResponseError);
    await expect(client.enviarListaDocumentos(two.slice(0, 1))).rejects.toBeInstanceOf(SoapResponseError);
    await transport.close();
  });
});

describe('results and endpoints', () => {
  it('classifies Ok!, NFxxx and anything else', () => {
    expect(classifyResultado('Ok!')).toEqual({ outcome: 'accepted', message: 'Ok!' });
    expect(classifyResultado(' NF002 - Número de protocolo inválido ')).toEqual({
      outcome: 'rejected',
      code: 'NF002',
      message: 'Número de protocolo inválido',
    });
    expect(classifyResultado('NF012: outro')).toEqual({ outcome: 'rejected', code: 'NF012', message: 'outro' });
    expect(classifyResultado('SF001 - Erro')).toMatchObject({ outcome: 'failed' });
    expect(classifyResultado('')).toMatchObject({ outcome: 'failed' });
  });

  it('resolves endpoints, drops ?wsdl and refuses plain HTTP off this machine', () => {
    expect(resolveEndpoint('homologacao')).toBe('https://protocolointegrado.preprod.nuvem.gov.br/ProtocoloWS/integradorService');
    for (const name of ['homologação', 'Homologação', 'HOMOLOGACAO', 'preprod', 'pré-produção'])
      expect(resolveEndpoint(name), name).toBe('https://protocolointegrado.preprod.nuvem.gov.br/ProtocoloWS/integradorService');
    for (const name of ['produção', 'producao', ' Produção '])
      expect(resolveEndpoint(name), name).toBe('https://protocolointegrado.gov.br/ProtocoloWS/integradorService');
    expect(() => resolveEndpoint('homologaçao-2')).toThrow(/is not a URL/);
    expect(resolveEndpoint('https://protocolointegrado.gov.br/ProtocoloWS/integradorService?wsdl')).toBe(
      'https://protocolointegrado.gov.br/ProtocoloWS/integradorService',
    );
    expect(resolveEndpoint('http://127.0.0.1:8080/ProtocoloWS/integradorService')).toBe('http://127.0.0.1:8080/ProtocoloWS/integradorService');
    expect(() => resolveEndpoint('http://protocolointegrado.gov.br/ProtocoloWS/integradorService')).toThrow(/plain HTTP/);
    expect(() => resolveEndpoint('ftp://x')).toThrow(/https/);
    expect(() => resolveEndpoint('não é url')).toThrow(/not a URL/);
  });
});

describe("the PI's plain answer, read without the general parser", () => {
  const NS = 'http://endpoint.ws.protocolo.gov.br/';
  const env = (inner: string, header = '', prefix = 'S') =>
    `<?xml version="1.0" encoding="UTF-8"?><${prefix}:Envelope xmlns:${prefix}="http://schemas.xmlsoap.org/soap/envelope/">${header}<${prefix}:Body>${inner}</${prefix}:Body></${prefix}:Envelope>`;
  const response = (results: string) => `<ns2:enviarListaDocumentosResponse xmlns:ns2="${NS}">${results}</ns2:enviarListaDocumentosResponse>`;
  const full = (xml: string) => parseEnvelope(xml, new Set(['ResultadoDocumento']));

  it('gives the Body the general parser gives, for the forms the PI and the simulator send', () => {
    const plain = [
      env(response('<ResultadoDocumento><Protocolo>99991000007202530</Protocolo><Resultado>Ok!</Resultado></ResultadoDocumento>'.repeat(3))),
      env(
        response(
          '<ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento><ResultadoDocumento><Resultado>NF002 - Número de protocolo inválido: 123</Resultado></ResultadoDocumento>',
        ),
      ),
      env(response('\n  <ResultadoDocumento>\n    <Protocolo></Protocolo>\n    <Resultado> Ok! </Resultado>\n  </ResultadoDocumento>\n'), '<S:Header/>'),
      env(response(''), '<soapenv:Header></soapenv:Header>', 'soapenv'),
      env('<enviarListaDocumentosResponse><ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento></enviarListaDocumentosResponse>'),
    ];
    for (const xml of plain) {
      const body = readPlainAnswer(xml);
      expect(body, xml).toBeDefined();
      expect(body).toEqual((full(xml) as { body: unknown }).body);
    }
  });

  it('leaves anything else to the general parser: entities, a return wrapper, a fault, attributes, comments, other operations', () => {
    for (const xml of [
      env(response('<ResultadoDocumento><Resultado>NF005 - Campo &amp; outro</Resultado></ResultadoDocumento>')),
      env(response('<return><ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento></return>')),
      env('<S:Fault><faultcode>S:Server</faultcode><faultstring>erro</faultstring></S:Fault>'),
      env(response('<ResultadoDocumento id="1"><Resultado>Ok!</Resultado></ResultadoDocumento>')),
      env(response('<!-- x --><ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento>')),
      env(
        '<ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse xmlns:ns2="x"><NumeroMaximoDocumentos>100</NumeroMaximoDocumentos></ns2:getQuantidadeMaximaDocumentosPorRequisicaoResponse>',
      ),
      env(response('<ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento>')).replace('</S:Envelope>', ''),
      `${env(response(''))}<trailing/>`,
    ]) {
      expect(readPlainAnswer(xml), xml).toBeUndefined();
    }
  });

  it('stays linear on long runs of whitespace that do not match', () => {
    const xml = env(response(`<ResultadoDocumento><Resultado>Ok!</Resultado></ResultadoDocumento>${' '.repeat(5000)}`.repeat(200) + '<x/>'));
    const start = process.hrtime.bigint();
    expect(readPlainAnswer(xml)).toBeUndefined();
    // Not a timing assertion of speed, a bound against catastrophic backtracking (which takes minutes).
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(5000);
  });
});
