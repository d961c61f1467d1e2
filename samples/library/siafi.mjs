// Send an SPU requisition to SIAFI (integrarSistemaSPUNet) from your own code. A crash or a lost
// answer never applies it twice: the requisition and its nonce are stored before it is sent.
// Needs: SIAFI_CPF, SIAFI_PASSWORD, SIAFI_CERT + SIAFI_KEY (or SIAFI_PFX), and SIAFI_ENDPOINT
// (or SIAFI_ENV=homologacao|producao); SIAFI_CA_FILE for a private CA, SIAFI_STORE for the store.
import { createSiafiSender, SiafiValidationError } from 'pi-sender';

const env = process.env;
const siafi = createSiafiSender({
  store: env.SIAFI_STORE ?? 'pi-sender-siafi.db',
  endpoint: env.SIAFI_ENDPOINT, // else: environment 'homologacao' and the current year
  cpf: env.SIAFI_CPF,
  password: env.SIAFI_PASSWORD,
  tls: { certFile: env.SIAFI_CERT, keyFile: env.SIAFI_KEY, caFile: env.SIAFI_CA_FILE },
});

const incorporacao = {
  codTipoRequisicao: 101,
  codUG: 170001,
  observacao: 'Incorporação do imóvel da Rua A, 10',
  dadosPadraoBem: [{ dadosBem: { classeBem: 2, tipoBem: 11, ripBem: '00123456', utilizacaoBem: 1, parcelaBem: 1 }, valorBem: '1500000.00' }],
};

try {
  // Refused before anything is sent: every problem, with its field path.
  await siafi.send('criarSPURequisicaoIncorporacao', { ...incorporacao, observacao: '', dadosPadraoBem: [{ ...incorporacao.dadosPadraoBem[0], valorBem: 0 }] });
} catch (err) {
  if (!(err instanceof SiafiValidationError)) throw err;
  for (const p of err.problems) console.log(`invalid: ${p.path} ${p.code}`);
}

const { record, outcome } = await siafi.send('criarSPURequisicaoIncorporacao', incorporacao);
if (record.state === 'SUCESSO') {
  console.log(`SUCESSO: requisição ${outcome.resposta.anoRequisicaoSPU}RI${outcome.resposta.numRequisicaoSPU}, NS ${outcome.resposta.numNS}`);
} else if (record.state === 'INDEFINIDA') {
  console.log(`unknown outcome: sent again with nonce ${record.nonce} by siafi.retryDue() after ${record.nextAttemptAt}`);
} else {
  console.log(`${record.state}: ${record.message}`);
}

// From a timer or a cron job: requisitions whose outcome is unknown go again, each with its own nonce.
await siafi.retryDue();
console.log(`unsettled: ${siafi.unsettled().length}`);
await siafi.close();
