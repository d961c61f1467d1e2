import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiafiClient, SiafiClient } from '../../src/siafi/client.js';
import { SoapClient } from '../../src/soap/client.js';
import { HttpTransport } from '../../src/soap/transport.js';
import type { SiafiSimulator } from '../../src/simulator/siafi-simulator.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { SAMPLE_REQUISICOES, SIAFI_CPF, SIAFI_PASSWORD, siafiSimulator } from '../helpers/siafi.js';

let pki: TestPki;
let sim: SiafiSimulator;
beforeAll(async () => {
  pki = makeTestPki();
  sim = await siafiSimulator(pki);
});
afterAll(() => sim.close());

const estorno = SAMPLE_REQUISICOES.estornarSPURequisicao;

describe('mutual TLS', () => {
  it('without a client certificate the handshake fails with a clear message, and nothing reaches the service', async () => {
    const transport = new HttpTransport({ tls: { caFile: pki.caCert, maxVersion: 'TLSv1.2' } });
    const client = new SiafiClient(new SoapClient(transport, sim.url), { cpf: SIAFI_CPF, password: SIAFI_PASSWORD });
    const before = sim.requests.length;
    await expect(client.call('estornarSPURequisicao', estorno, { ug: '170001', nonce: 'tls-1' })).rejects.toMatchObject({
      code: 'ERR_TLS',
      message: expect.stringMatching(/requires a client certificate/),
    });
    expect(sim.requests.length).toBe(before);
    await transport.close();
  });

  it('a client certificate from a CA the service does not trust fails with a clear message', async () => {
    const { client, transport } = createSiafiClient({
      endpoint: sim.url,
      cpf: SIAFI_CPF,
      password: SIAFI_PASSWORD,
      tls: { caFile: pki.caCert, certFile: pki.otherClientCert, keyFile: pki.otherClientKey },
    });
    await expect(client.call('estornarSPURequisicao', estorno, { ug: '170001', nonce: 'tls-2' })).rejects.toMatchObject({
      code: 'ERR_TLS',
      message: expect.stringMatching(/refused our client certificate/),
    });
    await transport.close();
  });

  it('an untrusted server is refused (verification is always on)', async () => {
    const { client, transport } = createSiafiClient({
      endpoint: sim.url,
      cpf: SIAFI_CPF,
      password: SIAFI_PASSWORD,
      tls: { certFile: pki.clientCert, keyFile: pki.clientKey },
    });
    await expect(client.call('estornarSPURequisicao', estorno, { ug: '170001', nonce: 'tls-3' })).rejects.toMatchObject({
      code: 'ERR_TLS',
      message: expect.stringMatching(/not trusted/),
    });
    await transport.close();
  });

  it('a PKCS#12 client certificate works', async () => {
    const { client, transport } = createSiafiClient({
      endpoint: sim.url,
      cpf: SIAFI_CPF,
      password: SIAFI_PASSWORD,
      tls: { caFile: pki.caCert, pfxFile: pki.clientP12, passphrase: 'clientpass' },
    });
    const r = await client.call('criarSPURequisicaoBaixa', SAMPLE_REQUISICOES.criarSPURequisicaoBaixa, { ug: '170001', nonce: 'tls-p12' });
    expect(r.resultado).toBe('SUCESSO');
    await transport.close();
  });

  it('refuses plain http and a missing certificate before connecting', () => {
    expect(() =>
      createSiafiClient({
        endpoint: sim.url.replace('https:', 'http:'),
        cpf: SIAFI_CPF,
        password: 'x',
        tls: { certFile: pki.clientCert, keyFile: pki.clientKey },
      }),
    ).toThrow(/must be https/);
    expect(() => createSiafiClient({ endpoint: sim.url, cpf: SIAFI_CPF, password: 'x' })).toThrow(/requires a client certificate/);
    expect(() =>
      createSiafiClient({ endpoint: sim.url, cpf: SIAFI_CPF, password: undefined, tls: { certFile: pki.clientCert, keyFile: pki.clientKey } }),
    ).toThrow(/SIAFI_PASSWORD/);
  });
});
