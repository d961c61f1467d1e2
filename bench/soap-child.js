// What a user would write instead of pi-sender: a minimal node-soap client built from the WSDL,
// sending the same batches (pre-read and normalized before the clock starts, no validation, no
// report, no journal). Its CPU per Documento is the yardstick for the client's own cost.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { readListaDocumentos } from '../dist/standard/reader.js';
import { normalizeDocumento } from '../dist/standard/normalize.js';

const [file, url, user, concurrency, batchSize] = process.argv.slice(2);
const batches = [];
let batch = [];
for await (const ev of readListaDocumentos(file)) {
  if (ev.kind !== 'documento') continue;
  batch.push(normalizeDocumento(ev.documento).documento);
  if (batch.length >= Number(batchSize)) {
    batches.push(batch);
    batch = [];
  }
}
if (batch.length) batches.push(batch);

// The project's WSDL from disk (a fixed-answer server serves none), the address of the server under test.
const wsdl = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'xsd', 'protocolo-integrado.wsdl');
const client = await soap.createClientAsync(wsdl, { endpoint: url });
client.setSecurity(new soap.BasicAuthSecurity(user, process.env.PI_PASSWORD));
let next = 0;
let ok = 0;
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
async function worker() {
  while (next < batches.length) {
    const docs = batches[next++];
    const [result] = await client.enviarListaDocumentosAsync({ ListaDocumentos: { Documento: docs } });
    const list = result?.ResultadoDocumento ?? result?.return?.ResultadoDocumento ?? [];
    for (const r of Array.isArray(list) ? list : [list]) if (r?.Resultado === 'Ok!') ok++;
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ requests: batches.length, accepted: ok, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
