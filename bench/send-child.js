// Measured part of the send benchmark: pi-sender's whole upload path, in its own process.
import { tuneHeapForStreaming } from '../dist/cli/memory.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PiClient } from '../dist/pi/client.js';
import { SoapClient } from '../dist/soap/client.js';
import { HttpTransport } from '../dist/soap/transport.js';
import { uploadFile } from '../dist/upload/upload.js';

tuneHeapForStreaming(); // as the pi-sender command does (run.js starts this child with its V8 flags)

const [file, url, user, concurrency] = process.argv.slice(2);
const transport = new HttpTransport({ basicAuth: { user, password: process.env.PI_PASSWORD } });
const report = path.join(mkdtempSync(path.join(tmpdir(), 'pi-bench-')), 'report.jsonl');
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
const s = await uploadFile({ file, report, client: new PiClient(new SoapClient(transport, url)), concurrency: Number(concurrency) });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
await transport.close();
process.stdout.write(
  JSON.stringify({
    documentos: s.documentos,
    accepted: s.accepted,
    batches: s.batches,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
