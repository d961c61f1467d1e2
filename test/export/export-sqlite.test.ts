import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { localTime, runExport } from '../../src/export/job.js';
import type { PiSimulator } from '../../src/simulator/pi-simulator.js';
import { normalizeProtocolo } from '../../src/standard/normalize.js';
import { Store } from '../../src/store/store.js';
import { documentoXml, listaDocumentosXml } from '../../src/standard/writer.js';
import { sqlDb } from '../helpers/sqlite.js';
import { addMovements, expectedItems, exportOnce, recordedItems, sqliteSpe, writeConfig } from '../helpers/export.js';
import { nup, validDocumento } from '../helpers/documentos.js';
import { simulator } from '../helpers/simulator.js';

let sim: PiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'pi-export-'));

// Every case over both transports: the SOAP web service and the REST API (docs/rest.md).
describe.each(['soap', 'rest'] as const)('export job over %s (SQLite SPE, simulator over HTTP)', (transport) => {
  /** The simulator's address for this transport, and the setting that picks it. */
  const over = (s: PiSimulator): { endpoint: string; transport: 'soap' | 'rest' } => ({ endpoint: transport === 'rest' ? s.restUrl : s.url, transport });

  it('sends every published item of public processes once; incremental runs pick up only what is new', async () => {
    const dir = tmp();
    const record = path.join(dir, 'record.jsonl');
    const spe = sqliteSpe(dir, { processes: 200 });
    sim = await simulator({ record, maxDocs: 50 });
    const { config } = writeConfig({ type: 'sqlite', dir, ...over(sim), location: spe });
    const first = await exportOnce(config, sim.url);
    expect(first.error).toBeUndefined();
    expect(first.send.failed + first.send.invalid + first.send.rejected).toBe(0);
    expect(recordedItems(record)).toEqual(expectedItems(spe));
    expect(first.status.counts).toMatchObject({ NI: 0, EN: 0, FI: 0 });
    expect(first.send.batches).toBe(Math.ceil(first.send.due / 50));

    const again = await exportOnce(config, sim.url);
    expect(again.extract.itemsNew).toBe(0);
    expect(again.send.due).toBe(0);

    addMovements(spe, 12);
    const third = await exportOnce(config, sim.url);
    expect(third.extract.itemsNew).toBe(12);
    expect(third.send.accepted).toBe(third.send.due);
    expect(third.send.due).toBeLessThanOrEqual(12);
    expect(recordedItems(record)).toEqual(expectedItems(spe));
  });

  it('never sends sigiloso; sends restrito only when enabled', async () => {
    const dir = tmp();
    const record = path.join(dir, 'record.jsonl');
    const spe = sqliteSpe(dir, { processes: 100 });
    sim = await simulator({ record });
    const db = new Database(spe, { readonly: true });
    const numbers = (level: number): string[] =>
      (db.prepare('SELECT numero FROM processo WHERE nivel_acesso = ?').pluck().all(level) as string[]).map((n) => n.replace(/\D/g, ''));
    const sigilosos = numbers(2);
    const restritos = numbers(1);
    db.close();
    expect(sigilosos.length).toBeGreaterThan(0);
    const { config } = writeConfig({ type: 'sqlite', dir, ...over(sim), location: spe });
    await exportOnce(config, sim.url);
    const sent = new Set(recordedItems(record).keys());
    expect(sigilosos.filter((p) => sent.has(p))).toEqual([]);
    expect(restritos.filter((p) => sent.has(p))).toEqual([]);
    // No trace of them in the store either
    const store = Store.open(config.store);
    expect(sqlDb(store.file).prepare('SELECT count(*) AS n FROM items i JOIN processes p ON p.spe_id = i.process WHERE p.publishable = 0').get()).toEqual({
      n: 0,
    });
    store.close();

    const dir2 = tmp();
    const record2 = path.join(dir2, 'record.jsonl');
    await sim.close();
    sim = await simulator({ record: record2 });
    const { config: withRestrito } = writeConfig({
      type: 'sqlite',
      dir: dir2,
      ...over(sim),
      location: spe,
      replace: [['publishRestrito: false', 'publishRestrito: true']],
    });
    await exportOnce(withRestrito, sim.url);
    const sent2 = new Set(recordedItems(record2).keys());
    expect(restritos.every((p) => sent2.has(p))).toBe(true);
    expect(sigilosos.filter((p) => sent2.has(p))).toEqual([]);
    expect(recordedItems(record2)).toEqual(expectedItems(spe, { publishRestrito: true }));
  });

  it('stops sending a process that became sigiloso before its package went out', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 30 });
    sim = await simulator();
    const { config } = writeConfig({ type: 'sqlite', dir, ...over(sim), location: spe });
    await runExport({ config, noSend: true });
    const number = (new Database(spe, { readonly: true }).prepare('SELECT numero FROM processo WHERE id = 1').pluck().get() as string).replace(/\D/g, '');
    const before = Store.open(config.store);
    expect(before.packagesOf(number).map((p) => p.state)).toEqual(['NI']);
    before.close();
    // The SPE marks it sigiloso now (a change the processos query returns in the next window).
    const db = new Database(spe);
    db.prepare('UPDATE processo SET nivel_acesso = 2, alterado_em = ? WHERE id = 1').run(localTime(Date.now() - 1000, config.timeZone));
    db.close();
    const s = await exportOnce(config, sim.url);
    expect(s.extract.notPublishable).toBeGreaterThan(0);
    expect(sim.accepted.has(number)).toBe(false);
    expect(sim.accepted.size).toBeGreaterThan(0);
    const after = Store.open(config.store);
    expect(after.packagesOf(number)).toEqual([]);
    after.close();
  });

  it('keeps NF answers in EN with their message, and invalid Documentos in EN unsent', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 60, invalidEvery: 20 });
    // The PI here is stricter than pi-sender's lenient profile: a long Especie is an NF005.
    sim = await simulator();
    const { config } = writeConfig({
      type: 'sqlite',
      dir,
      ...over(sim),
      location: spe,
      replace: [
        ['profile: strict', 'profile: lenient'],
        ['Especie: { value: Processo }', `Especie: { value: ${'E'.repeat(55)} }`],
      ],
    });
    const summary = await exportOnce(config, sim.url);
    expect(summary.send.accepted).toBe(0);
    const store = Store.open(config.store);
    const en = store.listPackages({ state: 'EN', limit: 1000 });
    store.close();
    expect(en.length).toBe(summary.send.due);
    const fromPi = en.filter((p) => p.origin === 'pi');
    const invalid = en.filter((p) => p.origin === 'validation');
    expect(invalid.map((p) => p.code)).toEqual(invalid.map(() => 'NUP_CHECK_DIGITS'));
    expect(invalid.length).toBe(3);
    expect(fromPi.every((p) => p.code === 'NF005' && /Campo obrigatório/.test(p.message ?? ''))).toBe(true);
    // EN stays: the next run sends nothing
    const next = await exportOnce(config, sim.url);
    expect(next.send.due).toBe(0);
  });

  it('converges while the PI fails 30% of the requests', async () => {
    const dir = tmp();
    const record = path.join(dir, 'record.jsonl');
    const spe = sqliteSpe(dir, { processes: 150 });
    sim = await simulator({ record, maxDocs: 10, faults: { failRate: 0.2, dropRate: 0.1, seed: 7 } });
    const { config } = writeConfig({ type: 'sqlite', dir, ...over(sim), location: spe, replace: [['  retries: 5', '  retries: 2']] });
    let runs = 0;
    for (;;) {
      runs++;
      const s = await exportOnce(config, sim.url);
      if (s.status.counts.NI + s.status.counts.FI === 0) break;
      expect(runs).toBeLessThan(15);
    }
    expect(runs).toBeGreaterThan(1);
    expect(recordedItems(record)).toEqual(expectedItems(spe));
  });

  it('holds the watermark when items refer to processes the processos query did not return', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 20 });
    sim = await simulator();
    const { config } = writeConfig({ type: 'sqlite', dir, ...over(sim), location: spe });
    // A query that forgets a process (here, process 3) while historico still returns its items.
    const queries = (config.source as { queries: Record<string, string> }).queries;
    queries['processos'] = `SELECT * FROM (${queries['processos']}) x WHERE x.id <> 3`;
    const s = await exportOnce(config, sim.url);
    expect(s.extract.itemsOrphan).toBeGreaterThan(0);
    expect(s.complete).toBe(false);
    expect(s.status.watermark).toBeNull();
    expect(s.send.accepted).toBeGreaterThan(0); // the rest still went
  });

  it('reads CSV and JSON Lines drop folders, once, moving the files aside', async () => {
    for (const type of ['csv', 'jsonl'] as const) {
      const dir = tmp();
      const folder = path.join(dir, 'entrada');
      mkdirSync(folder);
      const write = (name: string, rows: Array<Record<string, string | number>>): void => {
        const text =
          type === 'csv'
            ? `${Object.keys(rows[0]!).join(',')}\n${rows
                .map((r) =>
                  Object.values(r)
                    .map((v) => `"${String(v).replace(/"/g, '""')}"`)
                    .join(','),
                )
                .join('\n')}\n`
            : rows.map((r) => JSON.stringify(r)).join('\n');
        writeFileSync(path.join(folder, `${name}.${type}`), text);
      };
      write('processos-001', [
        { id: 1, numero: '99991.000007/2025-30', tipo: 'Pedido', especificacao: 'Certidão, "urgente"', data_autuacao: '2025-03-10', nivel_acesso: 0 },
        { id: 2, numero: '99991.000003/2025-51', tipo: 'Pedido', especificacao: '', data_autuacao: '10/03/2025', nivel_acesso: 2 },
      ]);
      write('interessados-001', [{ processo_id: 1, nome: 'Maria 123.456.789-09' }]);
      write('relacionados-001', [{ processo: 1, numero: '99991.000003/2025-51' }]);
      write('historico-001', [
        { id: 10, processo_id: 1, tarefa: 'GERACAO', data_hora: '2025-03-10 09:00:00', unidade: 'DIPRO', unidade_destino: '' },
        { id: 11, processo_id: 1, tarefa: 'DESPACHO', data_hora: '2025-03-10 10:00:00', unidade: 'DIPRO', unidade_destino: '' },
        { id: 12, processo_id: 2, tarefa: 'GERACAO', data_hora: '2025-03-10 09:00:00', unidade: 'DIPRO', unidade_destino: '' },
      ]);
      const record = path.join(dir, 'record.jsonl');
      sim = await simulator({ record });
      const { config } = writeConfig({ type, dir, ...over(sim), location: 'entrada' });
      const s = await exportOnce(config, sim.url);
      expect(s.error).toBeUndefined();
      expect(s.send.accepted).toBe(1);
      const rec = JSON.parse(readFileSync(record, 'utf8').trim()) as { documento: { ListaInteressados: unknown; Assunto: string } };
      expect(rec.documento.Assunto).toBe('Pedido - Certidão, "urgente"');
      expect(rec.documento.ListaInteressados).toEqual({ Interessado: [{ NomeInteressado: 'Maria ***.456.78*-**' }] });
      expect(readdirSync(folder).sort()).toEqual(['lidos']);
      expect(readdirSync(path.join(folder, 'lidos'))).toHaveLength(4);
      const again = await exportOnce(config, sim.url);
      expect(again.extract.processes).toBe(0);
      await sim.close();
      sim = undefined;
    }
  });

  it('sends ListaDocumentos files dropped in a folder, keeping a broken one for later', async () => {
    const dir = tmp();
    const folder = path.join(dir, 'entrada');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'a.xml'),
      `<?xml version="1.0"?>${listaDocumentosXml([validDocumento({ Protocolo: nup(1) }), validDocumento({ Protocolo: nup(2) })])}`,
    );
    writeFileSync(path.join(folder, 'b.xml'), `<ListaDocumentos>${documentoXml(validDocumento({ Protocolo: nup(3) }))}<Documento><Protocolo>`);
    sim = await simulator();
    const { config } = writeConfig({ type: 'xml', dir, ...over(sim), location: 'entrada' });
    const s = await exportOnce(config, sim.url);
    expect(s.send.accepted).toBe(3);
    expect(existsSync(path.join(folder, 'lidos', 'a.xml'))).toBe(true);
    expect(existsSync(path.join(folder, 'b.xml'))).toBe(true);
  });

  it('refuses a second export on the same store while one runs', async () => {
    const dir = tmp();
    const spe = sqliteSpe(dir, { processes: 5 });
    sim = await simulator();
    const { config } = writeConfig({ type: 'sqlite', dir, ...over(sim), location: spe });
    const store = Store.open(config.store);
    sqlDb(store.file)
      .prepare("INSERT INTO lock (name, pid, host, since) VALUES ('export', 1, ?, 'now')")
      .run((await import('node:os')).hostname());
    store.close();
    await expect(runExport({ config })).rejects.toMatchObject({ code: 'ERR_USAGE', message: expect.stringContaining('another export is running') });
  });
});

describe("interessados' CPF from the SPE (REST, pi.sendCpf)", () => {
  /** A valid CPF for `n`: nine digits and their two check digits. */
  const cpfFor = (n: number): string => {
    let d = String((n * 7919) % 1_000_000_000).padStart(9, '0');
    for (const len of [9, 10]) {
      let sum = 0;
      for (let i = 0; i < len; i++) sum += Number(d[i]) * (len + 1 - i);
      d += String(((sum * 10) % 11) % 10);
    }
    return d;
  };

  it('reads the mapped cpf and natureza columns, sends them zero-padded over REST, holds an invalid one in EN, and stops when sendCpf is off', async () => {
    const dir = tmp();
    const record = path.join(dir, 'record.jsonl');
    const spe = sqliteSpe(dir, { processes: 30 });
    const db = new Database(spe);
    const ids = db.prepare('SELECT id FROM interessado ORDER BY id').pluck().all() as number[];
    // As an SPE that kept CPFs as numbers: leading zeros lost. The first one's check digits are wrong.
    const set = db.prepare('UPDATE interessado SET cpf = ? WHERE id = ?');
    ids.forEach((id, k) => set.run(k === 0 ? 52998224726n : BigInt(cpfFor(id)), id));
    const badProcess = db.prepare('SELECT p.numero FROM processo p JOIN interessado i ON i.processo_id = p.id WHERE i.id = ?').pluck().get(ids[0]) as string;
    db.close();
    sim = await simulator({ record });
    const setup = {
      type: 'sqlite' as const,
      dir,
      endpoint: sim.restUrl,
      transport: 'rest' as const,
      location: spe,
      replace: [
        ['SELECT i.processo_id, i.nome', 'SELECT i.processo_id, i.nome, i.cpf'],
        ['NomeInteressado: nome }', 'NomeInteressado: nome, cpf: cpf, natureza: { value: F } }'],
        ['\npi:\n', '\npi:\n  sendCpf: true\n'],
      ] as Array<[string, string]>,
    };
    const { config } = writeConfig(setup);
    const summary = await exportOnce(config, sim.url);
    expect(summary.error).toBeUndefined();
    expect(summary.send.invalid).toBe(1);
    const store = Store.open(config.store);
    const [invalid] = store.listPackages({ state: 'EN', limit: 10 });
    store.close();
    expect(invalid).toMatchObject({ code: 'CPF_INVALID', origin: 'validation', protocolo: normalizeProtocolo(badProcess) });
    expect(JSON.stringify(invalid)).not.toContain('52998224726');
    const sent = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { documento: { ListaInteressados?: { Interessado: Array<{ cpf?: string; natureza?: string }> } } })
      .flatMap((r) => r.documento.ListaInteressados?.Interessado ?? []);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every((i) => /^[0-9]{11}$/.test(i.cpf ?? '') && i.natureza === 'F')).toBe(true);
    expect(sent.some((i) => i.cpf!.startsWith('0'))).toBe(true); // zero-padded as the SEI module's %011s

    // Turned off: the CPFs kept are erased at the next run, and none is read again.
    const off = writeConfig({ ...setup, replace: setup.replace.filter(([from]) => from !== '\npi:\n') }).config;
    await exportOnce(off, sim.url);
    const state = new Database(off.store, { readonly: true });
    expect(state.prepare('SELECT count(*) FROM interessados WHERE cpf IS NOT NULL').pluck().get()).toBe(0);
    state.close();
  });
});
