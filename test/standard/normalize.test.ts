import { describe, expect, it } from 'vitest';
import { normalizeDocumento } from '../../src/standard/normalize.js';
import { validateDocumento } from '../../src/standard/validate.js';
import { clone, validDocumento } from '../helpers/documentos.js';

describe('normalizeDocumento', () => {
  it('changes nothing in a clean Documento', () => {
    const d = validDocumento();
    expect(normalizeDocumento(d)).toEqual({ documento: d, changes: [] });
  });

  it('does not modify its input', () => {
    const d = validDocumento({ Assunto: ' a\nb ' });
    const copy = clone(d);
    normalizeDocumento(d);
    expect(d).toEqual(copy);
  });

  it('cleans texts: line breaks and tabs to spaces, other controls removed, mojibake repaired, trimmed', () => {
    const d = validDocumento({ Assunto: '  Pedido\r\nde\tcertidÃ£o\u0000 ', Especie: 'Processo\n' });
    d.Historico.ItemHistorico[0]!.UnidadeOperacao = 'DivisÃ£o\nde Protocolo';
    const { documento, changes } = normalizeDocumento(d);
    expect(documento.Assunto).toBe('Pedido de certidão');
    expect(documento.Especie).toBe('Processo');
    expect(documento.Historico?.ItemHistorico?.[0]?.UnidadeOperacao).toBe('Divisão de Protocolo');
    expect(changes).toContainEqual({ field: 'Assunto', kind: 'mojibake-repaired' });
    expect(changes).toContainEqual({ field: 'Assunto', kind: 'control-characters' });
    expect(validateDocumento(documento).valid).toBe(true);
  });

  it('masks CPFs in names, then cuts names to 150 and units to 300 with ...', () => {
    const d = clone(validDocumento());
    d.ListaInteressados!.Interessado[0]!.NomeInteressado = `João 123.456.789-09 ${'x'.repeat(200)}`;
    d.Historico.ItemHistorico[0]!.UnidadeOperacao = 'u'.repeat(320);
    const { documento, changes } = normalizeDocumento(d);
    const name = documento.ListaInteressados!.Interessado![0]!.NomeInteressado!;
    expect(name.startsWith('João ***.456.78*-** x')).toBe(true);
    expect(name).toHaveLength(150);
    expect(name.endsWith('...')).toBe(true);
    expect(documento.Historico!.ItemHistorico![0]!.UnidadeOperacao).toBe(`${'u'.repeat(297)}...`);
    expect(changes.map((c) => c.kind)).toEqual(['cpf-masked', 'truncated', 'truncated']);
    expect(JSON.stringify(changes)).not.toContain('456');
    expect(validateDocumento(documento).valid).toBe(true);
  });

  it('writes protocol numbers as digits and computes the DV of an old NUP', () => {
    const d = validDocumento({ Protocolo: '99991.000007/2025-30' });
    d.ListaProtocolosRelacionados = { ProtocoloRelacionado: ['99991.000003/2025-DV', '123', '99991.000007/2025-30', '99991.000003/2025-51', '9999100001225'] };
    const { documento, changes } = normalizeDocumento(d);
    expect(documento.Protocolo).toBe('99991000007202530');
    // DV computed; '123' (no PI length), the Documento itself and the duplicate are dropped, as the SEI module does
    expect(documento.ListaProtocolosRelacionados?.ProtocoloRelacionado).toEqual(['99991000003202551', '9999100001225']);
    expect(changes.filter((c) => c.kind === 'relacionado-dropped').map((c) => c.field)).toEqual([
      'ListaProtocolosRelacionados/ProtocoloRelacionado[2]',
      'ListaProtocolosRelacionados/ProtocoloRelacionado[3]',
      'ListaProtocolosRelacionados/ProtocoloRelacionado[4]',
    ]);
    expect(validateDocumento(documento).valid).toBe(true);
  });

  it('never invents digits: letters other than a final DV stay for validation to report', () => {
    const { documento } = normalizeDocumento(validDocumento({ Protocolo: 'PROC-99991000007202530' }));
    expect(documento.Protocolo).toBe('PROC99991000007202530');
    expect(validateDocumento(documento).valid).toBe(false);
  });

  it('drops a repeated interessado and omits lists left empty', () => {
    const d = validDocumento();
    d.ListaInteressados = { Interessado: [{ NomeInteressado: 'Maria' }, { NomeInteressado: ' Maria ' }] };
    d.ListaProtocolosRelacionados = { ProtocoloRelacionado: ['1'] };
    const { documento } = normalizeDocumento(d);
    expect(documento.ListaInteressados?.Interessado).toEqual([{ NomeInteressado: 'Maria' }]);
    expect(documento.ListaProtocolosRelacionados).toBeUndefined();
  });

  it('applies a time zone only when asked', () => {
    const d = validDocumento({ DataHoraProducao: '2025-03-10T00:00:00' });
    expect(normalizeDocumento(d).documento.DataHoraProducao).toBe('2025-03-10T00:00:00');
    const { documento, changes } = normalizeDocumento(d, { timeZone: 'America/Sao_Paulo' });
    expect(documento.DataHoraProducao).toBe('2025-03-10T00:00:00-03:00');
    expect(changes).toEqual([{ field: 'DataHoraProducao', kind: 'timezone-applied' }]);
  });
});
