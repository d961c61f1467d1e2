// A large state store for the report and console benchmarks: 1,000,000 packages and 10,000 runs
// over 14 months (a run every hour or so), each package answered by the run after it was created;
// a few in EN and FI, the last day's still waiting. Built once into the bench folder, then reused.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../dist/store/store.js';

export const PACKAGES = 1_000_000;
export const RUNS = 10_000;
const START = Date.parse('2025-10-01T03:00:00.000Z');
const STEP = 3_600_000 * 1.02; // a bit over an hour between runs: 10,000 runs is about 14 months
/** When the fixture's last run started (2026-11-30): the store's "now", whatever the calendar says. */
export const LAST_RUN_AT = START + RUNS * STEP;

export function largeStore(workDir) {
  const file = path.join(workDir, `store-${PACKAGES}.db`);
  if (existsSync(file)) return file;
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  Store.open(tmp).close();
  const db = new Database(tmp);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const iso = (ms) => new Date(ms).toISOString();
  const run = db.prepare("INSERT INTO runs (id, started_at, finished_at, status, since, until) VALUES (?, ?, ?, ?, '', '')");
  const pkg = db.prepare(
    'INSERT INTO packages (id, process, protocolo, state, attempts, code, message, origin, xml, created_at, sent_at, state_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
  );
  const attempt = db.prepare('INSERT INTO attempts (package, at, outcome, code, message, protocolo) VALUES (?, ?, ?, ?, ?, ?)');
  const item = db.prepare(
    "INSERT INTO items (spe_key, process, data_hora_operacao, unidade_operacao, operacao, hash, package, created_at) VALUES (?, ?, ?, ?, 'Processo remetido', 'h', ?, ?)",
  );
  const units = ['DIPRO/CGRL/SAA', 'CGLIC/SAA', 'CGGP/SAA', 'SECAD/CGRL/SAA', 'GAB'];
  const perRun = Math.ceil(PACKAGES / RUNS);
  db.transaction(() => {
    let id = 0;
    for (let r = 1; r <= RUNS; r++) {
      const started = START + r * STEP;
      const failed = r % 97 === 0;
      run.run(r, iso(started), iso(started + 120_000), failed ? 'failed' : 'ok');
      for (let k = 0; k < perRun && id < PACKAGES; k++) {
        id++;
        const created = started - 1_800_000;
        const protocolo = `99991${String(id).padStart(6, '0')}2025${String(id % 97).padStart(2, '0')}`;
        const last = r === RUNS;
        const en = id % 1000 === 0;
        const state = last ? 'NI' : failed ? 'FI' : en ? 'EN' : 'I';
        const outcome = failed ? 'failed' : en ? 'rejected' : 'accepted';
        const code = failed ? 'HTTP_503' : en ? 'NF002' : null;
        pkg.run(
          id,
          `p${id}`,
          protocolo,
          state,
          code,
          en ? 'NF002 - Número de protocolo inválido' : failed ? 'HTTP 503' : 'Ok!',
          failed ? 'transport' : 'pi',
          null,
          iso(created),
          last ? null : iso(started + 60_000),
          iso(started + 60_000),
        );
        if (!last) attempt.run(id, iso(started + 60_000), outcome, code, null, protocolo);
        item.run(`k${id}`, `p${id}`, iso(created), units[id % units.length], id, iso(created));
      }
    }
  })();
  db.close();
  renameSync(tmp, file);
  for (const ext of ['-wal', '-shm']) if (existsSync(`${tmp}${ext}`)) renameSync(`${tmp}${ext}`, `${file}${ext}`);
  // The console and the report must find the store as an export leaves it: migrated, indexed.
  Store.open(file).close();
  return file;
}
