import { describe, expect, it } from 'vitest';
import { checkRules, DuplicateProtocolos } from '../../src/standard/rules.js';
import { clone, codes, validDocumento } from '../helpers/documentos.js';

describe('rules beyond the XSD', () => {
  it('a valid Documento passes every rule in both profiles', () => {
    expect(checkRules(validDocumento(), 'strict')).toEqual([]);
    expect(checkRules(validDocumento(), 'lenient')).toEqual([]);
  });

  it('NUP_CHECK_DIGITS: 17-digit Protocolo and ProtocoloRelacionado', () => {
    const d = validDocumento({ Protocolo: '99991000007202531' });
    d.ListaProtocolosRelacionados = { ProtocoloRelacionado: ['99991000003202551', '99991000003202550'] };
    const found = checkRules(d, 'strict');
    expect(codes(found)).toEqual(['NUP_CHECK_DIGITS', 'NUP_CHECK_DIGITS']);
    expect(found[0]!.field).toBe('Protocolo');
    expect(found[0]!.message).toContain('needs 30');
    expect(found[1]!.field).toBe('ListaProtocolosRelacionados/ProtocoloRelacionado[2]');
    // Other lengths carry no NUP check digits
    expect(checkRules(validDocumento({ Protocolo: '9999100001225' }), 'strict')).toEqual([]);
  });

  it('DATETIME_OFFSET: an error in strict, a warning in lenient', () => {
    const d = validDocumento({ DataHoraProducao: '2025-03-10T00:00:00' });
    d.Historico.ItemHistorico[1]!.DataHoraOperacao = '2025-03-11T14:40:27';
    const strict = checkRules(d, 'strict');
    expect(codes(strict)).toEqual(['DATETIME_OFFSET', 'DATETIME_OFFSET']);
    expect(strict.every((p) => p.severity === 'error')).toBe(true);
    expect(checkRules(d, 'lenient').every((p) => p.severity === 'warning')).toBe(true);
    expect(checkRules(validDocumento({ DataHoraProducao: '2025-03-10T03:00:00Z' }), 'strict')).toEqual([]);
  });

  it('CONTROL_CHARACTER: line breaks, tabs and other controls in any text', () => {
    const d = validDocumento({ Assunto: 'Pedido\nde certidão' });
    d.Historico.ItemHistorico[0]!.Operacao = 'Processo\u0001gerado';
    const found = checkRules(d, 'strict');
    expect(codes(found)).toEqual(['CONTROL_CHARACTER', 'CONTROL_CHARACTER']);
    expect(found[0]!.message).toContain('U+000A (a line break)');
    expect(found[1]!.field).toBe('Historico/ItemHistorico[1]/Operacao');
  });

  it('TEXT_BLANK: required texts only; UnidadeOperacao may be empty', () => {
    const d = validDocumento({ Especie: '   ' });
    d.Historico.ItemHistorico[0]!.UnidadeOperacao = '';
    expect(codes(checkRules(d, 'strict'))).toEqual(['TEXT_BLANK']);
  });

  it('NOME_INTERESSADO_LENGTH and UNIDADE_OPERACAO_LENGTH count characters, not bytes', () => {
    const d = clone(validDocumento());
    d.ListaInteressados!.Interessado[0]!.NomeInteressado = 'ç'.repeat(150);
    d.Historico.ItemHistorico[0]!.UnidadeOperacao = 'ã'.repeat(300);
    expect(checkRules(d, 'strict')).toEqual([]);
    d.ListaInteressados!.Interessado[0]!.NomeInteressado = 'ç'.repeat(151);
    d.Historico.ItemHistorico[0]!.UnidadeOperacao = 'ã'.repeat(301);
    expect(codes(checkRules(d, 'strict'))).toEqual(['NOME_INTERESSADO_LENGTH', 'UNIDADE_OPERACAO_LENGTH']);
  });

  it('ESPECIE_LENGTH: only in the strict profile', () => {
    const d = validDocumento({ Especie: 'E'.repeat(51) });
    expect(codes(checkRules(d, 'strict'))).toEqual(['ESPECIE_LENGTH']);
    expect(checkRules(d, 'lenient')).toEqual([]);
  });

  it('CPF_UNMASKED: a warning that never repeats the CPF', () => {
    const d = clone(validDocumento());
    d.ListaInteressados!.Interessado[1]!.NomeInteressado = 'João 529.982.247-25';
    const found = checkRules(d, 'strict');
    expect(codes(found)).toEqual(['CPF_UNMASKED']);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).not.toMatch(/529|982|247/);
    // An invalid CPF-like number is not a CPF
    d.ListaInteressados!.Interessado[1]!.NomeInteressado = 'João 529.982.247-26';
    expect(checkRules(d, 'strict')).toEqual([]);
  });

  it('HISTORICO_ORDER: a warning on the first item earlier than one before it, across offsets', () => {
    const d = clone(validDocumento());
    d.Historico.ItemHistorico.push({ DataHoraOperacao: '2025-03-11T17:00:00Z', UnidadeOperacao: 'X', Operacao: 'Y' });
    // 17:00Z is 14:00-03:00, earlier than item 2 (14:40-03:00)
    const found = checkRules(d, 'strict');
    expect(codes(found)).toEqual(['HISTORICO_ORDER']);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.field).toBe('Historico/ItemHistorico[3]/DataHoraOperacao');
    d.Historico.ItemHistorico[2]!.DataHoraOperacao = '2025-03-11T17:41:00Z';
    expect(checkRules(d, 'strict')).toEqual([]);
  });

  it('gives each problem the line of its field when lines are known', () => {
    const d = validDocumento({ Especie: '' });
    const found = checkRules(d, 'strict', new Map([['Especie', 42]]), 7);
    expect(found[0]!.line).toBe(42);
    expect(checkRules(validDocumento({ Assunto: '' }), 'strict', new Map(), 7)[0]!.line).toBe(7);
  });
});

describe('PROTOCOLO_DUPLICATE', () => {
  it('reports the second occurrence with the first one', () => {
    const dup = new DuplicateProtocolos();
    expect(dup.check('99991000007202530', 1)).toBeUndefined();
    expect(dup.check('99991000003202551', 2)).toBeUndefined();
    const p = dup.check('99991000007202530', 3, 99);
    expect(p?.code).toBe('PROTOCOLO_DUPLICATE');
    expect(p?.message).toContain('Documento #1');
    expect(p?.line).toBe(99);
  });
});
