// `npm run bench`: prints throughput and memory figures. Not a test: figures, not pass/fail.
// Usage: npm run bench [-- validate] [-- --documentos N]
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLista } from './generate.js';
import { benchConsole } from './console.js';
import { benchLibrary } from './library.js';
import { benchReport } from './report.js';
import { benchStoreCommands } from './store-commands.js';
import { benchStartup } from './startup.js';
import { startFixedServer, startServer } from './server-process.js';
import { printPhases, profilePhases } from './profile.js';
import { CLI_NODE_FLAGS } from '../dist/cli/memory.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--documentos') + 1] || 100_000) || 100_000;
const only = args.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const workDir = path.join(tmpdir(), 'pi-sender-bench');
mkdirSync(workDir, { recursive: true });

const mb = (bytes) => bytes / 1e6;
const fmt = (n, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function listaFile(n) {
  const file = path.join(workDir, `lista-${n}.xml`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${file} (${n.toLocaleString('en-US')} Documentos)... `);
    const bytes = await generateLista(file, n);
    process.stdout.write(`${fmt(mb(bytes))} MB\n`);
  }
  return file;
}

/** The children that run what a pi-sender command runs: Node starts them with the command's flags. */
const AS_THE_COMMAND = new Set(['validate-child.js', 'send-child.js', 'export-child.js']);

function runNode(script, scriptArgs, env = {}, execArgv = []) {
  const flags = AS_THE_COMMAND.has(script) ? [...CLI_NODE_FLAGS, ...execArgv] : execArgv;
  const r = spawnSync(process.execPath, [...flags, path.join(here, script), ...scriptArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Paired runs of validate and xmllint: on a shared machine one pair can fall on a busy moment. */
const VALIDATE_PAIRS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchValidate() {
  const file = await listaFile(count);
  const size = statSync(file).size;
  console.log(`\nvalidate: ${fmt(mb(size))} MB, ${count.toLocaleString('en-US')} Documentos (strict profile, XSD per Documento + rules)`);
  const which = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' });
  const schema = path.join(here, '..', 'xsd', 'protocolo-integrado.xsd');
  const runs = [];
  const xmllint = [];
  for (let i = 0; i < VALIDATE_PAIRS; i++) {
    const r = runNode('validate-child.js', [file]);
    if (r.documentos !== count || r.errors !== 0) throw new Error(`unexpected result: ${JSON.stringify(r)}`);
    runs.push(r);
    if (which.status !== 0) continue;
    const t0 = process.hrtime.bigint();
    const x = spawnSync('xmllint', ['--noout', '--stream', '--schema', schema, file], { encoding: 'utf8' });
    if (x.status !== 0) throw new Error(`xmllint failed: ${x.stderr.slice(0, 500)}`);
    xmllint.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const r = runs.find((run) => run.seconds === median(runs.map((x) => x.seconds)));
  const list = (xs) => xs.map((x) => fmt(x, 2)).join(', ');
  const ours = mb(size) / r.seconds;
  console.log(
    `  pi-sender: ${fmt(r.seconds, 2)} s, ${fmt(r.documentos / r.seconds, 0)} docs/s, ${fmt(ours)} MB/s, CPU ${fmt(r.cpuSeconds, 1)} s, peak RSS ${fmt(r.maxRssMb, 0)} MB (${r.parts.pristine} parts read by worker threads, ${r.parts.notPristine} read again); the median of ${list(runs.map((x) => x.seconds))} s`,
  );
  console.log(`  targets:   >= 20 MB/s, peak RSS < 250 MB`);
  if (which.status !== 0) {
    console.log('  xmllint:   not installed (apt-get install libxml2-utils) - no comparison');
    return;
  }
  const xs = median(xmllint);
  console.log(
    `  xmllint --stream --schema: ${fmt(xs, 2)} s, ${fmt(mb(size) / xs)} MB/s (native libxml2, whole file, no extra rules); the median of ${list(xmllint)} s`,
  );
  const ratios = runs.map((run, i) => xmllint[i] / run.seconds);
  console.log(
    `  ratio pi-sender / xmllint: ${fmt(median(ratios), 2)} (target >= 1.0), the median of ${VALIDATE_PAIRS} pairs run one after the other: ${list(ratios)}`,
  );
  printPhases((await profilePhases((execArgv) => runNode('validate-child.js', [file], {}, execArgv))).threads, count, fmt);
  // As many runs as at `count`: one peak of a shared machine varies by ±10 MB from run to run.
  const large = await listaFile(LARGE);
  const big = Array.from({ length: VALIDATE_PAIRS }, () => runNode('validate-child.js', [large]).maxRssMb);
  printFlatness(median(runs.map((x) => x.maxRssMb)), median(big), big);
}

/** Memory flatness: peak RSS at LARGE Documentos against the run at `count`. */
const LARGE = 500_000;
function printFlatness(small, large, runs = [large]) {
  const of = runs.length > 1 ? `, the median of ${runs.map((x) => fmt(x, 0)).join(', ')} MB` : '';
  console.log(
    `  peak RSS ${count.toLocaleString('en-US')} → ${LARGE.toLocaleString('en-US')} Documentos: ${fmt(small, 0)} → ${fmt(large, 0)} MB (${fmt((100 * (large - small)) / small, 0)} %; target within 10 % and under 250 MB${of})`,
  );
}

const SERVERS = {
  simulator: (password) =>
    startServer([path.join(here, '..', 'dist', 'cli', 'main.js'), 'simulator', '--port', '0', '--max-docs', '100'], { PI_SIMULATOR_PASSWORD: password }),
  'fixed-answer server': startFixedServer,
};

/** One client script against a fresh server of the given kind. */
async function against(kind, script, scriptArgs, execArgv = []) {
  const password = 'bench';
  const server = await SERVERS[kind](password);
  try {
    return runNode(script, [scriptArgs[0], server.url, 'simulador', ...scriptArgs.slice(1)], { PI_PASSWORD: password }, execArgv);
  } finally {
    server.stop();
  }
}

async function benchSend() {
  const file = await listaFile(count);
  const size = statSync(file).size;
  const concurrency = '2';
  console.log(
    `\nsend: ${fmt(mb(size))} MB, ${count.toLocaleString('en-US')} Documentos, batches of 100, concurrency ${concurrency}; each server in its own process`,
  );
  let fixedRss = 0;
  for (const kind of Object.keys(SERVERS)) {
    const ours = await against(kind, 'send-child.js', [file, concurrency]);
    if (kind !== 'simulator') fixedRss = ours.maxRssMb;
    if (ours.accepted !== count) throw new Error(`unexpected result: ${JSON.stringify(ours)}`);
    const floor = await against(kind, 'floor-child.js', [file, concurrency, '100']);
    if (floor.accepted !== count) throw new Error(`unexpected floor result: ${JSON.stringify(floor)}`);
    const soap = await against(kind, 'soap-child.js', [file, concurrency, '100']);
    if (soap.accepted !== count) throw new Error(`unexpected node-soap result: ${JSON.stringify(soap)}`);
    const rate = (r) => count / r.seconds;
    const perDoc = (r) => fmt((1000 * r.cpuSeconds) / count, 3);
    console.log(`  against the ${kind}:`);
    console.log(
      `    pi-sender: ${fmt(ours.seconds, 2)} s, ${fmt(rate(ours), 0)} docs/s, client CPU ${perDoc(ours)} ms per Documento, peak RSS ${fmt(ours.maxRssMb, 0)} MB (read, normalize, validate, send, report, journal)`,
    );
    console.log(
      `    floor:     ${fmt(floor.seconds, 2)} s, ${fmt(rate(floor), 0)} docs/s, CPU ${perDoc(floor)} ms per Documento (the same ${floor.requests} batches pre-built, POSTed by a bare undici loop)`,
    );
    console.log(
      `    node-soap: ${fmt(soap.seconds, 2)} s, ${fmt(rate(soap), 0)} docs/s, CPU ${perDoc(soap)} ms per Documento (a minimal client from the WSDL, the same batches pre-read, no validation)`,
    );
    const target = kind === 'simulator' ? 0.9 : 0.3;
    console.log(
      `    ratio pi-sender / floor: ${fmt(rate(ours) / rate(floor), 2)} (target >= ${target}); pi-sender / node-soap: ${fmt(rate(ours) / rate(soap), 2)}; client CPU target <= 0.1 ms per Documento; RSS target < 250 MB`,
    );
  }
  const big = await against('fixed-answer server', 'send-child.js', [await listaFile(LARGE), concurrency]);
  if (big.accepted !== LARGE) throw new Error(`unexpected result: ${JSON.stringify(big)}`);
  printFlatness(fixedRss, big.maxRssMb);
  // The client's own cost, without a simulator competing for the two cores.
  const prof = await profilePhases((execArgv) => against('fixed-answer server', 'send-child.js', [file, concurrency], execArgv));
  console.log('  against the fixed-answer server:');
  printPhases(prof.threads, count, fmt);
}

/** A connected client of this machine's PostgreSQL, as the bench's SPE. */
async function pgClient(database) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database });
  await client.connect();
  return client;
}

/** A PostgreSQL database with the sample SPE at scale, loaded once and kept for later runs. */
async function benchDatabase(processes) {
  const { sampleSql } = await import('../dist/cli/sample-spe.js');
  const name = `pi_bench_${processes}`;
  const admin = await pgClient('postgres');
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
  if (!exists) {
    process.stdout.write(`loading ${processes.toLocaleString('en-US')} processes into PostgreSQL database ${name} (once)... `);
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await pgClient(name);
    for (const sql of sampleSql('postgres', { processes, moves: 6 }, 2000)) await db.query(sql);
    // As autovacuum would soon after: without statistics the planner picks sequential scans.
    await db.query('ANALYZE');
    await db.end();
    process.stdout.write('done\n');
  }
  await admin.end();
  const db = await pgClient(name);
  const counts = (await db.query('SELECT (SELECT count(*) FROM processo) AS p, (SELECT count(*) FROM andamento) AS a')).rows[0];
  await db.end();
  return { name, processes: Number(counts.p), andamentos: Number(counts.a) };
}

/** Pages (heap, index, TOAST) the SPE database has read or found in its buffers, from PostgreSQL's own counters. */
async function spePages(client) {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const r = await client.query(
    `SELECT sum(coalesce(heap_blks_read, 0) + coalesce(heap_blks_hit, 0) + coalesce(idx_blks_read, 0) + coalesce(idx_blks_hit, 0)
      + coalesce(toast_blks_read, 0) + coalesce(toast_blks_hit, 0) + coalesce(tidx_blks_read, 0) + coalesce(tidx_blks_hit, 0))::bigint AS pages
     FROM pg_statio_user_tables`,
  );
  return Number(r.rows[0].pages);
}

async function benchExport() {
  const processes = args.includes('--documentos') ? count : 100_000;
  const db = await benchDatabase(processes);
  console.log(
    `\nexport: PostgreSQL database ${db.name}: ${db.processes.toLocaleString('en-US')} processes, ${db.andamentos.toLocaleString('en-US')} history items; to the local simulator (own process), fresh state store`,
  );
  const store = path.join(workDir, `export-state-${Date.now()}.db`);
  const spe = await pgClient(db.name);
  const sim = await SERVERS.simulator('bench');
  let added;
  const run = async () => {
    const before = await spePages(spe);
    const r = runNode('export-child.js', [db.name, sim.url, store], { PI_PASSWORD: 'bench' });
    // The export's backend flushes its counters when it disconnects; wait until they stop moving.
    let pages = (await spePages(spe)) - before;
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = (await spePages(spe)) - before;
      if (now === pages) break;
      pages = now;
    }
    return { ...r, pages };
  };
  try {
    const first = await run();
    console.log(
      `  first load: ${fmt(first.seconds, 1)} s (${fmt(first.seconds / 60, 2)} min), ${fmt(first.accepted / first.seconds, 0)} Documentos/s, peak RSS ${fmt(first.maxRssMb, 0)} MB; SPE pages read ${first.pages.toLocaleString('en-US')}`,
    );
    console.log(
      `    read ${first.processes.toLocaleString('en-US')} processes and queued ${first.items.toLocaleString('en-US')} published history items; sent ${first.due.toLocaleString('en-US')} Documentos: ${first.accepted.toLocaleString('en-US')} accepted, ${first.failed} failed`,
    );
    console.log('    targets: under 1 minute and under 250 MB');
    const idle = await run();
    console.log(
      `  nothing changed: ${fmt(idle.seconds, 2)} s, ${idle.processes} processes read, ${idle.due} sent; SPE pages read ${idle.pages.toLocaleString('en-US')} (targets: under 1 s and under 1,000 pages)`,
    );
    // 1 % of the processes get a new movement, recorded now (the SPE's local time); removed at the
    // end, so that the next bench run's window is empty again.
    added = Number((await spe.query('SELECT max(id) AS id FROM andamento')).rows[0].id);
    const changed = await spe.query(
      `INSERT INTO andamento (id, processo_id, tarefa, unidade_id, unidade_destino_id, data_hora, registrado_em)
       SELECT (SELECT max(id) FROM andamento) + row_number() OVER (), p.id, 'REMESSA', 1, 2,
              date_trunc('second', now() AT TIME ZONE 'America/Sao_Paulo'), date_trunc('second', now() AT TIME ZONE 'America/Sao_Paulo')
       FROM processo p WHERE p.id % 100 = 0`,
    );
    const some = await run();
    console.log(
      `  after ${changed.rowCount.toLocaleString('en-US')} processes (1 %) got a movement: ${fmt(some.seconds, 2)} s = ${fmt((100 * some.seconds) / first.seconds, 1)} % of the first load, ${some.due.toLocaleString('en-US')} sent; SPE pages read ${some.pages.toLocaleString('en-US')} (target: under 5 % of the first load)`,
    );
  } finally {
    sim.stop();
    if (added !== undefined) await spe.query('DELETE FROM andamento WHERE id > $1', [added]);
    await spe.end();
  }
}

const benches = {
  startup: () => benchStartup(fmt),
  validate: benchValidate,
  send: benchSend,
  export: benchExport,
  store: () => benchStoreCommands(workDir, fmt),
  report: () => benchReport(workDir, fmt),
  console: () => benchConsole(workDir, fmt),
  library: () => benchLibrary(workDir, fmt),
};
for (const [name, fn] of Object.entries(benches)) {
  if (only.length === 0 || only.includes(name)) await fn();
}
