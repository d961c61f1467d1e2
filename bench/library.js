// The library's enqueue: 10,000 calls under Promise.all (a group commit) and calls awaited one at a
// time (one commit, one fsync each, is the floor); then one flush of all of them to the fixed-answer
// server, so that the figure is the sender's, not a simulator's. Targets: >= 2,000/s, >= 150/s and
// >= 2,000 Documentos/s.
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { createSender } from '../dist/library/sender.js';
import { startFixedServer } from './server-process.js';

const documento = (i) => ({
  Protocolo: `99991${String(i).padStart(6, '0')}2025`,
  DataHoraProducao: '2025-03-10T00:00:00-03:00',
  Especie: 'Processo',
  Assunto: 'Pedido de certidão - Requerimento',
  Historico: {
    ItemHistorico: [{ DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'DIPRO/Ministério Exemplo', Operacao: 'Processo público gerado' }],
  },
});

export async function benchLibrary(workDir, fmt) {
  console.log('\nlibrary: enqueue into a fresh state store (synchronous=FULL: every commit is an fsync), then flush');
  const server = await startFixedServer();
  const sender = createSender({
    store: path.join(mkdtempSync(path.join(workDir, 'lib-')), 'pi.db'),
    pi: { endpoint: server.url, user: 'u', password: 'senha-bench' },
  });
  try {
    // Protocolos need valid check digits: compute them the way the standard does.
    const { nupCheckDigits } = await import('../dist/standard/nup.js');
    const valid = (i) => {
      const d = documento(i);
      d.Protocolo = `${d.Protocolo.slice(0, 15)}${nupCheckDigits(d.Protocolo.slice(0, 15))}`;
      return d;
    };
    const n = 10_000;
    let t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: n }, (_, i) => sender.enqueue(valid(i + 1))));
    const together = n / (Number(process.hrtime.bigint() - t0) / 1e9);
    const m = 300;
    t0 = process.hrtime.bigint();
    for (let i = 0; i < m; i++) await sender.enqueue(valid(n + i + 1));
    const oneByOne = m / (Number(process.hrtime.bigint() - t0) / 1e9);
    console.log(`  ${n.toLocaleString('en-US')} enqueues under Promise.all: ${fmt(together, 0)}/s (target >= 2,000/s)`);
    console.log(`  ${m} enqueues awaited one at a time: ${fmt(oneByOne, 0)}/s (target >= 150/s)`);
    t0 = process.hrtime.bigint();
    const outcomes = await sender.flush();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const accepted = outcomes.filter((o) => o.outcome === 'accepted').length;
    if (accepted !== n + m) throw new Error(`flush: ${accepted} of ${n + m} accepted`);
    console.log(
      `  flush of the ${(n + m).toLocaleString('en-US')} to the fixed-answer server: ${fmt(seconds, 2)} s, ${fmt(accepted / seconds, 0)} Documentos/s (target >= 2,000/s)`,
    );
  } finally {
    await sender.close();
    server.stop();
  }
}
