/**
 * The language of what pi-sender says to people: pt-BR unless PI_SENDER_LANG, `--lang` or the
 * configuration's `language:` chooses English. One setting per process, read when a text is made:
 * codes, JSON keys and exit codes never depend on it.
 */

/** The languages of the catalog: Brazilian Portuguese (the default) and English. */
export const LANGUAGES = ['pt-BR', 'en'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'pt-BR';

/**
 * The language a person wrote (`pt-BR`, `pt_BR.UTF-8`, `pt`, `portugues`, `en`, `en-US`, `english`),
 * or undefined when it is neither of the two.
 */
export function parseLanguage(text: string): Language | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\..*$/, '')
    .replace('_', '-');
  if (t === 'pt' || t === 'pt-br' || t === 'portugues' || t === 'portuguese') return 'pt-BR';
  if (t === 'en' || t.startsWith('en-') || t === 'english' || t === 'ingles') return 'en';
  return undefined;
}

let chosen: Language | undefined;
let chosenBy: 'flag' | 'file' | undefined;

/** Sets the language of every text made from now on (the CLI does it once, from its flag or file). */
export function setLanguage(language: Language): void {
  chosen = language;
  chosenBy = 'flag';
}

/**
 * The configuration file's `language:`: it applies unless PI_SENDER_LANG or `--lang` chose one (the
 * environment and flags win over the file, as for every setting).
 */
export function applyConfiguredLanguage(language: Language): void {
  if (chosenBy === 'flag' || parseLanguage(process.env['PI_SENDER_LANG'] ?? '')) return;
  chosen = language;
  chosenBy = 'file';
}

/** Forgets {@link setLanguage}: back to PI_SENDER_LANG or the default (for tests and the library). */
export function resetLanguage(): void {
  chosen = undefined;
  chosenBy = undefined;
}

/** The language in use: the one set, else PI_SENDER_LANG when it names one, else pt-BR. */
export function currentLanguage(): Language {
  if (chosen) return chosen;
  const env = process.env['PI_SENDER_LANG'];
  return (env && parseLanguage(env)) || DEFAULT_LANGUAGE;
}
