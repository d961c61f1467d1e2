import { afterEach, describe, expect, it } from 'vitest';
import { classifyResultado } from '../../src/pi/results.js';
import { resolveEndpoint } from '../../src/pi/service.js';
import { AuthError, SoapFaultError, SoapResponseError } from '../../src/soap/errors.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { clientFor, simulator } from '../helpers/simulator.js';
import { HttpTransport } from '../../src/soap/transport.js';
import { PiClient } from '../../src/pi/client.js';
import { SoapClient } from '../../src/soap/client.js';

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
