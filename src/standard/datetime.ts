/**
 * `xs:dateTime` values: the standard wants ISO-8601 with an explicit offset, as the SEI module sends
 * them (PHP `date('c')`: `2025-03-10T09:15:02-03:00`).
 */

const XS_DATETIME = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

export interface ParsedDateTime {
  /** The local date-time as written, without offset: `2025-03-10T09:15:02`. */
  local: string;
  /** The offset as written (`Z`, `-03:00`), or undefined when absent. */
  offset: string | undefined;
}

/** Parses the lexical form of an xs:dateTime; undefined when it is not one. */
export function parseXsDateTime(value: string): ParsedDateTime | undefined {
  const m = XS_DATETIME.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = m;
  const mo = Number(month),
    d = Number(day),
    h = Number(hour),
    mi = Number(minute),
    s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(Number(year), mo)) return undefined;
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi !== 0 || s !== 0))) return undefined;
  if (offset !== undefined && offset !== 'Z') {
    const oh = Number(offset.slice(1, 3)),
      om = Number(offset.slice(4, 6));
    if (oh > 14 || om > 59 || (oh === 14 && om !== 0)) return undefined;
  }
  return { local: `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction ?? ''}`, offset };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/** Milliseconds since the epoch of a date-time with offset; undefined without offset or when invalid. */
export function instantOf(value: string): number | undefined {
  const m = XS_DATETIME.exec(value);
  if (!m || m[8] === undefined || !parseXsDateTime(value)) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = m;
  const ms = fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  const offsetMinutes = offset === 'Z' ? 0 : (offset!.startsWith('-') ? -1 : 1) * (Number(offset!.slice(1, 3)) * 60 + Number(offset!.slice(4, 6)));
  return utc - offsetMinutes * 60_000;
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

/** Offset in minutes of `timeZone` at the instant `epochMs` (e.g. -180 for America/Sao_Paulo today). */
function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
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
