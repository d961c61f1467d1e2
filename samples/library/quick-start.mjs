// pi-sender as a library: enqueue a Documento, send it, see the outcome.
// Runs as is against a local PI simulator: node samples/library/quick-start.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSender, InvalidDocumentoError, startSimulator } from 'pi-sender';

// In production: pi: { endpoint: 'producao', user: '99991', password: process.env.PI_PASSWORD }
const simulator = await startSimulator({ password: 'segredo' });
const sender = createSender({
  store: path.join(mkdtempSync(path.join(tmpdir(), 'pi-sender-')), 'pi-sender.db'),
  pi: { endpoint: simulator.url, user: 'simulador', password: 'segredo' },
});

sender.on('accepted', (o) => console.log(`accepted: ${o.protocolo}`));
sender.on('rejected', (o) => console.log(`rejected: ${o.protocolo} ${o.code} ${o.message}`));

// Resolves once the Documento is safely in the state store: a crash now loses nothing.
await sender.enqueue({
  Protocolo: '99991.000007/2025-30', // formatted or not
  DataHoraProducao: '2025-03-10T00:00:00-03:00',
  Especie: 'Processo',
  Assunto: 'Pedido de certidão - Requerimento de certidão de tempo de serviço',
  ListaInteressados: { Interessado: [{ NomeInteressado: 'Maria Exemplo da Silva 123.456.789-09' }] }, // the CPF is masked
  Historico: {
    ItemHistorico: [
      { DataHoraOperacao: '2025-03-10T09:15:02-03:00', UnidadeOperacao: 'Divisão de Protocolo/DIPRO/Ministério Exemplo', Operacao: 'Processo público gerado' },
    ],
  },
});

// An invalid Documento is refused at once, with every problem and its field.
try {
  await sender.enqueue({ Protocolo: '99991000007202531', DataHoraProducao: '2025-03-32', Especie: 'Processo', Assunto: 'x', Historico: { ItemHistorico: [] } });
} catch (err) {
  if (!(err instanceof InvalidDocumentoError)) throw err;
  for (const p of err.problems) console.log(`refused: ${p.field ?? 'Documento'}: ${p.code}`);
}

const outcomes = await sender.flush();
console.log(`flush: ${outcomes.map((o) => `${o.protocolo} ${o.outcome}`).join(', ')}`);
console.log(`status: ${JSON.stringify(sender.status().counts)}`);

await sender.close();
await simulator.close();
