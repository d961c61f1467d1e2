import { beforeAll, describe, expect, it } from 'vitest';
import { createSiafiClient, type SiafiConnection } from '../../src/siafi/client.js';
import { SPUNET_NAMESPACE } from '../../src/siafi/endpoint.js';
import { outcomeFromFault, outcomeFromResponse, type SiafiOutcome } from '../../src/siafi/outcome.js';
import { SoapClient } from '../../src/soap/client.js';
import { SoapFaultError } from '../../src/soap/errors.js';
import { usernameTokenHeader } from '../../src/soap/wsse.js';
import type { SiafiSimulator, SiafiSimulatorOptions } from '../../src/simulator/siafi-simulator.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { SAMPLE_REQUISICOES, SIAFI_CPF, SIAFI_PASSWORD, siafiSimulator } from '../helpers/siafi.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const BODY = `<ns0:estornarSPURequisicao xmlns:ns0="${SPUNET_NAMESPACE}"><spuEstornoRequisicao><grupoRequisicao>1</grupoRequisicao><codTipoRequisicao>1</codTipoRequisicao><codUG>170001</codUG><anoRequisicaoSPU>2026</anoRequisicaoSPU><codTipoRequisicaoSPU>RI</codTipoRequisicaoSPU><numRequisicaoSPU>77</numRequisicaoSPU><observacao>x</observacao></spuEstornoRequisicao></ns0:estornarSPURequisicao>`;
const cab = (inner: string): string => `<ns0:cabecalhoSIAFI xmlns:ns0="${SPUNET_NAMESPACE}">${inner}</ns0:cabecalhoSIAFI>`;

async function withSim(options: Partial<SiafiSimulatorOptions>, fn: (sim: SiafiSimulator, c: SiafiConnection) => Promise<void>): Promise<void> {
  const sim = await siafiSimulator(pki, options);
  const c = createSiafiClient({
    endpoint: sim.url,
    cpf: SIAFI_CPF,
    password: SIAFI_PASSWORD,
    tls: { caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey },
  });
  try {
    await fn(sim, c);
  } finally {
    await c.transport.close();
    await sim.close();
  }
}

/** Posts a hand-made header (bypassing our own checks) and reads the outcome as the client does. */
async function raw(c: SiafiConnection, header: string): Promise<SiafiOutcome> {
  const soap = new SoapClient(c.transport, c.endpoint);
  try {
    const r = await soap.call({ body: BODY, header, soapAction: '', arrays: new Set(['mensagem']) });
    return outcomeFromResponse(r.header, r.body, r.httpStatus);
  } catch (err) {
    if (err instanceof SoapFaultError) return outcomeFromFault(err);
    throw err;
  }
}

const token = usernameTokenHeader(SIAFI_CPF, SIAFI_PASSWORD);

