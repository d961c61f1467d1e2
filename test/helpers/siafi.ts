import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSiafiSender, type SiafiSender, type SiafiSenderConfig } from '../../src/library/siafi-sender.js';
import type { SiafiOperation, SiafiRequisicoes } from '../../src/siafi/types.js';
import { startSiafiSimulator, type SiafiSimulator, type SiafiSimulatorOptions } from '../../src/simulator/siafi-simulator.js';
import type { TestPki } from './certs.js';

export const SIAFI_CPF = '12345678909';
export const SIAFI_PASSWORD = 'senha-siafi';
export const SIAFI_UG = '170001';

export function siafiSimulator(pki: TestPki, options: Partial<SiafiSimulatorOptions> = {}): Promise<SiafiSimulator> {
  return startSiafiSimulator({
    tls: { cert: pki.read(pki.serverCert), key: pki.read(pki.serverKey), clientCa: pki.read(pki.caCert) },
    operators: [{ cpf: SIAFI_CPF, password: SIAFI_PASSWORD, ugs: [SIAFI_UG, '170002'] }],
    year: 2026,
    ...options,
  });
}

export function siafiSender(pki: TestPki, sim: SiafiSimulator, config: Partial<SiafiSenderConfig> = {}): SiafiSender {
  return createSiafiSender({
    endpoint: sim.url,
    cpf: SIAFI_CPF,
    password: SIAFI_PASSWORD,
    tls: { caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey },
    store: path.join(mkdtempSync(path.join(tmpdir(), 'pi-siafi-')), 'siafi.db'),
    timeoutSeconds: 5,
    ...config,
  });
}

const bem = (rip: string) => ({ classeBem: 2, tipoBem: 11, ripBem: rip, utilizacaoBem: 1, parcelaBem: 1 });

/** A valid requisition for every operation. */
export const SAMPLE_REQUISICOES: { [O in SiafiOperation]: SiafiRequisicoes[O] } = {
  criarSPURequisicaoIncorporacao: {
    codTipoRequisicao: 101,
    codUG: SIAFI_UG,
    observacao: 'Incorporação do imóvel da Rua A, 10',
    dadosPadraoBem: [{ dadosBem: bem('00123456'), valorBem: '1500000.00' }],
  },
  criarSPURequisicaoAvaliacao: {
    codTipoRequisicao: 201,
    codUG: SIAFI_UG,
    observacao: 'Reavaliação por laudo 12/2026',
    dadosPadraoBem: [{ dadosBem: bem('00123456'), valorBem: 1750000.5 }],
  },
  criarSPURequisicaoTransferencia: {
    codTipoRequisicao: 301,
    codUGOrigem: SIAFI_UG,
    codUGDestino: 170500,
    observacao: 'Transferência para a superintendência',
    dadosMudancaBem: [{ dadosOrigemBem: bem('00123456'), dadosDestinoBem: bem('00123456'), valorBem: '1750000.50' }],
  },
  criarSPURequisicaoBaixa: {
    codTipoRequisicao: 401,
    codUG: SIAFI_UG,
    observacao: 'Baixa por alienação',
    dadosPadraoBem: [{ dadosBem: bem('09999999'), valorBem: '10.01' }],
  },
  criarSPURequisicaoReclassificacao: {
    codTipoRequisicao: 501,
    codUG: SIAFI_UG,
    observacao: 'Reclassificação de uso especial para dominial',
    dadosMudancaBem: [{ dadosOrigemBem: bem('00123456'), dadosDestinoBem: { ...bem('00123456'), classeBem: 1 }, valorBem: '99.99' }],
  },
  criarSPURequisicaoDepreciacao: {
    codTipoRequisicao: 601,
    codUG: SIAFI_UG,
    depreciacaoMensal: false,
    observacao: 'Depreciação de novembro',
    dadosDepreciacaoBens: [
      {
        classeBens: 2,
        tipoBens: 11,
        valorDepreciacaoBens: '300.00',
        itemListaBensImoveis: [{ ripBem: '00123456', utilizacaoBem: 1, parcelaBem: 1, valorDepreciacaoBem: '300.00' }],
      },
    ],
  },
  criarSPURequisicaoAtualizacaoAnual: {
    codTipoRequisicao: 701,
    codUG: SIAFI_UG,
    observacao: 'Atualização anual 2026',
    dadosPadraoBem: [{ dadosBem: bem('00123456'), valorBem: '1800000' }],
  },
  criarSPURequisicaoAjustesContabeis: {
    codTipoRequisicao: 801,
    codUG: SIAFI_UG,
    observacao: 'Ajuste de saldo',
    dadosPadraoBem: [{ dadosBem: bem('00123456'), valorBem: '0.01' }],
  },
  estornarSPURequisicao: {
    grupoRequisicao: 1,
    codTipoRequisicao: 101,
    codUG: SIAFI_UG,
    anoRequisicaoSPU: 2026,
    codTipoRequisicaoSPU: 'RI',
    numRequisicaoSPU: 1,
    observacao: 'Estorno por erro de digitação',
  },
};
