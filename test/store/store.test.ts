import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlDb } from '../helpers/sqlite.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openSqlite } from '../../src/store/sqlite.js';
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
    expect(s.getMeta('schema_version')).toBe(String(MIGRATIONS.length));
    s.close();
    const again = Store.open(file);
    expect(again.getMeta('schema_version')).toBe(String(MIGRATIONS.length));
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

  it('keeps every attempt: a resend changes the states, never the record of answers', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.upsertItem(item('a', '1'));
    s.assemblePackages();
    const [pkg] = s.duePackages(15, 0, 10);
    s.recordOutcomes([{ id: pkg!.id, state: 'FI', code: 'HTTP_503', message: 'HTTP 503', origin: 'transport', xml: null, attempted: true }]);
    s.recordOutcomes([{ id: pkg!.id, state: 'I', code: null, message: 'Ok!', origin: 'pi', xml: null, attempted: true }]);
    const success = s.status(15).lastSuccessAt;
    expect(success).not.toBeNull();
    expect(s.resend({ state: 'I' })).toBe(1);
    expect(s.status(15)).toMatchObject({ lastSuccessAt: success, counts: { NI: 1, I: 0 } });
    expect(s.attemptsOf(pkg!.id).map((a) => [a.outcome, a.code])).toEqual([
      ['failed', 'HTTP_503'],
      ['accepted', null],
    ]);
    // A new movement while the resend waits: the packages merge, the history goes along.
    s.recordOutcomes([{ id: pkg!.id, state: 'I', code: null, message: 'Ok!', origin: 'pi', xml: null, attempted: true }]);
    s.upsertItem(item('bb', '1'));
    s.assemblePackages();
    expect(s.resend({ protocolo: proc('1').protocolo! })).toBe(2);
    const [open] = s.duePackages(15, 0, 10);
    expect(s.attemptsOf(open!.id).map((a) => a.outcome)).toEqual(['failed', 'accepted', 'accepted']);
  });

  it('sends a process again when its data changes, also after it was integrated; finds it by every Protocolo', () => {
    const s = fresh();
    s.upsertProcess(proc('1'), 1);
    s.finishProcesses(1, { interessados: false, relacionados: false });
    s.upsertItem(item('a', '1'));
    s.assemblePackages();
    const [pkg] = s.duePackages(15, 0, 10);
    s.recordOutcomes([{ id: pkg!.id, state: 'I', code: null, message: 'Ok!', origin: 'pi', xml: null, attempted: true }]);
    s.upsertProcess(proc('1'), 2);
    expect(s.finishProcesses(2, { interessados: false, relacionados: false })).toBe(0); // nothing changed
    expect(s.duePackages(15, 0, 10)).toEqual([]);
    const corrected = '99991000001202535';
    s.upsertProcess(proc('1', { assunto: 'Assunto corrigido', protocolo: corrected }), 3);
    expect(s.finishProcesses(3, { interessados: false, relacionados: false })).toBe(1);
    const [due] = s.duePackages(15, 0, 10);
    expect(due).toMatchObject({ id: pkg!.id, state: 'NI', protocolo: corrected });
    expect(s.buildDocumento(due!)).toMatchObject({ Protocolo: corrected, Assunto: 'Assunto corrigido' });
    expect(s.packagesOf(proc('1').protocolo!).map((p) => p.id)).toEqual([pkg!.id]);
    expect(s.packagesOf(corrected).map((p) => p.id)).toEqual([pkg!.id]);
  });

  it('migrates a store written before the attempts history: each package keeps what it knew', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-store-')), 'old.db');
    const old = openSqlite(file, MIGRATIONS.slice(0, 1), 'state store');
    old
      .prepare(
        "INSERT INTO packages (process, protocolo, state, attempts, created_at, sent_at, state_at, code, origin) VALUES ('1', '99991000007202530', 'I', 1, 't0', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z', NULL, 'pi')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO packages (process, protocolo, state, attempts, created_at, state_at, code, origin) VALUES ('2', '99991000003202551', 'EN', 0, 't0', '2026-11-02T10:00:00.000Z', 'NUP_CHECK_DIGITS', 'validation')",
      )
      .run();
    old.close();
    const s = Store.open(file);
    expect(s.getMeta('schema_version')).toBe(String(MIGRATIONS.length));
    expect(s.status(15).lastSuccessAt).toBe('2026-11-01T10:00:00.000Z');
    expect(s.attemptsOf(2).map((a) => [a.outcome, a.code])).toEqual([['invalid', 'NUP_CHECK_DIGITS']]);
    s.close();
  });
});

