/**
 * The agency writes `:since` and `:until` in its queries, whatever the database; each driver wants its
 * own placeholders. Only real parameters are rewritten: not inside strings, quoted identifiers or
 * comments, and not PostgreSQL casts (`x::date`).
 */

import type { Window } from '../source.js';

export type ParamStyle = 'pg' | 'mysql' | 'named-colon' | 'named-at';

const NAMES = ['since', 'until'] as const;

export interface Prepared {
  text: string;
  /** Positional values (pg, mysql) or named ones (the other styles). */
  values: string[] | Record<string, string>;
  /** The parameters the query uses. */
  used: Array<(typeof NAMES)[number]>;
}

export function prepareQuery(sql: string, window: Window, style: ParamStyle): Prepared {
  let out = '';
  const positional: string[] = [];
  const pgIndex = new Map<string, number>();
  const used = new Set<(typeof NAMES)[number]>();
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const two = sql.slice(i, i + 2);
    if (c === "'" || c === '"' || c === '`') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (two === '--') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (two === '::') {
      out += two;
      i += 2;
    } else if (c === ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))![0];
      if ((NAMES as readonly string[]).includes(name)) {
        const n = name as (typeof NAMES)[number];
        used.add(n);
        if (style === 'pg') {
          if (!pgIndex.has(n)) {
            positional.push(window[n]);
            pgIndex.set(n, positional.length);
          }
          out += `$${pgIndex.get(n)}`;
        } else if (style === 'mysql') {
          positional.push(window[n]);
          out += '?';
        } else out += `${style === 'named-at' ? '@' : ':'}${n}`;
      } else out += `:${name}`;
      i += 1 + name.length;
    } else {
      out += c;
      i++;
    }
  }
  const values = style === 'pg' || style === 'mysql' ? positional : Object.fromEntries([...used].map((n) => [n, window[n]]));
  return { text: out, values, used: [...used] };
}

/** Index just after the quote that closes the one at `start` (a doubled quote is an escape). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else if (sql[i] === '\\' && quote !== '"') i += 2;
    else i++;
  }
  return sql.length;
}
