import { describe, expect, it } from 'vitest';
import { findCpfs, isValidCpf, maskCpf, maskCpfsInName } from '../../src/standard/cpf.js';

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
