import { describe, expect, it } from 'vitest';
import { validateDocumentosXml, validateDocumentoXml } from '../../src/standard/xsd.js';
import { validateDocumento } from '../../src/standard/validate.js';
import { documentoXml } from '../../src/standard/writer.js';
import { codes, validDocumento } from '../helpers/documentos.js';

const xml = (overrides = {}): string => documentoXml(validDocumento(overrides), { indent: true });

describe('XSD validation per Documento', () => {
  it('accepts a valid Documento in both profiles', () => {
    expect(validateDocumentoXml(xml(), 'strict')).toEqual([]);
    expect(validateDocumentoXml(xml(), 'lenient')).toEqual([]);
  });

  it('reports order errors in strict and accepts any order in lenient', () => {
    const swapped = xml().replace(/(<Especie>.*<\/Especie>)(\s*)(<Assunto>.*<\/Assunto>)/, '$3$2$1');
    const strict = validateDocumentoXml(swapped, 'strict');
    expect(codes(strict)).toEqual(['XSD_ORDER']);
    expect(strict[0]!.field).toBe('Assunto');
    expect(strict[0]!.line).toBe(4);
    expect(validateDocumentoXml(swapped, 'lenient')).toEqual([]);
  });

  it('tells a missing element from a misplaced one', () => {
    const missing = validateDocumentoXml(xml().replace(/<Especie>.*<\/Especie>/, ''), 'strict');
    expect(codes(missing)).toEqual(['XSD_MISSING_ELEMENT']);
    expect(missing[0]!.field).toBe('Especie');
    const noHistorico = validateDocumentoXml(xml().replace(/<Historico>[\s\S]*<\/Historico>/, ''), 'strict');
    expect(codes(noHistorico)).toEqual(['XSD_MISSING_ELEMENT']);
    expect(noHistorico[0]!.field).toBe('Historico');
  });

  it('names unknown elements and attributes', () => {
    expect(codes(validateDocumentoXml(xml().replace('<Especie>', '<Extra>x</Extra><Especie>'), 'strict'))).toEqual(['XSD_UNKNOWN_ELEMENT']);
    expect(codes(validateDocumentoXml(xml().replace('<Especie>', '<Especie tipo="x">'), 'strict'))).toEqual(['XSD_ATTRIBUTE']);
  });

  it('checks protocol formats; letters DV only in lenient', () => {
    expect(codes(validateDocumentoXml(xml({ Protocolo: '9999100000720253' }), 'strict'))).toEqual(['XSD_PROTOCOLO_FORMAT']);
    expect(codes(validateDocumentoXml(xml({ Protocolo: '99991.000007/2025-30' }), 'strict'))).toEqual(['XSD_PROTOCOLO_FORMAT']);
    for (const ok of ['9999100001225', '99991000012254', '999910000122543', '99991000007202530', '999910000000013202545']) {
      expect(validateDocumentoXml(xml({ Protocolo: ok }), 'strict')).toEqual([]);
    }
    expect(codes(validateDocumentoXml(xml({ Protocolo: '999910000072025DV' }), 'strict'))).toEqual(['XSD_PROTOCOLO_FORMAT']);
    expect(validateDocumentoXml(xml({ Protocolo: '999910000072025DV' }), 'lenient')).toEqual([]);
  });

  it('IdentificacaoDocumento: refused in strict, accepted in lenient', () => {
    const withId = xml({ IdentificacaoDocumento: 'Ofício nº 12/2025' });
    expect(codes(validateDocumentoXml(withId, 'strict'))).toEqual(['XSD_UNKNOWN_ELEMENT']);
    expect(validateDocumentoXml(withId, 'lenient')).toEqual([]);
  });

  it('checks date-times and lengths', () => {
    expect(codes(validateDocumentoXml(xml({ DataHoraProducao: '10/03/2025' }), 'strict'))).toEqual(['XSD_DATETIME']);
    expect(codes(validateDocumentoXml(xml({ Especie: '' }), 'strict'))).toEqual(['XSD_LENGTH']);
  });

  it('reports a Documento that is not well-formed with its line', () => {
    const broken = '<Documento>\n  <Protocolo>1</Protocol>\n</Documento>';
    const found = validateDocumentoXml(broken, 'strict', 10);
    expect(codes(found)).toEqual(['XML_MALFORMED']);
    expect(found[0]!.line).toBe(11);
  });

  it('never resolves entities or loads anything for a Documento', () => {
    const found = validateDocumentoXml(xml().replace('Processo</Especie>', '&xxe;</Especie>'), 'strict');
    expect(codes(found)).toEqual(['XML_MALFORMED']);
  });
});

