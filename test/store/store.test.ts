import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlDb } from '../helpers/sqlite.js';
import { Store, type ItemRecord, type ProcessRecord } from '../../src/store/store.js';

const proc = (id: string, over: Partial<ProcessRecord> = {}): ProcessRecord => ({
  speId: id,
  access: 'publico',
  publishable: true,
  protocolo: `9999100000${id.padStart(3, '0')}2025`,
  dataHoraProducao: '2025-03-10T00:00:00-03:00',
  especie: 'Processo',
  assunto: 'Assunto',
  ...over,
});
const item = (key: string, speId: string, op = 'Processo recebido'): ItemRecord => ({
  speKey: key,
  process: speId,
  dataHoraOperacao: `2025-03-10T10:00:0${key.length % 10}-03:00`,
  unidadeOperacao: 'DIPRO',
  operacao: op,
});
// On disk, so that a test can look into the file through a connection of its own.
const fresh = (): Store => Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'pi-store-')), 'state.db'));

describe('state store', () => {
  it('creates its schema in WAL mode with synchronous FULL, on disk', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-store-')), 'state.db');
    const s = Store.open(file);
    expect(s.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    expect(s.getMeta('schema_version')).toBe('1');
    s.close();
    const again = Store.open(file);
    expect(again.getMeta('schema_version')).toBe('1');
    again.close();
  });

  it('enqueues an item once, and notices when its text changed', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    expect(s.upsertItem(item('a', '1'))).toBe('new');
    expect(s.upsertItem(item('a', '1'))).toBe('same');
    expect(s.upsertItem(item('a', '1', 'Outro texto'))).toBe('changed');
    expect(s.status(15).items).toBe(1);
  });

  it('puts new items in one open package per process; once integrated, new items open another', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.upsertItem(item('a', '1'));
    s.upsertItem(item('b', '1'));
    expect(s.assemblePackages()).toEqual({ created: 1, reopened: 0, items: 2 });
    s.upsertItem(item('c', '1'));
    expect(s.assemblePackages()).toEqual({ created: 0, reopened: 0, items: 1 });
    const [pkg] = s.duePackages(15, 0, 10);
    expect(s.buildDocumento(pkg!).Historico?.ItemHistorico).toHaveLength(3);
    s.recordOutcomes([{ id: pkg!.id, state: 'I', code: null, message: 'Ok!', origin: 'pi', xml: '<Documento/>', attempted: true }]);
    s.upsertItem(item('d', '1'));
    expect(s.assemblePackages().created).toBe(1);
    expect(s.status(15).counts).toEqual({ NI: 1, I: 1, EN: 0, FI: 0 });
  });

  it('sends EN packages again when their data changes, not otherwise', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.upsertItem(item('a', '1'));
    s.assemblePackages();
    const [pkg] = s.duePackages(15, 0, 10);
    s.recordOutcomes([{ id: pkg!.id, state: 'EN', code: 'NF005', message: 'inválido', origin: 'pi', xml: null, attempted: true }]);
    expect(s.duePackages(15, 0, 10)).toEqual([]);
    s.upsertProcess(proc('1'), 2);
    expect(s.finishProcesses(2, { interessados: false, relacionados: false })).toBe(0);
    s.upsertProcess(proc('1', { assunto: 'Assunto corrigido' }), 3);
    expect(s.finishProcesses(3, { interessados: false, relacionados: false })).toBe(1);
    expect(s.duePackages(15, 0, 10).map((p) => [p.state, p.attempts])).toEqual([['NI', 0]]);
  });

  it('retries FI up to the attempt limit, then leaves it for a resend', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.upsertItem(item('a', '1'));
    s.assemblePackages();
    for (let i = 0; i < 3; i++) {
      const due = s.duePackages(3, 0, 10);
      expect(due).toHaveLength(1);
      s.recordOutcomes([{ id: due[0]!.id, state: 'FI', code: 'HTTP_503', message: 'HTTP 503', origin: 'transport', xml: null, attempted: true }]);
    }
    expect(s.duePackages(3, 0, 10)).toEqual([]);
    expect(s.status(3).fiExhausted).toBe(1);
    expect(s.resend({ state: 'FI' })).toBe(1);
    expect(s.duePackages(3, 0, 10).map((p) => [p.state, p.attempts])).toEqual([['NI', 0]]);
  });

  it('forgets what a process had not sent when it becomes sigiloso, and keeps no metadata', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.addInteressado('1', 1, 'Maria', 1);
    s.upsertItem(item('a', '1'));
    s.assemblePackages();
    s.upsertProcess({ speId: '1', access: 'sigiloso', publishable: false }, 2);
    expect(s.status(15).counts).toEqual({ NI: 0, I: 0, EN: 0, FI: 0 });
    expect(s.status(15).items).toBe(0);
    expect(sqlDb(s.file).prepare('SELECT protocolo, assunto FROM processes').get()).toEqual({ protocolo: null, assunto: null });
    expect(sqlDb(s.file).prepare('SELECT count(*) AS n FROM interessados').get()).toEqual({ n: 0 });
  });

  it('a forced resend of an integrated package joins the open one of its process', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.upsertItem(item('a', '1'));
    s.assemblePackages();
    const [first] = s.duePackages(15, 0, 10);
    s.recordOutcomes([{ id: first!.id, state: 'I', code: null, message: 'Ok!', origin: 'pi', xml: null, attempted: true }]);
    s.upsertItem(item('bb', '1'));
    s.assemblePackages();
    expect(s.resend({ protocolo: proc('1').protocolo! })).toBe(2);
    const due = s.duePackages(15, 0, 10);
    expect(due).toHaveLength(1);
    expect(s.buildDocumento(due[0]!).Historico?.ItemHistorico).toHaveLength(2);
  });

  it('lets one export at a time hold the lock, and takes over a dead holder', () => {
    const s = fresh();
    expect(s.acquireLock()).toEqual({ acquired: true });
    sqlDb(s.file).prepare('UPDATE lock SET pid = 1').run(); // pid 1 is alive and not us
    expect(s.acquireLock()).toMatchObject({ acquired: false, pid: 1 });
    sqlDb(s.file).prepare('UPDATE lock SET pid = 999999999').run(); // no such process
    expect(s.acquireLock()).toEqual({ acquired: true });
  });
});
