import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSender, InvalidDocumentoError, type Sender, type SendOutcome } from '../../src/library/sender.js';
import type { Logger } from '../../src/logging.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { waitFor } from '../helpers/cli.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';

let sim: PiSimulator | undefined;
let sender: Sender | undefined;
afterEach(async () => {
  await sender?.close();
  await sim?.close();
  sender = sim = undefined;
});

let transport: 'soap' | 'rest' = 'soap';
const make = (url: string, store = path.join(mkdtempSync(path.join(tmpdir(), 'pi-lib-')), 'pi.db'), extra = {}): Sender =>
  (sender = createSender({ store, pi: { endpoint: url, user: SIM_USER, password: SIM_PASSWORD, transport }, retryDelayMs: 5, ...extra }));
/** The simulator's address for the transport of the describe block that runs. */
const at = (s: PiSimulator): string => (transport === 'rest' ? s.restUrl : s.url);

// Every case over both transports: the SOAP web service and the REST API (docs/rest.md).
describe.each(['soap', 'rest'] as const)('createSender over %s', (kind) => {
  beforeEach(() => {
    transport = kind;
  });

  it('refuses an invalid Documento with every problem and its field path, storing nothing of the call', async () => {
    sim = await simulator();
    const s = make(at(sim));
    const bad = validDocumento({ Protocolo: '99991000007202531', DataHoraProducao: 'ontem' });
    bad.Historico.ItemHistorico[1]!.Operacao = '';
    const err = await s.enqueue([validDocumento({ Protocolo: nup(1) }), bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidDocumentoError);
    const e = err as InvalidDocumentoError;
    expect(e.code).toBe('ERR_INVALID_DOCUMENT');
    expect(e.index).toBe(1);
    expect(e.problems.filter((p) => p.severity === 'error').map((p) => `${p.field} ${p.code}`)).toEqual([
      'Protocolo NUP_CHECK_DIGITS',
      'DataHoraProducao XSD_DATETIME',
      'Historico/ItemHistorico[2]/Operacao TEXT_BLANK',
    ]);
    expect(e.message).toMatch(/^Documento 99991000007202531 is invalid: /);
    expect(s.status().counts).toEqual({ NI: 0, I: 0, EN: 0, FI: 0 });
    // wrong JavaScript types are problems too, not crashes
    const types = await s.enqueue({ ...validDocumento(), Protocolo: 99991000007202530 } as never).catch((x: unknown) => x);
    expect((types as InvalidDocumentoError).problems.map((p) => p.code)).toEqual(['FIELD_TYPE']);
  });

  it('stores a movement once; new movements join the pending Documento; sigiloso is withheld', async () => {
    sim = await simulator();
    const s = make(at(sim));
    const d = validDocumento({ Protocolo: nup(2) });
    expect((await s.enqueue(d))[0]).toMatchObject({ protocolo: nup(2), queued: true, newItems: 2 });
    expect((await s.enqueue(d))[0]).toMatchObject({ newItems: 0 });
    const more = validDocumento({ Protocolo: nup(2) });
    more.Historico.ItemHistorico.push({ DataHoraOperacao: '2025-03-12T10:00:00-03:00', UnidadeOperacao: 'CGLIC', Operacao: 'Processo recebido na unidade' });
    expect((await s.enqueue(more))[0]!.newItems).toBe(1);
    expect(s.status().counts.NI).toBe(1);
    expect((await s.enqueue(validDocumento({ Protocolo: nup(3) }), { access: 'sigiloso' }))[0]).toMatchObject({ queued: false });
    expect((await s.enqueue(validDocumento({ Protocolo: nup(4) }), { access: 'restrito' }))[0]).toMatchObject({ queued: false });
    const outcomes = await s.flush();
    expect(outcomes.map((o) => [o.protocolo, o.outcome])).toEqual([[nup(2), 'accepted']]);
    expect(sim.accepted.get(nup(2))?.size).toBe(3);
    expect(sim.accepted.has(nup(3))).toBe(false);
  });

  it('emits accepted, rejected and failed; failed ones are retried by a later flush', async () => {
    sim = await simulator();
    const s = make(at(sim), undefined, { profile: 'lenient', retries: 1 });
    const events: string[] = [];
    for (const e of ['accepted', 'rejected', 'failed', 'invalid'] as const) s.on(e, (o: SendOutcome) => events.push(`${e} ${o.protocolo}`));
    await s.enqueue([validDocumento({ Protocolo: nup(5) }), validDocumento({ Protocolo: nup(6), Especie: 'E'.repeat(60) })]);
    await s.flush();
    expect(events.sort()).toEqual([`accepted ${nup(5)}`, `rejected ${nup(6)}`]);
    sim.setFaults({ script: '503x5' });
    await s.enqueue(validDocumento({ Protocolo: nup(7) }));
    const failed = await s.flush();
    expect(failed.map((o) => [o.outcome, o.code, o.attempts])).toEqual([['failed', 'HTTP_503', 1]]);
    const retried = await s.flush();
    expect(retried.map((o) => [o.outcome, o.attempts])).toEqual([['failed', 2]]);
    sim.setFaults({});
    expect((await s.flush()).map((o) => [o.outcome, o.attempts])).toEqual([['accepted', 3]]);
    expect(s.status().counts).toEqual({ NI: 0, I: 2, EN: 1, FI: 0 });
  });

  it('shares a flush among concurrent callers', async () => {
    sim = await simulator({ faults: { delayMs: 100 } });
    const s = make(at(sim));
    await s.enqueue(validDocumento({ Protocolo: nup(8) }));
    const [a, b] = await Promise.all([s.flush(), s.flush()]);
    expect(a).toBe(b);
    // The batch size, then one batch (over REST, a login first).
    expect(sim.stats.requests).toBe(transport === 'rest' ? 3 : 2);
  });

  it('runs a background loop, reports a failing flush as an error event, and stops gracefully', async () => {
    sim = await simulator();
    const s = make('http://127.0.0.1:9/ProtocoloWS/integradorService', undefined, { retries: 1 });
    const errors: string[] = [];
    s.on('error', (e) => errors.push(e.message));
    s.start({ intervalMs: 30 });
    await waitFor(() => errors.length >= 2, 20_000, 'two failed background flushes');
    await s.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toMatch(/connection refused/);
    expect(s.status().running).toBe(false);
    await s.close();

    const good = make(at(sim));
    const accepted: string[] = [];
    good.on('accepted', (o) => accepted.push(o.protocolo));
    good.start({ intervalMs: 20 });
    await good.enqueue(validDocumento({ Protocolo: nup(9) }));
    await waitFor(() => accepted.length > 0, 20_000, 'the background loop to send the Documento');
    await good.stop();
    expect(accepted).toEqual([nup(9)]);
    expect(good.status()).toMatchObject({ running: false, flushing: false, counts: { I: 1 } });
  });

  it('takes the date-time forms the export mapping reads: a Date, AAAA-MM-DD, DD/MM/AAAA HH:MM, in its zone', async () => {
    sim = await simulator({ record: path.join(mkdtempSync(path.join(tmpdir(), 'pi-lib-rec-')), 'record.jsonl') });
    const s = make(at(sim));
    const d = validDocumento({ Protocolo: nup(7) });
    await s.enqueue({
      ...d,
      DataHoraProducao: '2025-03-10',
      Historico: {
        ItemHistorico: [
          { ...d.Historico.ItemHistorico[0], DataHoraOperacao: new Date('2025-03-10T12:15:02Z') },
          { ...d.Historico.ItemHistorico[0], DataHoraOperacao: '11/03/2025 14:40', Operacao: 'Processo remetido' },
        ],
      },
    });
    const [out] = await s.flush();
    expect(out).toMatchObject({ outcome: 'accepted' });
    const sent = sim.accepted.get(nup(7))!;
    expect([...sent].map((k) => k.split('|')[0])).toEqual(['2025-03-10T09:15:02-03:00', '2025-03-11T14:40:00-03:00']);
    const bad = await s.enqueue({ ...d, Protocolo: nup(8), DataHoraProducao: '03/10' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidDocumentoError);
    await s.close();
  });

  it('refuses use after close', async () => {
    sim = await simulator();
    const s = make(at(sim));
    await s.close();
    await expect(s.enqueue(validDocumento())).rejects.toMatchObject({ code: 'ERR_USAGE' });
    sender = undefined;
  });
});

describe('enqueue under load', () => {
  it('commits the calls made together as one group, each resolving only once its own Documentos are stored', async () => {
    sim = await simulator();
    const store = path.join(mkdtempSync(path.join(tmpdir(), 'pi-lib-')), 'pi.db');
    const s = make(at(sim), store);
    const n = 300;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => s.enqueue(validDocumento({ Protocolo: nup(1000 + i) }))));
    expect(results.map((r) => r[0]!.queued)).toEqual(Array(n).fill(true));
    expect(s.status().counts.NI).toBe(n);
    // One invalid call among valid ones fails alone, before anything is stored.
    const mixed = await Promise.allSettled([s.enqueue(validDocumento({ Protocolo: nup(5000) })), s.enqueue({ Protocolo: 'x' } as never)]);
    expect(mixed.map((m) => m.status)).toEqual(['fulfilled', 'rejected']);
    // Enqueues not yet committed when the sender closes are committed by close.
    const late = s.enqueue(validDocumento({ Protocolo: nup(6000) }));
    await s.close();
    expect((await late)[0]!.queued).toBe(true);
    sender = undefined;
    const again = make(at(sim), store);
    expect(again.status().counts.NI).toBe(n + 2);
  });
});

