// `npm run bench`: prints throughput and memory figures. Not a test: figures, not pass/fail.
// Usage: npm run bench [-- validate] [-- --documentos N]
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLista } from './generate.js';
import { benchConsole } from './console.js';
import { benchLibrary } from './library.js';
import { benchReport } from './report.js';
import { benchStartup } from './startup.js';

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

function runNode(script, scriptArgs, env = {}) {
  const r = spawnSync(process.execPath, [path.join(here, script), ...scriptArgs], { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function benchValidate() {
  const file = await listaFile(count);
  const size = statSync(file).size;
  console.log(`\nvalidate: ${fmt(mb(size))} MB, ${count.toLocaleString('en-US')} Documentos (strict profile, XSD per Documento + rules)`);
  const r = runNode('validate-child.js', [file]);
  if (r.documentos !== count || r.errors !== 0) throw new Error(`unexpected result: ${JSON.stringify(r)}`);
  const ours = mb(size) / r.seconds;
  console.log(`  pi-sender: ${fmt(r.seconds, 2)} s, ${fmt(r.documentos / r.seconds, 0)} docs/s, ${fmt(ours)} MB/s, peak RSS ${fmt(r.maxRssMb, 0)} MB`);
  console.log(`  targets:   >= 20 MB/s, peak RSS < 250 MB`);
  const which = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.log('  xmllint:   not installed (apt-get install libxml2-utils) - no comparison');
    return;
  }
  const schema = path.join(here, '..', 'xsd', 'protocolo-integrado.xsd');
  const t0 = process.hrtime.bigint();
  const x = spawnSync('xmllint', ['--noout', '--stream', '--schema', schema, file], { encoding: 'utf8' });
  const xs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (x.status !== 0) throw new Error(`xmllint failed: ${x.stderr.slice(0, 500)}`);
  const theirs = mb(size) / xs;
  console.log(`  xmllint --stream --schema: ${fmt(xs, 2)} s, ${fmt(theirs)} MB/s (native libxml2, whole file, no extra rules)`);
  console.log(`  ratio pi-sender / xmllint: ${fmt(ours / theirs, 2)}`);
}

/** Starts `pi-sender simulator` in its own process; resolves with its URL and a stop function. */
async function startSimulator(password) {
  const child = spawn(process.execPath, [path.join(here, '..', 'dist', 'cli', 'main.js'), 'simulator', '--port', '0', '--max-docs', '100'], {
    env: { ...process.env, PI_SIMULATOR_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = await once(createInterface({ input: child.stdout }), 'line');
  return { url: first.replace('listening on ', ''), stop: () => child.kill('SIGTERM') };
}

async function benchSend() {
  const file = await listaFile(count);
  const size = statSync(file).size;
  const password = 'bench';
  const concurrency = 2;
  console.log(
    `\nsend: ${fmt(mb(size))} MB, ${count.toLocaleString('en-US')} Documentos to the local simulator (own process, batches of 100, concurrency ${concurrency})`,
  );
  let sim = await startSimulator(password);
  let ours;
  try {
    ours = runNode('send-child.js', [file, sim.url, 'simulador', String(concurrency)], { PI_PASSWORD: password });
  } finally {
    sim.stop();
  }
  if (ours.accepted !== count) throw new Error(`unexpected result: ${JSON.stringify(ours)}`);
  sim = await startSimulator(password);
  let floor;
  try {
    floor = runNode('floor-child.js', [file, sim.url, 'simulador', String(concurrency), '100'], { PI_PASSWORD: password });
  } finally {
    sim.stop();
  }
  if (floor.accepted !== count) throw new Error(`unexpected floor result: ${JSON.stringify(floor)}`);
  const oursRate = ours.documentos / ours.seconds;
  const floorRate = count / floor.seconds;
  console.log(
    `  pi-sender: ${fmt(ours.seconds, 2)} s, ${fmt(oursRate, 0)} docs/s, peak RSS ${fmt(ours.maxRssMb, 0)} MB (read, normalize, validate, send, report, journal)`,
  );
  console.log(
    `  floor:     ${fmt(floor.seconds, 2)} s, ${fmt(floorRate, 0)} docs/s (the same ${floor.requests} batches pre-built, POSTed by a bare undici loop)`,
  );
  console.log(`  ratio pi-sender / floor: ${fmt(oursRate / floorRate, 2)} (target >= 0.7); RSS target < 250 MB`);
}

/** A PostgreSQL database with the sample SPE at scale, loaded once and kept for later runs. */
async function benchDatabase(processes) {
  const pg = (await import('pg')).default;
  const { sampleSql } = await import('../dist/cli/sample-spe.js');
  const name = `pi_bench_${processes}`;
  const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
  if (!exists) {
    process.stdout.write(`loading ${processes.toLocaleString('en-US')} processes into PostgreSQL database ${name} (once)... `);
    await admin.query(`CREATE DATABASE ${name}`);
    const db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: name });
    await db.connect();
    for (const sql of sampleSql('postgres', { processes, moves: 6 }, 2000)) await db.query(sql);
    await db.end();
    process.stdout.write('done\n');
  }
  await admin.end();
  const db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: name });
  await db.connect();
  const counts = (await db.query('SELECT (SELECT count(*) FROM processo) AS p, (SELECT count(*) FROM andamento) AS a')).rows[0];
  await db.end();
  return { name, processes: Number(counts.p), andamentos: Number(counts.a) };
}

async function benchExport() {
  const processes = args.includes('--documentos') ? count : 100_000;
  const db = await benchDatabase(processes);
  console.log(
    `\nexport: PostgreSQL database ${db.name}: ${db.processes.toLocaleString('en-US')} processes, ${db.andamentos.toLocaleString('en-US')} history items; to the local simulator (own process), fresh state store`,
  );
  const store = path.join(workDir, `export-state-${Date.now()}.db`);
  const sim = await startSimulator('bench');
  let r;
  try {
    r = runNode('export-child.js', [db.name, sim.url, store], { PI_PASSWORD: 'bench' });
  } finally {
    sim.stop();
  }
  console.log(
    `  pi-sender: ${fmt(r.seconds, 1)} s total (${fmt(r.seconds / 60, 2)} min), ${fmt(r.accepted / r.seconds, 0)} Documentos/s, peak RSS ${fmt(r.maxRssMb, 0)} MB`,
  );
  console.log(
    `  read ${r.processes.toLocaleString('en-US')} processes and queued ${r.items.toLocaleString('en-US')} published history items; sent ${r.due.toLocaleString('en-US')} Documentos: ${r.accepted.toLocaleString('en-US')} accepted, ${r.failed} failed`,
  );
  console.log('  targets: under 5 minutes and under 300 MB');
}

const benches = {
  startup: () => benchStartup(fmt),
  validate: benchValidate,
  send: benchSend,
  export: benchExport,
  report: () => benchReport(workDir, fmt),
  console: () => benchConsole(workDir, fmt),
  library: () => benchLibrary(workDir, fmt),
};
for (const [name, fn] of Object.entries(benches)) {
  if (only.length === 0 || only.includes(name)) await fn();
}