describe('the counts of status', () => {
  /** What counting the rows by state says: status, which counts otherwise, must always say the same. */
  const counted = (file: string) => {
    const db = sqlDb(file);
    const counts: Record<string, number> = { NI: 0, I: 0, EN: 0, FI: 0 };
    for (const r of db.prepare('SELECT state, count(*) AS n FROM packages GROUP BY state').all() as Array<{ state: string; n: number }>) counts[r.state] = r.n;
    return { counts, items: (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n };
  };
  const kept = (s: Store) => {
    const { counts, items } = s.status(15);
    return { counts, items };
  };

  it('are those of the rows after every kind of change: new, sent, failed, rejected, resent, merged, forgotten', () => {
    const s = fresh();
    const steps: Array<() => unknown> = [
      () => ['1', '2', '3', '4'].forEach((id) => s.upsertProcess(proc(id), 1)),
      () => ['a', 'b', 'c', 'd', 'e'].forEach((k, i) => s.upsertItem(item(k, String((i % 4) + 1)))),
      () => s.assemblePackages(),
      () => {
        const [one, two, three] = s.duePackages(15, 0, 10);
        s.recordOutcomes([
          { id: one!.id, state: 'I', code: null, message: 'Ok!', origin: 'pi', xml: null, attempted: true },
          { id: two!.id, state: 'EN', code: 'NF005', message: 'inválido', origin: 'pi', xml: null, attempted: true },
          { id: three!.id, state: 'FI', code: 'HTTP_503', message: 'HTTP 503', origin: 'transport', xml: null, attempted: true },
        ]);
      },
      () => s.upsertItem(item('ff', '1')), // process 1 was integrated: a new package
      () => s.assemblePackages(),
      () => s.resend({ protocolo: proc('1').protocolo! }), // the integrated one joins the open one
      () => s.upsertProcess(proc('2', { assunto: 'Corrigido' }), 2), // an EN package goes back to NI
      () => s.finishProcesses(2, { interessados: false, relacionados: false }),
      () => s.upsertProcess({ speId: '3', access: 'sigiloso', publishable: false }, 3), // forgotten
      () => s.resend({ state: 'FI' }),
    ];
    for (const step of steps) {
      step();
      expect(kept(s)).toEqual(counted(s.file));
    }
    expect(kept(s).counts.NI).toBeGreaterThan(0);
    s.close();
  });
});

describe('reading a store without writing it (report, console)', () => {
  it('opens an existing store read-only, beside a writer, and refuses a missing or too old one', () => {
    const writer = fresh();
    writer.upsertProcess(proc('1'), 1);
    const reader = Store.openReadOnly(writer.file);
    try {
      expect(reader.status(15).counts).toEqual({ NI: 0, I: 0, EN: 0, FI: 0 });
      // The writer goes on while the reader is open (WAL): nothing blocks, nothing is written by the reader.
      expect(writer.upsertItem(item('a', '1'))).toBe('new');
      expect(reader.status(15).items).toBe(1);
      expect(() => reader.setMeta('x', 'y')).toThrow(/readonly/i);
    } finally {
      reader.close();
      writer.close();
    }
    expect(() => Store.openReadOnly(path.join(mkdtempSync(path.join(tmpdir(), 'pi-store-')), 'none.db'))).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG' }),
    );
    const old = path.join(mkdtempSync(path.join(tmpdir(), 'pi-store-')), 'old.db');
    openSqlite(old, MIGRATIONS.slice(0, 1), 'state store').close();
    expect(() => Store.openReadOnly(old)).toThrow(/old schema \(1\): run pi-sender export/);
  });
});

describe('due packages', () => {
  it('come a page at a time by id, NI and FI below the attempt limit mixed in order, FI at the limit left out', () => {
    const s = fresh();
    for (let i = 1; i <= 9; i++) {
      s.upsertProcess(proc(String(i)), 1);
      s.upsertItem(item(`k${i}`, String(i)));
    }
    s.assemblePackages();
    const db = sqlDb(s.file);
    // 1, 4, 7: FI with 2 attempts (due); 2, 5, 8: FI at the limit of 3 (not due); 3, 6, 9: NI.
    db.prepare("UPDATE packages SET state = 'FI', attempts = CASE id % 3 WHEN 1 THEN 2 ELSE 3 END WHERE id % 3 <> 0").run();
    db.close();
    const pages: number[][] = [];
    for (let after = 0; ;) {
      const page = s.duePackages(3, after, 2).map((p) => p.id);
      if (page.length === 0) break;
      pages.push(page);
      after = page.at(-1)!;
    }
    expect(pages).toEqual([
      [1, 3],
      [4, 6],
      [7, 9],
    ]);
    expect(s.countDue(3)).toBe(6);
    s.close();
  });
});
