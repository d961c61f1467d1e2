import { describe, expect, it } from 'vitest';
import { SPUNET_NAMESPACE, siafiEndpoint } from '../../src/siafi/endpoint.js';
import { makeNonce, requisicaoKey } from '../../src/siafi/nonce.js';
import { findOperation, OPERATIONS } from '../../src/siafi/operations.js';
import { checkCabecalho, checkRequisicao, SiafiValidationError, type SiafiProblem } from '../../src/siafi/validate.js';
import { cabecalhoXml, operationXml } from '../../src/siafi/xml.js';
import { SAMPLE_REQUISICOES } from '../helpers/siafi.js';

function problems(op: Parameters<typeof checkRequisicao>[0], r: unknown): SiafiProblem[] {
  try {
    checkRequisicao(op, r);
  } catch (err) {
    if (err instanceof SiafiValidationError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('restrictions of the interface document (§4.1)', () => {
  it('accepts every sample', () => {
    for (const op of OPERATIONS) expect(problems(op.name, SAMPLE_REQUISICOES[op.name]), op.name).toEqual([]);
  });

  it('reports every violation with its field path, before anything is sent', () => {
    const bad = {
      grupoRequisicao: 2,
      codTipoRequisicao: '12345',
      codUG: 1234567,
      observacao: 'x'.repeat(469),
      dadosPadraoBem: [
        { dadosBem: { classeBem: 4, tipoBem: 123, ripBem: 123456, utilizacaoBem: 1, parcelaBem: 1000 }, valorBem: '0.00' },
        { dadosBem: { classeBem: 1, tipoBem: 1, ripBem: '1234567', utilizacaoBem: 1, parcelaBem: 1, extra: 1 }, valorBem: 10.555 },
        { valorBem: '1234567890123456' },
      ],
    };
    const p = problems('criarSPURequisicaoIncorporacao', bad).map((x) => `${x.path} ${x.code}`);
    expect(p).toEqual([
      'codTipoRequisicao SIAFI_RESTRICTION',
      'codUG SIAFI_RESTRICTION',
      'observacao SIAFI_RESTRICTION',
      'dadosPadraoBem[0].dadosBem.classeBem SIAFI_RESTRICTION',
      'dadosPadraoBem[0].dadosBem.tipoBem SIAFI_RESTRICTION',
      'dadosPadraoBem[0].dadosBem.ripBem SIAFI_TYPE',
      'dadosPadraoBem[0].dadosBem.parcelaBem SIAFI_RESTRICTION',
      'dadosPadraoBem[0].valorBem SIAFI_RESTRICTION',
      'dadosPadraoBem[1].dadosBem.extra SIAFI_UNKNOWN_FIELD',
      'dadosPadraoBem[1].dadosBem.ripBem SIAFI_RESTRICTION',
      'dadosPadraoBem[1].valorBem SIAFI_RESTRICTION',
      'dadosPadraoBem[2].dadosBem SIAFI_REQUIRED',
      'dadosPadraoBem[2].valorBem SIAFI_RESTRICTION',
      'grupoRequisicao SIAFI_GRUPO',
    ]);
  });

  it('explains in words', () => {
    const p = problems('criarSPURequisicaoBaixa', {
      ...SAMPLE_REQUISICOES.criarSPURequisicaoBaixa,
      dadosPadraoBem: [{ dadosBem: { classeBem: 1, tipoBem: 1, ripBem: 123, utilizacaoBem: 1, parcelaBem: 1 }, valorBem: 1 }],
    });
    expect(p).toEqual([
      { path: 'dadosPadraoBem[0].dadosBem.ripBem', code: 'SIAFI_TYPE', message: 'RIP must be text (in quotes: leading zeros matter), not 123' },
    ]);
  });

  it('occurrences 1..100, blank text, lists and booleans', () => {
    const one = SAMPLE_REQUISICOES.criarSPURequisicaoAvaliacao.dadosPadraoBem[0]!;
    expect(
      problems('criarSPURequisicaoAvaliacao', { ...SAMPLE_REQUISICOES.criarSPURequisicaoAvaliacao, dadosPadraoBem: Array(101).fill(one) })[0],
    ).toMatchObject({ path: 'dadosPadraoBem', code: 'SIAFI_OCCURS' });
    expect(problems('criarSPURequisicaoAvaliacao', { ...SAMPLE_REQUISICOES.criarSPURequisicaoAvaliacao, dadosPadraoBem: [] })[0]).toMatchObject({
      code: 'SIAFI_OCCURS',
    });
    expect(problems('criarSPURequisicaoAvaliacao', { ...SAMPLE_REQUISICOES.criarSPURequisicaoAvaliacao, observacao: '   ' })[0]).toMatchObject({
      path: 'observacao',
      code: 'SIAFI_BLANK',
    });
    expect(problems('criarSPURequisicaoDepreciacao', { ...SAMPLE_REQUISICOES.criarSPURequisicaoDepreciacao, depreciacaoMensal: 'sim' })[0]).toMatchObject({
      path: 'depreciacaoMensal',
      code: 'SIAFI_TYPE',
    });
    const dep = SAMPLE_REQUISICOES.criarSPURequisicaoDepreciacao;
    expect(
      problems('criarSPURequisicaoDepreciacao', { ...dep, dadosDepreciacaoBens: [{ ...dep.dadosDepreciacaoBens[0], itemListaBensImoveis: [] }] })[0],
    ).toMatchObject({ path: 'dadosDepreciacaoBens[0].itemListaBensImoveis', code: 'SIAFI_OCCURS' });
    expect(
      problems('estornarSPURequisicao', { ...SAMPLE_REQUISICOES.estornarSPURequisicao, anoRequisicaoSPU: 26, grupoRequisicao: 9 }).map((x) => x.path),
    ).toEqual(['grupoRequisicao', 'anoRequisicaoSPU']);
    expect(problems('estornarSPURequisicao', [])[0]).toMatchObject({ code: 'SIAFI_TYPE' });
  });

  it('Valor: > 0, 15 integer and 2 decimal digits', () => {
    const v = (valorBem: unknown): SiafiProblem[] =>
      problems('criarSPURequisicaoBaixa', {
        ...SAMPLE_REQUISICOES.criarSPURequisicaoBaixa,
        dadosPadraoBem: [{ ...SAMPLE_REQUISICOES.criarSPURequisicaoBaixa.dadosPadraoBem[0], valorBem }],
      });
    for (const ok of ['0.01', '999999999999999.99', 12.5, '007.10']) expect(v(ok), String(ok)).toEqual([]);
    for (const bad of ['0', 0, -1, '1,50', '1e3', 1e21, '1.001', '1000000000000000', 'abc', true]) expect(v(bad), String(bad)).toHaveLength(1);
  });
});

describe('the wire form', () => {
  it('writes the parameter in the document order, unqualified, with grupo filled, no absent optional', () => {
    const dep = { ...SAMPLE_REQUISICOES.criarSPURequisicaoDepreciacao };
    delete dep.depreciacaoMensal;
    const xml = operationXml(checkRequisicao('criarSPURequisicaoDepreciacao', dep), SPUNET_NAMESPACE);
    expect(xml).toBe(
      `<ns0:criarSPURequisicaoDepreciacao xmlns:ns0="${SPUNET_NAMESPACE}"><spuRequisicaoDepreciacao><grupoRequisicao>6</grupoRequisicao><codTipoRequisicao>601</codTipoRequisicao><codUG>170001</codUG>` +
        '<observacao>Depreciação de novembro</observacao><dadosDepreciacaoBens><classeBens>2</classeBens><tipoBens>11</tipoBens><valorDepreciacaoBens>300.00</valorDepreciacaoBens>' +
        '<itemListaBensImoveis><ripBem>00123456</ripBem><utilizacaoBem>1</utilizacaoBem><parcelaBem>1</parcelaBem><valorDepreciacaoBem>300.00</valorDepreciacaoBem></itemListaBensImoveis></dadosDepreciacaoBens></spuRequisicaoDepreciacao></ns0:criarSPURequisicaoDepreciacao>',
    );
    expect(xml).not.toMatch(/<(\w+)><\/\1>|\/>/);
  });

  it('escapes text and writes the header', () => {
    const xml = operationXml(checkRequisicao('criarSPURequisicaoBaixa', { ...SAMPLE_REQUISICOES.criarSPURequisicaoBaixa, observacao: 'A & B <c>' }), 'urn:x');
    expect(xml).toContain('<observacao>A &amp; B &lt;c&gt;</observacao>');
    expect(cabecalhoXml(checkCabecalho({ ug: 170001, nonce: 'n&1' }), 'urn:x')).toBe(
      '<ns0:cabecalhoSIAFI xmlns:ns0="urn:x"><ug>170001</ug><bilhetador><nonce>n&amp;1</nonce></bilhetador></ns0:cabecalhoSIAFI>',
    );
    expect(() => checkCabecalho({ ug: undefined, nonce: 'x'.repeat(65), nomeSistemaSIAFI: 'SIAFI2026HE-X' })).toThrow(
      /cabecalhoSIAFI.ug[\s\S]*nomeSistemaSIAFI[\s\S]*nonce/,
    );
  });

  it('nonces are deterministic, per content and generation, at most 64 characters', () => {
    const key = requisicaoKey('criarSPURequisicaoAjustesContabeis', '999999', '<x/>');
    expect(requisicaoKey('criarSPURequisicaoAjustesContabeis', '999999', '<x/>')).toBe(key);
    expect(requisicaoKey('criarSPURequisicaoAjustesContabeis', '999999', '<y/>')).not.toBe(key);
    const nonce = makeNonce('criarSPURequisicaoAjustesContabeis', '999999', key, 9999);
    expect(nonce).toMatch(/^spunet-999999-AJC-[0-9a-f]{20}-9999$/);
    expect(nonce.length).toBeLessThanOrEqual(64);
  });

  it('endpoints from environment and year; operations by alias', () => {
    expect(siafiEndpoint('producao', 2026)).toBe('https://servicos-siafi.tesouro.gov.br/siafi2026/services/integra/integrarSistemaSPUNet');
    expect(siafiEndpoint('homologacao', 2027)).toBe('https://homextservicos-siafi.tesouro.gov.br/siafi2027he/services/integra/integrarSistemaSPUNet');
    expect(() => siafiEndpoint('teste', 2026)).toThrow(/homologacao or producao/);
    expect(findOperation('estorno').name).toBe('estornarSPURequisicao');
    expect(findOperation('criarSPURequisicaoAtualizacaoAnual').alias).toBe('atualizacao-anual');
    expect(() => findOperation('compra')).toThrow(/incorporacao, avaliacao/);
  });
});
