/**
 * Dates for people: `22/11/2025 10:00 -03:00` in pt-BR, `2025-11-22 10:00:00 -03:00` (ISO-8601's
 * order) in English; JSON always carries the ISO instant. (Dates people type, `DD/MM/AAAA` or
 * `AAAA-MM-DD`, are read by standard/datetime.ts's parsePersonDate.)
 */

import { currentLanguage, type Language } from './language.js';
import { tIn } from './translate.js';

const partFormats = new Map<string, Intl.DateTimeFormat>();

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  offset: string;
}

function localParts(epochMs: number, timeZone: string): LocalParts {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    partFormats.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(epochMs)) parts[p.type] = p.value;
  const zone = /GMT([+-]\d{2}:\d{2})/.exec(parts['timeZoneName'] ?? '');
  return {
    year: (parts['year'] ?? '').padStart(4, '0'),
    month: parts['month'] ?? '',
    day: parts['day'] ?? '',
    hour: parts['hour'] ?? '',
    minute: parts['minute'] ?? '',
    second: parts['second'] ?? '',
    offset: zone ? zone[1]! : '+00:00',
  };
}

/**
 * An instant (ISO-8601 text or epoch milliseconds) as local time of `timeZone`, with its offset;
 * "never" in the current language when there is none.
 */
export function formatInstant(instant: string | number | null | undefined, timeZone: string, language: Language = currentLanguage()): string {
  if (instant === null || instant === undefined || instant === '') return tIn(language, 'common.never');
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return String(instant);
  const p = localParts(ms, timeZone);
  return language === 'pt-BR'
    ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute} ${p.offset}`
    : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.offset}`;
}

/** A calendar day (`AAAA-MM-DD`) as people of the language write it. */
export function formatDay(day: string, language: Language = currentLanguage()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m && language === 'pt-BR' ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
