/**
 * SIAFI cases from an adversarial run: the seed's own values accepted, an authentication refusal
 * retried with the same nonce, secrets echoed by the server kept out of the store and outputs.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskCpf } from '../../src/standard/cpf.js';
import { cabecalhoXml } from '../../src/siafi/xml.js';
import { checkRequisicao, SiafiValidationError } from '../../src/siafi/validate.js';
import { SPUNET_NAMESPACE } from '../../src/siafi/endpoint.js';
import type { SiafiSimulator } from '../../src/simulator/siafi-simulator.js';
import { makeTestPki, type TestPki } from '../helpers/certs.js';
import { SAMPLE_REQUISICOES, SIAFI_CPF, SIAFI_PASSWORD, siafiSender, siafiSimulator } from '../helpers/siafi.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

describe('requisitions as the interface document writes them', () => {
  it('grupoRequisicao "01" is the number 1 and goes canonical', () => {
    const checked = checkRequisicao('criarSPURequisicaoIncorporacao', { ...SAMPLE_REQUISICOES.criarSPURequisicaoIncorporacao, grupoRequisicao: '01' });
    expect(checked.node.children.find((c) => c.name === 'grupoRequisicao')).toEqual({ name: 'grupoRequisicao', text: '1' });
    expect(() => checkRequisicao('criarSPURequisicaoIncorporacao', { ...SAMPLE_REQUISICOES.criarSPURequisicaoIncorporacao, grupoRequisicao: '02' })).toThrow(
      /requires grupoRequisicao 1, not '02'/,
    );
  });

  it('codTipoRequisicaoSPU must be RI', () => {
    const estorno = SAMPLE_REQUISICOES.estornarSPURequisicao;
    expect(() => checkRequisicao('estornarSPURequisicao', { ...estorno, codTipoRequisicaoSPU: 'XY' })).toThrow(SiafiValidationError);
    expect(() => checkRequisicao('estornarSPURequisicao', { ...estorno, codTipoRequisicaoSPU: 'XY' })).toThrow(/CodTpSPU must be "RI", not 'XY'/);
    expect(() => checkRequisicao('estornarSPURequisicao', { ...estorno, codTipoRequisicaoSPU: 'RI' })).not.toThrow();
  });

  it("the project's bilhetador.xsd requires ug, as the document does (xmllint)", () => {
    const xsd = path.resolve('xsd/siafi/integrarSistemaSPUNet.xsd');
    const check = (doc: string): string => {
      try {
        execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], { input: doc, stdio: ['pipe', 'pipe', 'pipe'] });
        return 'valid';
      } catch (err) {
        return String((err as { stderr: Buffer }).stderr);
      }
    };
    const withUg = cabecalhoXml({ ug: '170001', nonce: 'n-1' }, SPUNET_NAMESPACE);
    expect(check(withUg)).toBe('valid');
    const without = withUg.replace('<ug>170001</ug>', '');
    expect(without).not.toContain('<ug>');
    expect(check(without)).toMatch(/fails to validate/);
  });
});

describe('authentication refusals and echoes, against the simulator', () => {
  let sim: SiafiSimulator;
  afterAll(() => sim.close());

  it('a plain Client fault "Usuário ou senha inválidos" is RECUSADA, and the fixed password sends the same nonce', async () => {
    sim = await siafiSimulator(pki, { authFailure: 'client' });
    const wrong = siafiSender(pki, sim, { password: 'senha-errada' });
    const store = wrong.store.file;
    const first = await wrong.send('criarSPURequisicaoIncorporacao', SAMPLE_REQUISICOES.criarSPURequisicaoIncorporacao);
    expect(first.record.state).toBe('RECUSADA');
    expect(first.outcome?.message).toMatch(/refused the credentials/);
    await wrong.close();
    const right = siafiSender(pki, sim, { store });
    const again = await right.send('criarSPURequisicaoIncorporacao', SAMPLE_REQUISICOES.criarSPURequisicaoIncorporacao);
    expect(again.record.state).toBe('SUCESSO');
    expect(again.record.nonce).toBe(first.record.nonce);
    expect(sim.requisicoes).toHaveLength(1);
    await right.close();
    await sim.close();
  });

  it('a fault that repeats the CPF and password reaches the store masked and redacted', async () => {
    sim = await siafiSimulator(pki, { script: 'echo-fault' });
    const sender = siafiSender(pki, sim);
    const file = sender.store.file;
    const r = await sender.send('criarSPURequisicaoIncorporacao', SAMPLE_REQUISICOES.criarSPURequisicaoIncorporacao);
    expect(r.outcome?.message).toContain(`usuário ${maskCpf(SIAFI_CPF)} (senha ***)`);
    await sender.close();
    const bytes = ['', '-wal']
      .map((suffix) => {
        try {
          return readFileSync(`${file}${suffix}`).toString('utf8');
        } catch {
          return '';
        }
      })
      .join('');
    expect(bytes).toContain('(senha ***)');
    expect(bytes).not.toContain(SIAFI_PASSWORD);
    expect(bytes).not.toContain(SIAFI_CPF);
  });
});
