// Measured part of the validate benchmark, in its own process so that its peak RSS is its own.
import { tuneHeapForStreaming } from '../dist/cli/memory.js';
import { validateLista } from '../dist/standard/validate-stream.js';
import { inlineXsd, XsdPool } from '../dist/standard/xsd-pool.js';

tuneHeapForStreaming(); // as the pi-sender command does

const [file, mode = 'worker'] = process.argv.slice(2);
const xsd = mode === 'worker' ? new XsdPool() : inlineXsd;
const start = process.hrtime.bigint();
let documentos = 0;
let errors = 0;
for await (const ev of validateLista(file, { xsd })) {
  if (ev.kind === 'problem') {
    errors++;
    continue;
  }
  documentos++;
  errors += ev.problems.filter((p) => p.severity === 'error').length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
await xsd.close();
process.stdout.write(JSON.stringify({ documentos, errors, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