describe('validateDocumento (objects)', () => {
  it('accepts a valid Documento and returns it typed', () => {
    const r = validateDocumento(validDocumento());
    expect(r.valid).toBe(true);
  });

  it('merges XSD and rule reports on the same field into the clearer one', () => {
    const d = validDocumento();
    d.ListaInteressados!.Interessado[0]!.NomeInteressado = 'n'.repeat(151);
    const r = validateDocumento(d);
    expect(r.valid).toBe(false);
    expect(codes(r.problems)).toEqual(['NOME_INTERESSADO_LENGTH']);
    expect(r.problems[0]!.field).toBe('ListaInteressados/Interessado[1]/NomeInteressado');
  });

  it('reports wrong JavaScript types with their field path', () => {
    const r = validateDocumento({ ...validDocumento(), Protocolo: 99991000007202530, Historico: { ItemHistorico: [{ Operacao: 3 }] }, Extra: 1 });
    expect(r.valid).toBe(false);
    expect(r.problems.map((p) => `${p.code} ${p.field}`)).toEqual([
      'FIELD_TYPE Protocolo',
      'FIELD_TYPE Historico/ItemHistorico[1]/Operacao',
      'XSD_UNKNOWN_ELEMENT Extra',
    ]);
    expect(validateDocumento(null).valid).toBe(false);
  });

  it('reports missing required elements of an object', () => {
    const { Especie: _e, ...rest } = validDocumento();
    const r = validateDocumento(rest);
    expect(codes(r.problems)).toEqual(['XSD_MISSING_ELEMENT']);
    expect(r.problems[0]!.field).toBe('Especie');
  });
});

describe('repeated elements', () => {
  it('names an element that appears twice', () => {
    const twice = documentoXml(validDocumento(), { indent: true }).replace(
      '<Especie>Processo</Especie>',
      '<Especie>Processo</Especie><Especie>Outro</Especie>',
    );
    const found = validateDocumentoXml(twice, 'strict');
    expect(found.map((p) => [p.code, p.field])).toEqual([['XSD_REPEATED_ELEMENT', 'Especie[2]']]);
  });
});

describe("validating Documentos together (the worker's batches)", () => {
  const valid = (n: number): string => documentoXml(validDocumento({ Protocolo: `9999100000${String(n).padStart(2, '0')}202530`.slice(0, 17) }));
  const bad = documentoXml({ ...validDocumento(), Especie: '' });
  const malformed = '<Documento><Protocolo>1</Protocolo>';

  it('a valid run is one validation; one invalid or malformed Documento gives each its own problems and line, as alone', () => {
    const all = [valid(1), valid(2), valid(3)];
    expect(validateDocumentosXml(all, 'strict', [1, 10, 20])).toEqual([[], [], []]);
    for (const mixed of [
      [valid(1), bad, valid(3)],
      [bad, malformed, valid(2)],
    ]) {
      const lines = [3, 30, 300];
      expect(validateDocumentosXml(mixed, 'strict', lines)).toEqual(mixed.map((x, i) => validateDocumentoXml(x, 'strict', lines[i])));
    }
    expect(validateDocumentosXml([bad], 'lenient', [7])).toEqual([validateDocumentoXml(bad, 'lenient', 7)]);
    expect(codes(validateDocumentosXml([valid(1), bad], 'strict', [1, 1])[1]!)).toEqual(['XSD_LENGTH']);
  });
});
