// The floor of the send benchmark: the same batches, pre-built before the clock starts, POSTed by a
// bare undici loop with the same concurrency. What is left is the simulator and the network.
import { Agent, request } from 'undici';
import { readListaDocumentos } from '../dist/standard/reader.js';
import { normalizeDocumento } from '../dist/standard/normalize.js';
import { documentoXml } from '../dist/standard/writer.js';

const [file, url, user, concurrency, batchSize] = process.argv.slice(2);
const NS = 'http://endpoint.ws.protocolo.gov.br/';
const bodies = [];
let batch = [];
const flush = () => {
  if (batch.length === 0) return;
  bodies.push(
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header></soapenv:Header><soapenv:Body><end:enviarListaDocumentos xmlns:end="${NS}"><ListaDocumentos>${batch.join('')}</ListaDocumentos></end:enviarListaDocumentos></soapenv:Body></soapenv:Envelope>`,
  );
  batch = [];
};
for await (const ev of readListaDocumentos(file)) {
  if (ev.kind !== 'documento') continue;
  batch.push(documentoXml(normalizeDocumento(ev.documento).documento));
  if (batch.length >= Number(batchSize)) flush();
}
flush();
const agent = new Agent({ keepAliveTimeout: 30_000 });
const headers = {
  'content-type': 'text/xml; charset=utf-8',
  soapaction: '""',
  authorization: `Basic ${Buffer.from(`${user}:${process.env.PI_PASSWORD}`).toString('base64')}`,
};
let next = 0;
let ok = 0;
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
async function worker() {
  while (next < bodies.length) {
    const body = bodies[next++];
    const res = await request(url, { method: 'POST', body, headers, dispatcher: agent });
    const text = await res.body.text();
    if (res.statusCode === 200) ok += (text.match(/<Resultado>Ok!<\/Resultado>/g) ?? []).length;
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
await agent.close();
process.stdout.write(JSON.stringify({ requests: bodies.length, accepted: ok, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
