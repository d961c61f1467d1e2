import { describe, expect, it } from 'vitest';
import { codePointLength, removeControlCharacters, repairMojibake, truncate } from '../../src/standard/text.js';
import { normalizeText } from '../../src/standard/normalize.js';

describe('control characters', () => {
  it('turns line breaks and tabs into one space, never gluing two words', () => {
    expect(removeControlCharacters('linha\nseguinte')).toBe('linha seguinte');
    expect(removeControlCharacters('a\r\nb')).toBe('a b');
    expect(removeControlCharacters('a \r\n\t b')).toBe('a b');
    expect(removeControlCharacters('col1\tcol2')).toBe('col1 col2');
  });

  it('removes the other C0, DEL and C1 controls', () => {
    // U+0085 (NEXT LINE) is a line break: it becomes a space like LF
    expect(removeControlCharacters('a\u0000b\u0007c\u007fd\u0085e\u009ff')).toBe('abcd ef');
    expect(removeControlCharacters('a\u0001b')).toBe('ab');
  });

  it('keeps ordinary spacing and text as it is', () => {
    expect(removeControlCharacters('a  b')).toBe('a  b');
    expect(removeControlCharacters('Ação nº 1')).toBe('Ação nº 1');
  });
});

describe('mojibake repair', () => {
  it('repairs UTF-8 read as Latin-1', () => {
    expect(repairMojibake('AÃ§Ã£o de capacitaÃ§Ã£o')).toBe('Ação de capacitação');
    expect(repairMojibake('MinistÃ©rio da GestÃ£o')).toBe('Ministério da Gestão');
    expect(repairMojibake('nÂº 12')).toBe('nº 12');
  });

  it('repairs UTF-8 read as Windows-1252 (three-byte punctuation)', () => {
    expect(repairMojibake('â€œaspasâ€\u009d')).toBe('“aspas”');
    expect(repairMojibake('Processo â€“ urgente')).toBe('Processo – urgente');
  });

  it('repairs a text that mixes good and broken parts', () => {
    expect(repairMojibake('Ação e AÃ§Ã£o')).toBe('Ação e Ação');
  });

  it('leaves correct Portuguese alone, including capital Ã and Â', () => {
    for (const ok of ['SÃO PAULO', 'AÇÃO CIVIL', 'IRMÃ', 'CÂMARA', 'Ação', 'Nº 3ª via', 'ÂNGELO']) {
      expect(repairMojibake(ok)).toBe(ok);
    }
  });

  it('leaves incomplete or invalid sequences alone', () => {
    expect(repairMojibake('Ã')).toBe('Ã');
    expect(repairMojibake('â€')).toBe('â€');
  });
});

describe('lengths and truncation', () => {
  it('counts code points like XSD does', () => {
    expect(codePointLength('ação')).toBe(4);
    expect(codePointLength('😀a')).toBe(2);
  });

  it('cuts to the limit with ... as the SEI module', () => {
    const long = 'x'.repeat(310);
    expect(truncate(long, 300)).toBe(`${'x'.repeat(297)}...`);
    expect(codePointLength(truncate(long, 300))).toBe(300);
    expect(truncate('curto', 150)).toBe('curto');
  });

  it('never splits a surrogate pair', () => {
    const s = '😀'.repeat(200);
    const cut = truncate(s, 150);
    expect(codePointLength(cut)).toBe(150);
    expect(cut.endsWith('😀...')).toBe(true);
  });

  it('normalizes a whole text in order: repair, controls, trim', () => {
    expect(normalizeText('  DivisÃ£o\nde Protocolo\t')).toBe('Divisão de Protocolo');
  });
});
