/**
 * `xs:dateTime` values: the standard wants ISO-8601 with an explicit offset, as the SEI module sends
 * them (PHP `date('c')`: `2025-03-10T09:15:02-03:00`).
 */

/**
 * The zone of the SPE's local times and of the dates shown to people, unless configured otherwise
 * (`timeZone:`, `PI_SENDER_TIME_ZONE`, a library sender's `timeZone`).
 */
export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

const XS_DATETIME = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

export interface ParsedDateTime {
  /** The local date-time as written, without offset: `2025-03-10T09:15:02`. */
  readonly local: string;
  /** The offset as written (`Z`, `-03:00`), or undefined when absent. */
  readonly offset: string | undefined;
  /** Milliseconds since the epoch; undefined without an offset. */
  readonly instant: number | undefined;
}

/**
 * Each date-time is looked at several times on its way out (normalized, checked, ordered). The common
 * form is read again each time (cheaper than finding it in a map); the others, read by the regular
 * expression, are kept for the values seen last. Bounded: cleared when full.
 */
const parsed = new Map<string, ParsedDateTime | null>();
const PARSED_KEPT = 4096;

/** Parses the lexical form of an xs:dateTime; undefined when it is not one. The result is shared: do not change it. */
export function parseXsDateTime(value: string): ParsedDateTime | undefined {
  const common = parseCommon(value);
  if (common !== undefined) return common ?? undefined;
  let p = parsed.get(value);
  if (p === undefined) {
    p = parseByPattern(value);
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(value, p);
  }
  return p ?? undefined;
}

/** The number written with `n` ASCII digits at `at`, or -1. */
export function asciiDigits(v: string, at: number, n: number): number {
  let x = 0;
  for (let i = at; i < at + n; i++) {
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/**
 * The form every SPE writes, `YYYY-MM-DDThh:mm:ss` then `Z`, `±hh:mm` or nothing, read digit by digit;
 * undefined for anything else (a fraction, a long or negative year, a wrong character), which the
 * regular expression then reads. Same checks, same result.
 */
function parseCommon(value: string): ParsedDateTime | null | undefined {
  const digits = asciiDigits;
  const n = value.length;
  const at = (i: number): number => value.charCodeAt(i);
  if ((n !== 19 && n !== 20 && n !== 25) || at(4) !== DASH || at(7) !== DASH || at(10) !== 0x54 || at(13) !== COLON || at(16) !== COLON) return undefined;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  const h = digits(value, 11, 2);
  const mi = digits(value, 14, 2);
  const s = digits(value, 17, 2);
  // Date.UTC takes a year below 100 as 19xx: the expression's reading keeps that.
  if (y < 100 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  let offset: string | undefined;
  let offsetMinutes = 0;
  if (n === 20) {
    if (at(19) !== 0x5a) return undefined;
    offset = 'Z';
  } else if (n === 25) {
    const sign = at(19);
    const oh = digits(value, 20, 2);
    const om = digits(value, 23, 2);
    if ((sign !== 0x2b && sign !== DASH) || at(22) !== COLON || oh < 0 || om < 0) return undefined;
    if (oh > 14 || om > 59 || (oh === 14 && om !== 0)) return null;
    offset = value.slice(19);
    offsetMinutes = (sign === DASH ? -1 : 1) * (oh * 60 + om);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi !== 0 || s !== 0))) return null;
  return {
    local: n === 19 ? value : value.slice(0, 19),
    offset,
    instant: offset === undefined ? undefined : (((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMinutes) * 60 + s) * 1000,
  };
}

const DASH = 0x2d;
const COLON = 0x3a;

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (what Date.UTC counts), without a Date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The lexical form read by the regular expression alone (exported for the test that compares both readings). */
export function parseByPattern(value: string): ParsedDateTime | null {
  const m = XS_DATETIME.exec(value);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = m;
  const y = Number(year),
    mo = Number(month),
    d = Number(day),
    h = Number(hour),
    mi = Number(minute),
    s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi !== 0 || s !== 0))) return null;
  let offsetMinutes = 0;
  if (offset !== undefined && offset !== 'Z') {
    const oh = Number(offset.slice(1, 3)),
      om = Number(offset.slice(4, 6));
    if (oh > 14 || om > 59 || (oh === 14 && om !== 0)) return null;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0;
  return {
    local: `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction ?? ''}`,
    offset,
    instant: offset === undefined ? undefined : Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000,
  };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/** Milliseconds since the epoch of a date-time with offset; undefined without offset or when invalid. */
export function instantOf(value: string): number | undefined {
  return parseXsDateTime(value)?.instant;
}

/** Checks that `timeZone` is an IANA zone this Node knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const HOUR_MS = 3_600_000;
/** Offsets by zone and UTC hour: asking Intl costs ~17 µs, and an export asks for every date it reads. */
const hourOffsets = new Map<string, number>();
const MAX_CACHED_HOURS = 100_000;

/**
 * Offset in minutes of `timeZone` at the instant `epochMs` (e.g. -180 for America/Sao_Paulo today).
 * Cached per UTC hour when the offset is the same at both ends of that hour (no zone changes twice
 * within one): exact, and a change inside the hour is computed for the instant itself.
 */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  const cached = hourOffsets.get(key);
  if (cached !== undefined) return cached;
  const start = intlOffsetMinutes(timeZone, hour * HOUR_MS);
  if (start !== intlOffsetMinutes(timeZone, hour * HOUR_MS + HOUR_MS - 1)) return intlOffsetMinutes(timeZone, epochMs);
  if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
  hourOffsets.set(key, start);
  return start;
}

