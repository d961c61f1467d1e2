import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SiafiSender } from '../../src/library/siafi-sender.js';
import { OPERATIONS } from '../../src/siafi/operations.js';
import type { SiafiSimulator } from '../../src/simulator/siafi-simulator.js';
import { SiafiStore } from '../../src/store/siafi-store.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { SAMPLE_REQUISICOES, siafiSender, siafiSimulator } from '../helpers/siafi.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

describe('every operation against the simulator over mutual TLS', () => {
  let sim: SiafiSimulator;
  let sender: SiafiSender;
  beforeAll(async () => {
    sim = await siafiSimulator(pki);
    sender = siafiSender(pki, sim);
  });
  afterAll(async () => {
    await sender.close();
    await sim.close();
  });

  for (const op of OPERATIONS) {
    it(`${op.name} round-trips`, async () => {
      const before = sim.requisicoes.length;
      const r = await sender.send(op.name, SAMPLE_REQUISICOES[op.name] as never);
      expect(r.outcome?.message).toMatch(/^SUCESSO/);
      expect(r.outcome?.resultado).toBe('SUCESSO');
      expect(r.record.state).toBe('SUCESSO');
      expect(sim.requisicoes).toHaveLength(before + 1);
      const created = sim.requisicoes.at(-1)!;
      expect(created.operation).toBe(op.name);
      expect(r.outcome?.resposta).toEqual({
        anoRequisicaoSPU: '2026',
        codTipoRequisicaoSPU: 'RI',
        numRequisicaoSPU: String(created.numero),
        numNS: created.numNS,
        mensagem: [{ txtMsg: expect.stringMatching(/registrada com sucesso/) }],
      });
      expect(r.record.nonce).toMatch(/^spunet-170001-[A-Z]{3}-[0-9a-f]{20}-1$/);
      expect(created.nonce).toBe(r.record.nonce);
    });
  }

  it('the same requisition again is not sent: it was applied', async () => {
    const count = sim.requests.length;
    const r = await sender.send('criarSPURequisicaoBaixa', SAMPLE_REQUISICOES.criarSPURequisicaoBaixa);
    expect(r.sent).toBe(false);
    expect(r.record.state).toBe('SUCESSO');
    expect(sim.requests.length).toBe(count);
  });

  it('the estorno reversed requisition 1, and a second estorno of it fails definitely', async () => {
    expect(sim.requisicoes.find((x) => x.numero === 1)!.estornada).toBe(true);
    const again = { ...SAMPLE_REQUISICOES.estornarSPURequisicao, observacao: 'Estorno repetido' };
    const r = await sender.send('estornarSPURequisicao', again);
    expect(r.outcome?.resultado).toBe('FALHA');
    expect(r.outcome?.message).toMatch(/já estornada/);
    expect(r.record.state).toBe('FALHA');
    await expect(sender.send('estornarSPURequisicao', again)).rejects.toMatchObject({ code: 'ERR_SIAFI_FAILED' });
  });
});