describe('the EWS codes of the header rules', () => {
  const cases: Array<[string, string, string]> = [
    ['EWS0001', 'no cabecalhoSIAFI', token],
    ['EWS0004', 'no nonce', cab('<ug>170001</ug>') + token],
    ['EWS0005', 'a nonce of 65 characters', cab(`<ug>170001</ug><bilhetador><nonce>${'n'.repeat(65)}</nonce></bilhetador>`) + token],
    ['EWS0007', 'no ug', cab('<bilhetador><nonce>n-7</nonce></bilhetador>') + token],
    ['EWS0007', "a UG that is not the operator's", cab('<ug>999999</ug><bilhetador><nonce>n-7b</nonce></bilhetador>') + token],
    [
      'EWS0008',
      "a nomeSistemaSIAFI that is not the URL's",
      cab('<nomeSistemaSIAFI>SIAFI2019</nomeSistemaSIAFI><ug>170001</ug><bilhetador><nonce>n-8</nonce></bilhetador>') + token,
    ],
  ];
  for (const placement of ['fault', 'mensagem'] as const) {
    for (const [code, what, header] of cases) {
      it(`${code} (${what}), carried in a ${placement}: FALHA, refused before processing`, async () => {
        await withSim({ ewsPlacement: placement }, async (sim, c) => {
          const o = await raw(c, header);
          expect(o.resultado).toBe('FALHA');
          expect(o.effect).toBe('refused');
          expect(o.ews?.code).toBe(code);
          expect(o.message).toContain(code);
          expect(sim.requisicoes).toHaveLength(0);
        });
      });
    }
  }

  it('EWS0003 when the client certificate is not a registered consumer', async () => {
    await withSim({ consumers: ['outro-sistema'] }, async (sim, c) => {
      const o = await c.client.call('estornarSPURequisicao', SAMPLE_REQUISICOES.estornarSPURequisicao, { ug: '170001', nonce: 'n-3' });
      expect(o.ews?.code).toBe('EWS0003');
      expect(o.ews?.indication).toMatch(/cadastrar o sistema/);
      expect(o.effect).toBe('refused');
    });
  });

  it('a wrong password is refused by WS-Security, before processing', async () => {
    await withSim({}, async (sim, c) => {
      const o = await raw(c, cab('<ug>170001</ug><bilhetador><nonce>n-pw</nonce></bilhetador>') + usernameTokenHeader(SIAFI_CPF, 'errada'));
      expect(o).toMatchObject({ resultado: 'FALHA', effect: 'refused' });
      expect(o.message).toMatch(/refused the UsernameToken/);
      const none = await raw(c, cab('<ug>170001</ug><bilhetador><nonce>n-pw2</nonce></bilhetador>'));
      expect(none.effect).toBe('refused');
      expect(sim.requisicoes).toHaveLength(0);
    });
  });

  it('an empty element is refused (SIAFI does not accept empty tags)', async () => {
    await withSim({}, async (_sim, c) => {
      const soap = new SoapClient(c.transport, c.endpoint);
      const err = await soap
        .call({
          body: BODY.replace('<observacao>x</observacao>', '<observacao/>'),
          header: cab('<ug>170001</ug><bilhetador><nonce>n-empty</nonce></bilhetador>') + token,
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SoapFaultError);
      expect(outcomeFromFault(err as SoapFaultError)).toMatchObject({ resultado: 'FALHA', effect: 'failed' });
    });
  });

  it('reads the output header as CXF writes it in production code (EfetivacaoOperacao, capital E)', async () => {
    await withSim({ efetivacaoName: 'EfetivacaoOperacao' }, async (_sim, c) => {
      const o = await c.client.call('criarSPURequisicaoBaixa', SAMPLE_REQUISICOES.criarSPURequisicaoBaixa, { ug: '170001', nonce: 'n-cap' });
      expect(o.resultado).toBe('SUCESSO');
      expect(o.raw).toContain('<ns2:EfetivacaoOperacao');
    });
  });

  it('a repeated nonce whose repeat is answered FALHA [?] still shows the repeat', async () => {
    await withSim({ repeatResult: 'falha', repeatBody: false }, async (sim, c) => {
      await c.client.call('criarSPURequisicaoBaixa', SAMPLE_REQUISICOES.criarSPURequisicaoBaixa, { ug: '170001', nonce: 'n-rep' });
      const again = await c.client.call('criarSPURequisicaoBaixa', SAMPLE_REQUISICOES.criarSPURequisicaoBaixa, { ug: '170001', nonce: 'n-rep' });
      expect(again.repetida?.nonceOriginal).toBe('n-rep');
      expect(again.resultado).toBe('FALHA');
      expect(sim.requisicoes).toHaveLength(1);
    });
  });
});

describe('outcomes from answers', () => {
  const body = { x: { spuRequisicaoResposta: { numRequisicaoSPU: '12', mensagem: [{ txtMsg: 'ok' }] } } };
  it('matches efetivacaoOperacao by local name without regard to case', () => {
    expect(outcomeFromResponse({ EFETIVACAOOPERACAO: { resultado: 'sucesso' } }, body, 200).resultado).toBe('SUCESSO');
    expect(outcomeFromResponse({ efetivacaoOperacao: { resultado: 'FALHA' } }, body, 200).resultado).toBe('FALHA');
  });
  it('no header, or an unknown resultado, is INDEFINIDO', () => {
    expect(outcomeFromResponse(undefined, body, 200)).toMatchObject({ resultado: 'INDEFINIDO', effect: 'unknown', retryAfterMs: 15 * 60_000 });
    expect(outcomeFromResponse({ efetivacaoOperacao: { resultado: 'TALVEZ' } }, body, 200).resultado).toBe('INDEFINIDO');
  });
  it('a server fault with no verdict is INDEFINIDO; a client fault is FALHA', () => {
    expect(outcomeFromFault(new SoapFaultError('soap:Server', 'NullPointerException', undefined, 500)).resultado).toBe('INDEFINIDO');
    expect(outcomeFromFault(new SoapFaultError('soap:Client', 'Unmarshalling Error', undefined, 500)).resultado).toBe('FALHA');
  });
  it('EWS0006 and EWS0011 say when to look again; EWS0010 asks for a person', () => {
    const f = (code: string): SiafiOutcome =>
      outcomeFromFault(new SoapFaultError('soap:Server', `${code} - texto`, undefined, 500, {}, { efetivacaoOperacao: { resultado: 'FALHA' } }));
    expect(f('EWS0006')).toMatchObject({ resultado: 'INDEFINIDO', retryAfterMs: 10 * 60_000 });
    expect(f('EWS0011')).toMatchObject({ resultado: 'INDEFINIDO', retryAfterMs: 20 * 60_000 });
    expect(f('EWS0010')).toMatchObject({ resultado: 'INDEFINIDO', needsCheck: true });
    expect(f('EWS0009')).toMatchObject({ resultado: 'FALHA', effect: 'failed' });
  });
});
