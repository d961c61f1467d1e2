import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/i18n/catalog.js';
import { formatDay, formatInstant } from '../../src/i18n/format.js';
import { currentLanguage, parseLanguage, resetLanguage, setLanguage } from '../../src/i18n/language.js';
import { fill, formatNumber, placeholdersOf, t, tIn } from '../../src/i18n/translate.js';

afterEach(() => resetLanguage());

describe('the message catalog', () => {
  const entries = Object.entries(CATALOG) as Array<[string, { en: string; 'pt-BR': string }]>;

  it('has every key in both languages, never empty', () => {
    const missing = entries.filter(([, e]) => !e.en?.trim() || !e['pt-BR']?.trim()).map(([k]) => k);
    expect(missing).toEqual([]);
    expect(entries.length).toBeGreaterThan(100);
  });

  it('gives both languages the same placeholders', () => {
    const differ = entries
      .filter(([, e]) => placeholdersOf(e.en).join() !== placeholdersOf(e['pt-BR']).join())
      .map(([k, e]) => `${k}: en {${placeholdersOf(e.en).join()}} pt-BR {${placeholdersOf(e['pt-BR']).join()}}`);
    expect(differ).toEqual([]);
  });

  it('leaves no brace that is not a placeholder (a typo would print as is)', () => {
    const stray = entries
      .filter(([, e]) => [e.en, e['pt-BR']].some((s) => /[{}]/.test(s.replace(/\{\{|\}\}|\{[A-Za-z][A-Za-z0-9]*(\|[^|}]*\|[^}]*)?\}/g, ''))))
      .map(([k]) => k);
    expect(stray).toEqual([]);
  });

  it('keeps the Portuguese text Portuguese: no entry identical to its English one unless it holds no words', () => {
    // Texts made only of codes, names and placeholders may be the same in both languages.
    const words = (s: string): string[] => s.replace(/\{[^}]*\}/g, '').match(/[a-z]{4,}/g) ?? [];
    const same = entries.filter(([, e]) => e.en === e['pt-BR'] && words(e.en).length > 1).map(([k]) => k);
    expect(same).toEqual([]);
  });
});

describe('t()', () => {
  it('is pt-BR by default, English with PI_SENDER_LANG=en or setLanguage', () => {
    const saved = process.env['PI_SENDER_LANG'];
    try {
      delete process.env['PI_SENDER_LANG'];
      expect(currentLanguage()).toBe('pt-BR');
      expect(t('list.none')).toBe('nenhum pacote');
      process.env['PI_SENDER_LANG'] = 'en';
      expect(t('list.none')).toBe('no packages');
      setLanguage('pt-BR');
      expect(t('list.none')).toBe('nenhum pacote');
    } finally {
      process.env['PI_SENDER_LANG'] = saved;
    }
  });

  it('fills placeholders, numbers with the language separators, and the word that agrees with a number', () => {
    expect(tIn('pt-BR', 'resend.done', { count: 1 })).toBe('1 pacote voltou para NI: a próxima exportação o envia');
    expect(tIn('pt-BR', 'resend.done', { count: 1234 })).toBe('1.234 pacotes voltaram para NI: a próxima exportação os envia');
    expect(tIn('en', 'resend.done', { count: 1234 })).toBe('1,234 packages set to NI: the next export sends them');
    expect(fill('{a} e {b}', { a: 'x' }, 'pt-BR')).toBe('x e {b}');
    expect(fill('um "{{modelo}}" e {a}', { a: 1 }, 'pt-BR')).toBe('um "{modelo}" e 1');
    expect(placeholdersOf('{{x}} {y} {n|a|b}')).toEqual(['n', 'y']);
    expect(formatNumber(1234567.25, 'pt-BR')).toBe('1.234.567,3');
  });

  it('reads the language as people write it', () => {
    for (const s of ['pt-BR', 'pt_BR.UTF-8', 'pt', 'PT-br', 'português']) expect(parseLanguage(s)).toBe('pt-BR');
    for (const s of ['en', 'en-US', 'en_GB.UTF-8', 'English', 'inglês']) expect(parseLanguage(s)).toBe('en');
    for (const s of ['fr', '', 'ptbr']) expect(parseLanguage(s)).toBeUndefined();
  });
});

describe('dates for people', () => {
  const instant = '2026-11-22T13:05:09.000Z';

  it('writes DD/MM/AAAA HH:MM with the offset in pt-BR, ISO order in English', () => {
    expect(formatInstant(instant, 'America/Sao_Paulo', 'pt-BR')).toBe('22/11/2026 10:05 -03:00');
    expect(formatInstant(instant, 'America/Sao_Paulo', 'en')).toBe('2026-11-22 10:05:09 -03:00');
    expect(formatInstant(instant, 'America/Manaus', 'pt-BR')).toBe('22/11/2026 09:05 -04:00');
    expect(formatInstant(instant, 'UTC', 'pt-BR')).toBe('22/11/2026 13:05 +00:00');
    expect(formatInstant(null, 'UTC', 'pt-BR')).toBe('nunca');
    expect(formatDay('2026-11-02', 'pt-BR')).toBe('02/11/2026');
    expect(formatDay('2026-11-02', 'en')).toBe('2026-11-02');
  });
});
