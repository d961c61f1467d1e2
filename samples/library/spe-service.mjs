// A tiny SPE service (plain node:http) that reports each process movement to the Protocolo Integrado.
//
//   POST /processos/{numero}/movimentos   {"unidade": "...", "operacao": "...", "quando": "2025-03-10T09:15:02-03:00"}
//   GET  /pi/status
//
// Each movement is enqueued (durably) before the request is answered; a background loop sends every
// 30 seconds. Run it with: node samples/library/spe-service.mjs  (it starts a local PI simulator when
// PI_ENDPOINT is not set). SIGTERM or Ctrl-C stop it after the flush in progress.
import http from 'node:http';
import { createSender, InvalidDocumentoError, startSimulator } from 'pi-sender';

// The SPE's own data: in a real system, its database.
const processos = new Map([
  ['99991000007202530', { especie: 'Processo', assunto: 'Pedido de certidão', autuado: '2025-03-10T00:00:00-03:00', interessados: ['Maria Exemplo da Silva'], acesso: 'publico' }],
  ['99991000003202551', { especie: 'Processo', assunto: 'Apuração disciplinar', autuado: '2025-03-11T00:00:00-03:00', interessados: [], acesso: 'sigiloso' }],
]);

const simulator = process.env.PI_ENDPOINT ? undefined : await startSimulator({ password: 'segredo' });
const sender = createSender({
  store: process.env.PI_SENDER_STORE ?? 'spe-service.db',
  pi: simulator ? { endpoint: simulator.url, user: 'simulador', password: 'segredo' } : {}, // else PI_ENDPOINT, PI_USER, PI_PASSWORD
});
sender.on('accepted', (o) => console.log(`PI accepted ${o.protocolo}`));
sender.on('rejected', (o) => console.error(`PI rejected ${o.protocolo}: ${o.code} ${o.message}`));
sender.on('error', (err) => console.error(`PI unreachable, will retry: ${err.message}`));
sender.start({ intervalMs: Number(process.env.PI_INTERVAL_MS ?? 30_000) });

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const move = /^\/processos\/(\d+)\/movimentos$/.exec(req.url ?? '');
  if (req.method === 'GET' && req.url === '/pi/status') return json(res, 200, sender.status());
  if (req.method !== 'POST' || !move) return json(res, 404, { error: 'not found' });
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', async () => {
    const processo = processos.get(move[1]);
    if (!processo) return json(res, 404, { error: 'unknown process' });
    try {
      const m = JSON.parse(body);
      const [result] = await sender.enqueue(
        {
          Protocolo: move[1],
          DataHoraProducao: processo.autuado,
          Especie: processo.especie,
          Assunto: processo.assunto,
          ...(processo.interessados.length ? { ListaInteressados: { Interessado: processo.interessados.map((NomeInteressado) => ({ NomeInteressado })) } } : {}),
          Historico: { ItemHistorico: [{ DataHoraOperacao: m.quando, UnidadeOperacao: m.unidade, Operacao: m.operacao }] },
        },
        { access: processo.acesso }, // sigiloso is never sent
      );
      json(res, 202, { queued: result.queued, protocolo: result.protocolo });
    } catch (err) {
      if (err instanceof InvalidDocumentoError) return json(res, 422, { error: err.message, problems: err.problems });
      json(res, 400, { error: err.message });
    }
  });
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => console.log(`SPE service on http://127.0.0.1:${server.address().port}`));

async function shutdown() {
  server.close();
  await sender.close(); // waits for the flush in progress
  await simulator?.close();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
