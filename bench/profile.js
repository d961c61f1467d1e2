// Where a command's CPU goes, by phase: V8 CPU profiles (`node --cpu-prof`) of every thread of the
// real command, each sample given to the phase of the innermost frame that belongs to one. So each
// optimisation can be chosen by its measured share, not by a guess.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Phases by the file (or runtime) a frame comes from, tried in this order on each frame. */
const PHASES = [
  ['report and journal', /\/dist\/upload\/(report|journal)\.js$|\/dist\/store\//],
  ['envelope', /\/dist\/soap\/(envelope|client|wsse)\.js$|\/dist\/pi\/(client|rest-client)\.js$|\/fast-xml-parser\//],
  ['HTTP', /\/undici\/|\/dist\/soap\/(transport|tls)\.js$|^node:(net|tls|http|_http_\w+|stream|internal\/(stream|net|http|tls)\S*)$/],
  ['write XML', /\/dist\/standard\/writer\.js$/],
  ['XSD', /\/dist\/standard\/(xsd(-pool|-worker)?|compiled-schema)\.js$|\/libxml2-wasm\/|^wasm:\/\//],
  ['rules', /\/dist\/standard\/(rules|nup|lines|problems)\.js$/],
  ['normalize', /\/dist\/standard\/(normalize|cpf)\.js$/],
  ['read and decode', /\/dist\/standard\/(reader|decoder|ampersand-guard|plain-part)\.js$|\/saxes\/|^node:(fs|internal\/fs\S*)$/],
  ['pipeline and control', /\/dist\//],
];
/** Helpers shared by several phases: a sample there belongs to the phase of whoever called it. */
const SHARED = /\/dist\/standard\/(datetime|text)\.js$/;

function phaseOfFrame(frame) {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 and native (program)';
  if (!url || SHARED.test(url)) return undefined;
  for (const [phase, test] of PHASES) if (test.test(url)) return phase;
  return undefined;
}

/** CPU milliseconds per phase in one profile (idle excluded). */
function phasesOf(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const phaseOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    let phase;
    for (let at = id; at !== undefined && phase === undefined; at = parent.get(at)) phase = phaseOfFrame(byId.get(at).callFrame);
    phase ??= 'other (Node.js internals)';
    memo.set(id, phase);
    return phase;
  };
  const ms = {};
  profile.samples.forEach((id, i) => {
    const phase = phaseOf(id);
    ms[phase] = (ms[phase] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  delete ms.idle;
  return ms;
}

/** Runs `run(execArgv)` with --cpu-prof into a fresh folder and returns the phases of each thread (main first). */
export async function profilePhases(run) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pi-bench-prof-'));
  try {
    const result = await run(['--cpu-prof', '--cpu-prof-interval', '500', '--cpu-prof-dir', dir]);
    // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread.
    const threads = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => ({ thread: Number(f.split('.')[4]), ms: phasesOf(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))) }))
      .sort((a, b) => a.thread - b.thread);
    return { result, threads };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints each thread's CPU by phase, largest first, with its share of that thread's CPU. */
export function printPhases(threads, documentos, fmt) {
  const total = {};
  for (const t of threads) for (const [p, v] of Object.entries(t.ms)) total[p] = (total[p] ?? 0) + v;
  const all = Object.values(total).reduce((a, b) => a + b, 0);
  console.log(
    `  CPU by phase (--cpu-prof of every thread): ${fmt(all / 1000, 2)} CPU-s in all, ${fmt(all / documentos, 3)} ms per Documento; main thread + ${threads.length - 1} worker(s)`,
  );
  for (const [phase, v] of Object.entries(total).sort((a, b) => b[1] - a[1])) {
    const per = threads.map((t) => `${t.thread === 0 ? 'main' : `worker ${t.thread}`} ${fmt((t.ms[phase] ?? 0) / 1000, 2)}`).join(', ');
    console.log(`    ${phase.padEnd(26)} ${fmt(v / 1000, 2).padStart(7)} s ${fmt((100 * v) / all, 1).padStart(5)} %   (${per})`);
  }
}
