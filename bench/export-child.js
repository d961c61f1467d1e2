// Measured part of the export benchmark: one export run (read PostgreSQL, store, send), in its own process.
import { tuneHeapForStreaming } from '../dist/cli/memory.js';
import { parseConfig } from '../dist/export/config.js';
import { configTemplate } from '../dist/export/config-template.js';
import { runExport } from '../dist/export/job.js';

tuneHeapForStreaming(); // as the pi-sender command does (run.js starts this child with its V8 flags)

const [database, url, store] = process.argv.slice(2);
const text = configTemplate('postgres', { endpoint: url, user: 'simulador', store })
  .replace('database: spe', `database: ${database}`)
  .replace('user: pi_sender', 'user: postgres');
const config = parseConfig(text, `${process.cwd()}/bench-export.yaml`, {});
const start = process.hrtime.bigint();
const s = await runExport({ config });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (s.error) throw new Error(s.error.message);
process.stdout.write(
  JSON.stringify({
    seconds,
    processes: s.extract.processes,
    items: s.extract.itemsNew,
    due: s.send.due,
    accepted: s.send.accepted,
    failed: s.send.failed,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