describe("interessados' CPF and natureza (REST only, pi.sendCpf)", () => {
  const logged: string[] = [];
  const logger = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [level, (...args: unknown[]) => void logged.push(JSON.stringify(args))]),
  ) as unknown as Logger;
  const received = (record: string): Array<{ protocolo: string; interessados: unknown }> =>
    readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { protocolo: string; documento: { ListaInteressados?: { Interessado: unknown } } })
      .map((r) => ({ protocolo: r.protocolo, interessados: r.documento.ListaInteressados?.Interessado }));
  const withCpf = (n: number, cpf: string) => {
    const d = validDocumento({ Protocolo: nup(n) });
    d.ListaInteressados = { Interessado: [{ NomeInteressado: 'Maria Exemplo', cpf, natureza: 'F' }, { NomeInteressado: 'Órgão Exemplo' }] };
    return d;
  };

  it('sendCpf: the REST API gets the CPF zero-padded to 11 digits; an invalid one is refused at enqueue, located; none in a log', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-lib-'));
    const record = path.join(dir, 'record.jsonl');
    sim = await simulator({ record });
    transport = 'rest';
    const s = make(sim.restUrl, path.join(dir, 'pi.db'), { sendCpf: true, logger });
    await s.enqueue(withCpf(30, '1234567890')); // a CPF kept as a number lost its leading zero
    const bad = await s.enqueue(withCpf(31, '529.982.247-26')).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidDocumentoError);
    const problems = (bad as InvalidDocumentoError).problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => `${p.field} ${p.code}`)).toEqual(['ListaInteressados/Interessado[1]/cpf CPF_INVALID']);
    expect((bad as InvalidDocumentoError).message).not.toContain('529');
    expect((await s.flush()).map((o) => [o.protocolo, o.outcome])).toEqual([[nup(30), 'accepted']]);
    expect(received(record)).toEqual([
      { protocolo: nup(30), interessados: [{ NomeInteressado: 'Maria Exemplo', cpf: '01234567890', natureza: 'F' }, { NomeInteressado: 'Órgão Exemplo' }] },
    ]);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toMatch(/1234567890|529\.?982/);
  });

  it('without sendCpf (the default) no CPF is kept or sent, whatever the caller gives; turning it off erases those kept', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-lib-'));
    const record = path.join(dir, 'record.jsonl');
    const store = path.join(dir, 'pi.db');
    sim = await simulator({ record });
    transport = 'rest';
    // Kept while on (not sent yet), then the sender is reopened with it off.
    let s = make(sim.restUrl, store, { sendCpf: true });
    await s.enqueue(withCpf(32, '52998224725'));
    await s.close();
    const cpfs = (): number => {
      const db = new Database(store, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM interessados WHERE cpf IS NOT NULL OR natureza IS NOT NULL').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    expect(cpfs()).toBe(1);
    s = make(sim.restUrl, store);
    expect(cpfs()).toBe(0);
    // An invalid CPF is no reason to refuse a Documento whose CPF is not sent.
    await s.enqueue(withCpf(33, '529.982.247-26'));
    expect(cpfs()).toBe(0);
    expect((await s.flush()).map((o) => o.outcome)).toEqual(['accepted', 'accepted']);
    for (const r of received(record)) expect(r.interessados).toEqual([{ NomeInteressado: 'Maria Exemplo' }, { NomeInteressado: 'Órgão Exemplo' }]);
  });

  it('over SOAP the CPF never goes: the XML standard has no place for it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-lib-'));
    const record = path.join(dir, 'record.jsonl');
    sim = await simulator({ record });
    transport = 'soap';
    const s = make(sim.url, path.join(dir, 'pi.db'), { sendCpf: true });
    await s.enqueue(withCpf(34, '52998224725'));
    expect((await s.flush()).map((o) => o.outcome)).toEqual(['accepted']);
    expect(readFileSync(record, 'utf8')).not.toContain('52998224725');
  });
});
