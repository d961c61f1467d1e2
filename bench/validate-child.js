// Measured part of the validate benchmark, in its own process so that its peak RSS is its own.
// It reads as the `validate` command does (parts read by worker threads), the file as written.
import { tuneHeapForStreaming } from '../dist/cli/memory.js';
import { ListaReaders } from '../dist/standard/lista-readers.js';
import { validateListaInParallel } from '../dist/standard/validate-parallel.js';
import { XsdPool } from '../dist/standard/xsd-pool.js';

tuneHeapForStreaming(); // as the pi-sender command does (run.js starts this child with its V8 flags)

const [file] = process.argv.slice(2);
const xsd = new XsdPool();
const readers = new ListaReaders();
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
let documentos = 0;
let errors = 0;
for await (const ev of validateListaInParallel({ source: file, readers, xsd })) {
  if (ev.kind === 'problem') {
    errors++;
    continue;
  }
  documentos++;
  errors += ev.problems.filter((p) => p.severity === 'error').length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
await Promise.all([xsd.close(), readers.close()]);
process.stdout.write(
  JSON.stringify({
    documentos,
    errors,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    parts: readers.parts,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