function intlOffsetMinutes(timeZone: string, epochMs: number): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, fmt);
  }
  const name = fmt.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Gives a date-time without offset the offset its time zone had at that local time (historical
 * daylight-saving included). Values that already carry an offset, or are not date-times, are returned
 * unchanged.
 */
export function withZoneOffset(value: string, timeZone: string): string {
  const p = parseXsDateTime(value);
  if (!p || p.offset !== undefined) return value;
  const asUtc = Date.parse(`${p.local}Z`);
  if (Number.isNaN(asUtc)) return value;
  // Two passes find the offset valid at that local time, also right after a DST change.
  let offset = zoneOffsetMinutes(timeZone, asUtc);
  offset = zoneOffsetMinutes(timeZone, asUtc - offset * 60_000);
  return `${p.local}${formatOffset(offset)}`;
}

/** Current time as `YYYY-MM-DDThh:mm:ss±hh:mm` in a time zone (what PHP's `date('c')` prints). */
export function nowInZone(timeZone: string, epochMs = Date.now()): string {
  const offset = zoneOffsetMinutes(timeZone, epochMs);
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}

/**
 * A date (or date-time) typed by a person, as an ISO instant: `AAAA-MM-DD` or `DD/MM/AAAA`, optionally
 * followed by ` HH:MM[:SS]` (or an ISO `T` time with an offset), in `timeZone` when no offset is given.
 * Anything else is refused rather than guessed: `02/12` or `12-02-2026` could mean two dates, and
 * `Date.parse` would read `02/12/2026` as 12 February. Returns undefined when refused.
 */
export function parsePersonDate(text: string, timeZone: string): string | undefined {
  const t = text.trim();
  let y: string, mo: string, d: string, rest: string;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(t);
  const br = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(t);
  if (iso) [, y, mo, d, rest] = iso as unknown as [string, string, string, string, string];
  else if (br) {
    [, d, mo, y, rest] = br as unknown as [string, string, string, string, string];
    d = d.padStart(2, '0');
    mo = mo.padStart(2, '0');
  } else return undefined;
  const time = /^(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/.exec(rest);
  if (!time) return undefined;
  const [, hh = '00', mm = '00', ss = '00', offset] = time;
  const local = `${y}-${mo}-${d}T${hh}:${mm}:${ss}`;
  const check = new Date(`${local}Z`);
  // 31/02/2026 or 25:00 do not exist: refuse them instead of rolling over.
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== local) return undefined;
  const instant = instantOf(offset ? `${local}${offset}` : withZoneOffset(local, timeZone));
  return instant === undefined ? undefined : new Date(instant).toISOString();
}

// --- the date-time forms SPEs produce (the export mapping and the library's enqueue) ---

/** A value from a database driver or a file, as text; null/undefined stay undefined. */
export function textOf(v: unknown, timeZone: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return nowInZone(timeZone, v.getTime());
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const BR = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An xs:dateTime with offset from a date-time in any of the forms SPEs produce: `2025-03-10`,
 * `2025-03-10 09:15:02`, `2025-03-10T09:15:02.123-03`, `10/03/2025 09:15`, a Date. Without an offset,
 * the time is local to `timeZone`; a date alone is local midnight (as the SEI module sends
 * DataHoraProducao). Fractions of a second are dropped. Anything else is returned as it was, for
 * validation to report.
 */
export function toDateTime(v: unknown, timeZone: string): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : nowInZone(timeZone, v.getTime());
  const s = textOf(v, timeZone)?.trim();
  if (s === undefined || s === '') return undefined;
  let date: string, hh: string, mm: string, ss: string, offset: string | undefined;
  const iso = ISO.exec(s);
  const br = iso ? undefined : BR.exec(s);
  if (iso) {
    date = iso[1]!;
    hh = iso[2] ?? '00';
    mm = iso[3] ?? '00';
    ss = iso[4] ?? '00';
    offset = iso[5];
  } else if (br) {
    date = `${br[3]}-${br[2]}-${br[1]}`;
    hh = br[4] ?? '00';
    mm = br[5] ?? '00';
    ss = br[6] ?? '00';
  } else {
    return s;
  }
  const local = `${date}T${hh}:${mm}:${ss}`;
  if (offset === undefined) return withZoneOffset(local, timeZone);
  if (offset === 'Z') return `${local}Z`;
  const digits = offset.replace(':', '');
  return `${local}${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}
