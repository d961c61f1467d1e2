import { describe, expect, it } from 'vitest';
import { findCpfs, interessadoExtras, isValidCpf, maskCpf, maskCpfsInName, maskCpfsInText, withoutCpfs } from '../../src/standard/cpf.js';
import { normalizeDocumento } from '../../src/standard/normalize.js';
import { restDocumento } from '../../src/standard/rest-json.js';
import { checkRules } from '../../src/standard/rules.js';
import { documentoXml } from '../../src/standard/writer.js';
import { validDocumento } from '../helpers/documentos.js';

describe('CPF masking (as the SEI module)', () => {
  it('reproduces the two worked examples of the reference', () => {
    expect(maskCpfsInName('123.456.789-09')).toBe('***.456.78*-**');
    expect(maskCpfsInName('12345678909')).toBe('***45678***');
  });

  it('masks a CPF inside a name and keeps the rest', () => {
    expect(maskCpfsInName('João da Silva 123.456.789-09')).toBe('João da Silva ***.456.78*-**');
    expect(maskCpfsInName('Maria (12345678909) e outros')).toBe('Maria (***45678***) e outros');
  });

  it('masks the partially formatted forms the SEI pattern matches', () => {
    // PHP: '***' . substr($m, 3, strlen($m) - 5), then the '-' / no '-' ending rule
    expect(maskCpf('123456789-09')).toBe('***45678*-**');
    expect(maskCpfsInName('123456789-09')).toBe('***45678*-**');
    expect(maskCpfsInName('123.456.78909')).toBe('***.456.78***');
  });

  it('in a message, masks a CPF standing alone but not the digits of a longer number such as a Protocolo', () => {
    // The first eleven digits of this NUP are a valid CPF: a name would have them masked, a message not.
    const answer = 'NF003 - Protocolo 12345678909202530 já enviado';
    expect(maskCpfsInName(answer)).toBe('NF003 - Protocolo ***45678***202530 já enviado');
    expect(maskCpfsInText(answer)).toBe(answer);
    expect(maskCpfsInText('NF005 - CPF 123.456.789-09 inválido')).toBe('NF005 - CPF ***.456.78*-** inválido');
    expect(maskCpfsInText('12345678909')).toBe('***45678***');
    expect(maskCpfsInText('cpf=１２３４５６７８９０９.')).toBe('cpf=***45678***.');
    expect(maskCpfsInText('012345678909 e 123456789091')).toBe('012345678909 e 123456789091');
  });

  it('leaves invalid CPFs and repeated digits unchanged', () => {
    expect(maskCpfsInName('Processo 123.456.789-00')).toBe('Processo 123.456.789-00');
    expect(maskCpfsInName('111.111.111-11')).toBe('111.111.111-11');
    expect(isValidCpf('00000000000')).toBe(false);
  });

  it('masks every valid CPF, not only the first (never less private than SEI)', () => {
    expect(maskCpfsInName('A 123.456.789-09 e B 529.982.247-25')).toBe('A ***.456.78*-** e B ***.982.24*-**');
  });

  it('validates check digits, including a leading zero', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('012.345.678-90')).toBe(true);
    expect(isValidCpf('012.345.678-91')).toBe(false);
  });

  it('finds positions without returning the digits', () => {
    expect(findCpfs('Nome 123.456.789-09')).toEqual([{ index: 5, length: 14 }]);
    expect(findCpfs('Nome ***.456.78*-**')).toEqual([]);
  });
});

describe("the interessado's own CPF (REST API only)", () => {
  const doc = (interessados: Array<{ NomeInteressado: string; cpf?: string; natureza?: string }>) => ({
    ...validDocumento(),
    ListaInteressados: { Interessado: interessados as [(typeof interessados)[number], ...typeof interessados] },
  });

  it('is normalized to 11 digits: punctuation removed, the leading zeros a number lost put back', () => {
    const { documento, changes } = normalizeDocumento(
      doc([
        { NomeInteressado: 'Maria', cpf: '529.982.247-25', natureza: ' F ' },
        { NomeInteressado: 'José', cpf: '1234567890' },
        { NomeInteressado: 'Ana', cpf: '01234567890' },
        { NomeInteressado: 'Rui', cpf: '  ', natureza: '' },
      ]),
    );
    expect(documento.ListaInteressados!.Interessado).toEqual([
      { NomeInteressado: 'Maria', cpf: '52998224725', natureza: 'F' },
      { NomeInteressado: 'José', cpf: '01234567890' },
      { NomeInteressado: 'Ana', cpf: '01234567890' },
      { NomeInteressado: 'Rui' },
    ]);
    expect(changes.filter((c) => c.kind === 'cpf-digits').map((c) => c.field)).toEqual([
      'ListaInteressados/Interessado[1]/cpf',
      'ListaInteressados/Interessado[2]/cpf',
    ]);
    expect(checkRules(documento, 'strict')).toEqual([]);
  });

  it('CPF_INVALID: wrong check digits, all digits equal, letters, too long; located, never repeating the value', () => {
    const { documento } = normalizeDocumento(
      doc([
        { NomeInteressado: 'A', cpf: '529.982.247-26' },
        { NomeInteressado: 'B', cpf: '111.111.111-11' },
        { NomeInteressado: 'C', cpf: '5299822472X' },
        { NomeInteressado: 'D', cpf: '529982247250' },
        { NomeInteressado: 'E', cpf: '00000000000' },
      ]),
    );
    const found = checkRules(documento, 'strict');
    expect(found.map((p) => `${p.field} ${p.code} ${p.severity}`)).toEqual(
      [1, 2, 3, 4, 5].map((i) => `ListaInteressados/Interessado[${i}]/cpf CPF_INVALID error`),
    );
    for (const p of found) expect(p.message).not.toMatch(/529|982|111|000/);
  });

  it('a repeated interessado gives its CPF to the one kept', () => {
    const { documento } = normalizeDocumento(doc([{ NomeInteressado: 'Maria' }, { NomeInteressado: 'Maria', cpf: '52998224725', natureza: 'F' }]));
    expect(documento.ListaInteressados!.Interessado).toEqual([{ NomeInteressado: 'Maria', cpf: '52998224725', natureza: 'F' }]);
  });

  it('never reaches the XML; the REST form carries it, by position', () => {
    const d = doc([{ NomeInteressado: 'Maria', cpf: '52998224725', natureza: 'F' }, { NomeInteressado: 'José' }]);
    expect(documentoXml(d)).not.toContain('52998224725');
    expect(documentoXml(d)).toBe(documentoXml(withoutCpfs(d)));
    expect(interessadoExtras(d)).toEqual([{ cpf: '52998224725', natureza: 'F' }, undefined]);
    expect(interessadoExtras(withoutCpfs(d))).toBeUndefined();
    expect(restDocumento(d).interessados.map((i) => [i.nome, i.cpf, i.natureza])).toEqual([
      ['Maria', '52998224725', 'F'],
      ['José', null, null],
    ]);
    // withoutCpfs copies: the caller's object keeps its CPF
    expect(d.ListaInteressados.Interessado[0]!.cpf).toBe('52998224725');
  });
});
