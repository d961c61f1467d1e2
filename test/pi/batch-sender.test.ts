import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, BatchSender, type BatchItem } from '../../src/pi/batch-sender.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { documentoXml } from '../../src/standard/writer.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { clientFor, simulator } from '../helpers/simulator.js';

const FAST = { attempts: 5, baseDelayMs: 5, maxDelayMs: 50 };
let sim: PiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function items(n: number, from = 1, broken: number[] = []): BatchItem[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const d = validDocumento({ Protocolo: nup(i), Especie: broken.includes(i) ? 'E'.repeat(60) : 'Processo' });
    return { key: i, protocolo: nup(i), xml: documentoXml(d) };
  });
}

describe('BatchSender', () => {
  it('recovers from 503, 500, drops, malformed answers, count mismatches and bad results', async () => {
    sim = await simulator({ faults: { script: '503,500,drop,malformed,not-xml,count-mismatch,garbage-result,fault' } });
    const { client, transport } = clientFor(sim.url);
    const sender = new BatchSender(client, { ...FAST, attempts: 9 });
    const results = await sender.send(items(3));
    expect(results.map((r) => [r.outcome, r.attempts])).toEqual([
      ['accepted', 9],
      ['accepted', 9],
      ['accepted', 9],
    ]);
    expect(sim.accepted.size).toBe(3);
    await transport.close();
  });

  it('never resends a rejected Documento, and resends only what failed', async () => {
    // The simulator checks with the strict profile: a 60-character Especie is rejected (NF005).
    sim = await simulator({ faults: { script: 'garbage-result' } });
    const { client, transport } = clientFor(sim.url);
    const results = await new BatchSender(client, FAST).send(items(3, 1, [2]));
    expect(results.map((r) => [r.key, r.outcome, r.code, r.attempts])).toEqual([
      [1, 'accepted', undefined, 2],
      [2, 'rejected', 'NF005', 2],
      [3, 'accepted', undefined, 2],
    ]);
    await transport.close();
  });

  it('gives up after the last attempt and says why', async () => {
    sim = await simulator({ faults: { script: '503x10' } });
    const { client, transport } = clientFor(sim.url);
    const results = await new BatchSender(client, { ...FAST, attempts: 3 }).send(items(2));
    expect(results.map((r) => [r.outcome, r.code, r.attempts])).toEqual([
      ['failed', 'HTTP_503', 3],
      ['failed', 'HTTP_503', 3],
    ]);
    expect(sim.accepted.size).toBe(0);
    await transport.close();
  });

  it('never matches results by guess: a count mismatch fails the batch', async () => {
    sim = await simulator({ faults: { script: 'count-mismatch,count-mismatch' } });
    const { client, transport } = clientFor(sim.url);
    const results = await new BatchSender(client, { ...FAST, attempts: 2 }).send(items(2));
    expect(results.map((r) => [r.outcome, r.code])).toEqual([
      ['failed', 'RESULT_COUNT'],
      ['failed', 'RESULT_COUNT'],
    ]);
    expect(results[0]!.message).toBe('the service answered 1 results for 2 Documentos');
    await transport.close();
  });

  it('resending what the PI already has is safe: accepted again, recorded once', async () => {
    sim = await simulator({ faults: { script: 'drop-after' } });
    const { client, transport } = clientFor(sim.url);
    const results = await new BatchSender(client, FAST).send(items(2));
    expect(results.map((r) => [r.outcome, r.attempts])).toEqual([
      ['accepted', 2],
      ['accepted', 2],
    ]);
    expect(sim.stats.accepted).toBe(4);
    expect(sim.accepted.size).toBe(2);
    await transport.close();
  });

  it('backs off exponentially with jitter, within the cap', () => {
    const policy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(20, policy, () => 1)).toBe(60_000);
  });
});
