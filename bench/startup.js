// Start-up cost of the CLI: the CPU (user + system) of `pi-sender --version` and of `pi-sender
// validate` on a small file, against a bare Node process that loads only the modules the same work
// needs (package.json; commander, the streaming validator and the XSD worker) and does it.
// Each figure is the median of several runs, from the child's own resource usage.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');
const sample = path.join(root, 'samples', 'lista-documentos.xml');
// Prints the process's own CPU time at exit, on stderr, after everything it did.
const hook = `data:text/javascript,${encodeURIComponent('process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("\\ncpu-us " + (u.user + u.system) + "\\n"); });')}`;

function cpuMs(args) {
  const r = spawnSync(process.execPath, ['--import', hook, ...args], { cwd: root, encoding: 'utf8' });
  const m = /cpu-us (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no CPU figure from ${args.join(' ')}: ${r.stderr.slice(0, 300)}`);
  return Number(m[1]) / 1000;
}

function median(args, runs = 7) {
  const all = Array.from({ length: runs }, () => cpuMs(args)).sort((a, b) => a - b);
  return all[Math.floor(runs / 2)];
}

const floor = path.join(root, 'bench', 'startup-floor.js');

export function benchStartup(fmt) {
  console.log('\nstart-up: CPU of a whole command against a bare node process loading only what it needs (median of 7)');
  const rows = [
    ['pi-sender --version', [cli, '--version'], [floor, 'version']],
    ['pi-sender validate (5 Documentos)', [cli, 'validate', sample], [floor, 'validate', sample]],
  ];
  for (const [what, ours, floor] of rows) {
    const a = median(ours);
    const b = median(floor);
    console.log(`  ${what}: ${fmt(a, 0)} ms CPU; modules it needs: ${fmt(b, 0)} ms; ratio ${fmt(a / b, 2)} (target <= 1.3)`);
  }
}
