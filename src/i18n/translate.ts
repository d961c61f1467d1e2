/**
 * `t(key, params)`: a text of the catalog in the current language. Placeholders are `{name}` (a
 * number is written with the language's separators) and `{name|singular|plural}` (the word that
 * agrees with the number `name`); `{{` and `}}` write a brace. The parameters a key needs are checked by the type checker, from
 * the English text.
 */

import { CATALOG } from './catalog.js';
import { currentLanguage, type Language } from './language.js';

export type MessageKey = keyof typeof CATALOG;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${string}{${string}` ? never : P extends `${infer Name}|${string}` ? Name : P) | Placeholders<Rest>
  : never;

export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof CATALOG)[K]['en']>, string | number>;

type ParamsArg<K extends MessageKey> = [Placeholders<(typeof CATALOG)[K]['en']>] extends [never] ? [] : [params: MessageParams<K>];

/** The keys whose text has no placeholder. */
export type PlainKey = { [K in MessageKey]: [Placeholders<(typeof CATALOG)[K]['en']>] extends [never] ? K : never }[MessageKey];

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9]*)(?:\|([^|}]*)\|([^}]*))?\}/g;

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as people of `language` write it: `1.234,5` in pt-BR, `1,234.5` in English. */
export function formatNumber(n: number, language: Language = currentLanguage()): string {
  let f = numberFormats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    numberFormats.set(language, f);
  }
  return f.format(n);
}

/** Fills a template of the catalog (exported for the catalog's own test). */
export function fill(template: string, params: Record<string, string | number>, language: Language): string {
  return template.replace(PLACEHOLDER, (whole, name: string | undefined, one: string | undefined, many: string | undefined) => {
    if (name === undefined) return whole[0]!;
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined) return Number(value) === 1 ? one : (many ?? one);
    return typeof value === 'number' ? formatNumber(value, language) : value;
  });
}

/** The text of `key` in the current language (or in `language`). */
export function t<K extends MessageKey>(key: K, ...args: ParamsArg<K>): string {
  return tIn(currentLanguage(), key, ...args);
}

/** The text of `key` in a given language (a page or an alert that has its own). */
export function tIn<K extends MessageKey>(language: Language, key: K, ...args: ParamsArg<K>): string {
  const entry = CATALOG[key] as { en: string; 'pt-BR': string };
  const template = entry[language];
  const params = args[0] as Record<string, string | number> | undefined;
  return fill(template, params ?? {}, language);
}

/** The placeholder names of a template (for the catalog's test: both languages must have the same). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])))].sort();
}