describe('retries that cannot apply twice', () => {
  let sim: SiafiSimulator;
  let sender: SiafiSender;
  let clock = new Date('2026-11-23T12:00:00Z');
  beforeAll(async () => {
    sim = await siafiSimulator(pki);
  });
  afterEach(async () => {
    await sender?.close();
  });
  afterAll(() => sim.close());

  const incorporacao = (obs: string) => ({ ...SAMPLE_REQUISICOES.criarSPURequisicaoIncorporacao, observacao: obs });

  it('INDEFINIDO, then the same nonce later gets requisicaoRepetidaResposta and the requisition exists once', async () => {
    sender = siafiSender(pki, sim, { now: () => clock });
    sim.setScript('indefinido');
    const first = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('indefinido'));
    expect(first.outcome?.resultado).toBe('INDEFINIDO');
    expect(first.record.state).toBe('INDEFINIDA');
    expect(first.record.nextAttemptAt).toBe('2026-11-23T12:15:00.000Z');
    const created = sim.requisicoes.filter((r) => r.nonce === first.record.nonce);
    expect(created).toHaveLength(1);
    expect(await sender.retryDue()).toEqual([]); // not due yet
    clock = new Date('2026-11-23T12:16:00Z');
    const [again] = await sender.retryDue();
    expect(again!.record.nonce).toBe(first.record.nonce);
    expect(again!.outcome?.resultado).toBe('SUCESSO');
    expect(again!.outcome?.repetida?.nonceOriginal).toBe(first.record.nonce);
    expect(again!.record.state).toBe('SUCESSO');
    expect(again!.outcome?.resposta?.numRequisicaoSPU).toBe(String(created[0]!.numero));
    expect(sim.requisicoes.filter((r) => r.nonce === first.record.nonce)).toHaveLength(1);
  });

  it('a lost answer (connection dropped after processing) is INDEFINIDO, never FALHA; resending it applies nothing', async () => {
    sender = siafiSender(pki, sim);
    sim.setScript('drop-after');
    const first = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('drop-after'));
    expect(first.outcome?.resultado).toBe('INDEFINIDO');
    expect(first.outcome?.effect).toBe('unknown');
    const again = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('drop-after'));
    expect(again.record.nonce).toBe(first.record.nonce);
    expect(again.outcome?.repetida).toBeDefined();
    expect(sim.requisicoes.filter((r) => r.nonce === first.record.nonce)).toHaveLength(1);
  });

  it('a timeout is INDEFINIDO', async () => {
    sender = siafiSender(pki, sim, { timeoutSeconds: 1 });
    sim.setScript([{ delayMs: 2500 }]);
    const r = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('timeout'));
    expect(r.outcome?.resultado).toBe('INDEFINIDO');
    expect(r.outcome?.message).toMatch(/no answer in time|stopped arriving/);
  });

  it('EWS0006 while the same nonce is being processed, EWS0010 after 10 minutes; both INDEFINIDO', async () => {
    let t = new Date('2026-11-23T13:00:00Z');
    const stuckSim = await siafiSimulator(pki, { script: 'stuck', now: () => t });
    sender = siafiSender(pki, stuckSim, { timeoutSeconds: 1, now: () => t });
    try {
      const first = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('stuck'));
      expect(first.outcome?.resultado).toBe('INDEFINIDO');
      const second = await sender.resend(first.record.nonce);
      expect(second.outcome?.ews?.code).toBe('EWS0006');
      expect(second.outcome?.resultado).toBe('INDEFINIDO');
      expect(second.record.state).toBe('INDEFINIDA');
      expect(second.record.nextAttemptAt).toBe('2026-11-23T13:10:00.000Z');
      t = new Date('2026-11-23T13:11:00Z');
      const third = await sender.resend(first.record.nonce);
      expect(third.outcome?.ews?.code).toBe('EWS0010');
      expect(third.record.state).toBe('VERIFICAR');
      expect(sender.unsettled().map((r) => r.state)).toEqual(['VERIFICAR']);
      const settled = sender.settle(first.record.nonce, 'FALHA', 'not found in SIAFI');
      expect(settled.state).toBe('FALHA');
      expect(stuckSim.requisicoes).toHaveLength(0);
    } finally {
      await stuckSim.close();
    }
  });

  it('EWS0011: INDEFINIDO, checked again after 20 minutes with the same nonce', async () => {
    sender = siafiSender(pki, sim, { now: () => clock });
    sim.setScript('ews0011');
    const r = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('ews0011'));
    expect(r.outcome?.ews?.code).toBe('EWS0011');
    expect(r.outcome?.resultado).toBe('INDEFINIDO');
    expect(new Date(r.record.nextAttemptAt!).getTime() - clock.getTime()).toBe(20 * 60_000);
  });

  it('a definite FALHA (EWS0009) needs a changed requisition, or an explicit new one, to get a new nonce', async () => {
    sender = siafiSender(pki, sim);
    sim.setScript('ews0009');
    const r = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('ews0009'));
    expect(r.outcome?.resultado).toBe('FALHA');
    expect(r.outcome?.ews?.code).toBe('EWS0009');
    expect(r.outcome?.message).toMatch(/Bem imóvel não encontrado/);
    await expect(sender.send('criarSPURequisicaoIncorporacao', incorporacao('ews0009'))).rejects.toMatchObject({ code: 'ERR_SIAFI_FAILED' });
    const changed = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('ews0009 corrigida'));
    expect(changed.record.nonce).not.toBe(r.record.nonce);
    expect(changed.record.state).toBe('SUCESSO');
    const forced = await sender.send('criarSPURequisicaoIncorporacao', incorporacao('ews0009'), { newRequisicao: true });
    expect(forced.record.nonce).toBe(r.record.nonce.replace(/-1$/, '-2'));
    expect(forced.record.state).toBe('SUCESSO');
  });

  it('a service that cannot be reached keeps the requisition NOVA with its nonce', async () => {
    const gone = await siafiSimulator(pki);
    sender = siafiSender(pki, gone);
    await gone.close();
    await expect(sender.send('criarSPURequisicaoIncorporacao', incorporacao('unreachable'))).rejects.toMatchObject({ code: 'ERR_TRANSPORT' });
    const [pending] = sender.unsettled();
    expect(pending!.state).toBe('NOVA');
    expect(pending!.attempts).toBe(1);
  });
});

describe('the SIAFI store', () => {
  it('two senders storing the same requisition at once share one row and one nonce', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-siafi-store-')), 's.db');
    const a = SiafiStore.open(file);
    const b = SiafiStore.open(file);
    const r = {
      endpoint: 'https://x/',
      operation: 'estornarSPURequisicao',
      ug: '170001',
      contentKey: 'k'.repeat(64),
      generation: 1,
      nonce: 'n-1',
      bodyXml: '<x/>',
    };
    const first = a.insert(r);
    const second = b.insert(r);
    expect(second.id).toBe(first.id);
    expect(() => b.insert({ ...r, contentKey: 'z'.repeat(64), generation: 1 })).toThrow(/already stored for https:\/\/x\/ with another requisition/);
    expect(a.countByState().NOVA).toBe(1);
    a.close();
    b.close();
  });
});
