import { describe, expect, it } from 'vitest';
import { instantOf, nowInZone, parseByPattern, parseXsDateTime, withZoneOffset, zoneOffsetMinutes } from '../../src/standard/datetime.js';
import { seededRandom } from '../../src/simulator/server.js';

describe('xs:dateTime', () => {
  it('parses the SEI form and sees the offset', () => {
    expect(parseXsDateTime('2025-03-10T09:15:02-03:00')).toEqual({
      local: '2025-03-10T09:15:02',
      offset: '-03:00',
      instant: Date.parse('2025-03-10T12:15:02Z'),
    });
    expect(parseXsDateTime('2025-03-10T09:15:02Z')?.offset).toBe('Z');
    expect(parseXsDateTime('2025-03-10T09:15:02.123')).toEqual({ local: '2025-03-10T09:15:02.123', offset: undefined, instant: undefined });
    // A form the regular expression reads is parsed once: the same value again is the same (shared,
    // unchanged) result, also after the cache fills. The common form is read again each time.
    expect(parseXsDateTime('2025-03-10T09:15:02.5-03:00')).toBe(parseXsDateTime('2025-03-10T09:15:02.5-03:00'));
    expect(parseXsDateTime('2025-03-10T09:15:02-03:00')).not.toBe(parseXsDateTime('2025-03-10T09:15:02-03:00'));
    for (let i = 0; i < 5000; i++) parseXsDateTime(`2025-03-10T09:15:${String(i % 60).padStart(2, '0')}.${i}Z`);
    expect(parseXsDateTime('2025-03-10T09:15:02.5-03:00')?.instant).toBe(Date.parse('2025-03-10T12:15:02.5Z'));
    expect(parseXsDateTime('2025-03-10T09:15:02-03:00')?.instant).toBe(Date.parse('2025-03-10T12:15:02Z'));
    expect(parseXsDateTime('2025-02-30T09:15:02Z')).toBeUndefined();
  });

  it('refuses what is not a date-time', () => {
    for (const bad of [
      '10/03/2025',
      '2025-03-10',
      '2025-02-30T00:00:00-03:00',
      '2025-03-10T25:00:00Z',
      '2025-03-10 09:15:02-03:00',
      '2025-03-10T09:15:02-15:00',
    ]) {
      expect(parseXsDateTime(bad)).toBeUndefined();
    }
  });

  it('reads the common form digit by digit exactly as the regular expression reads it, among 20,000 values near it', () => {
    const rnd = seededRandom(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const num = (n: number, max: number): string => String(Math.floor(rnd() * max)).padStart(n, '0');
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const zone = pick(['', 'Z', `${pick(['+', '-'])}${num(2, 16)}:${num(2, 62)}`, '-03:00', '+0300', 'z', ' 03:00', '-03-00', '.5', '.12345']);
      const year = pick([num(4, 10000), '2024', '2100', '1900', '0000', '-2024', '20245', 'x024']);
      const sep = (c: string): string => (rnd() < 0.02 ? pick(['/', ' ', '0']) : c);
      const value = `${year}${sep('-')}${num(2, 14)}${sep('-')}${num(2, 33)}${sep('T')}${num(2, 26)}${sep(':')}${num(2, 62)}${sep(':')}${pick([num(2, 62), '0a'])}${zone}`;
      const parsed = parseXsDateTime(value);
      expect(parsed ?? null, value).toEqual(parseByPattern(value));
      if (parsed) valid++;
    }
    // Both verdicts must be reached often, or the comparison proves little.
    expect(valid).toBeGreaterThan(1000);
    expect(valid).toBeLessThan(19_000);
  });

  it('compares instants across offsets', () => {
    expect(instantOf('2025-03-10T09:00:00-03:00')).toBe(instantOf('2025-03-10T12:00:00Z'));
    expect(instantOf('2025-03-10T09:00:00')).toBeUndefined();
  });

  it("gives a zone's historical offset to values without one", () => {
    expect(withZoneOffset('2025-03-10T09:15:02', 'America/Sao_Paulo')).toBe('2025-03-10T09:15:02-03:00');
    // Brazil still had daylight saving time in January 2015
    expect(withZoneOffset('2015-01-10T09:15:02', 'America/Sao_Paulo')).toBe('2015-01-10T09:15:02-02:00');
    expect(withZoneOffset('2025-03-10T09:15:02', 'America/Manaus')).toBe('2025-03-10T09:15:02-04:00');
    expect(withZoneOffset('2025-03-10T09:15:02+01:00', 'America/Sao_Paulo')).toBe('2025-03-10T09:15:02+01:00');
    expect(withZoneOffset('not a date', 'America/Sao_Paulo')).toBe('not a date');
  });

  it("prints now as PHP's date('c')", () => {
    expect(nowInZone('America/Sao_Paulo', Date.UTC(2025, 2, 10, 12, 15, 2))).toBe('2025-03-10T09:15:02-03:00');
  });
});

describe('zone offsets (cached per UTC hour)', () => {
  /** The offset straight from Intl, without the cache. */
  const intl = (zone: string, ms: number): number => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };

  it('agrees with Intl at every minute around daylight-saving changes, and at random instants', () => {
    // São Paulo's last DST start (2018-11-04 00:00 local) and end (2019-02-17 00:00 local); a zone with a
    // 30-minute offset change (Australia/Lord_Howe); one changing at 01:00 UTC (Europe/Lisbon).
    const cases: Array<[string, string]> = [
      ['America/Sao_Paulo', '2018-11-04T03:00:00Z'],
      ['America/Sao_Paulo', '2019-02-17T02:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Europe/Lisbon', '2026-03-29T01:00:00Z'],
    ];
    for (const [zone, at] of cases) {
      const t0 = Date.parse(at);
      for (let m = -120; m <= 120; m++) expect(zoneOffsetMinutes(zone, t0 + m * 60_000), `${zone} ${m}`).toBe(intl(zone, t0 + m * 60_000));
    }
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const ms = Date.parse('1990-01-01T00:00:00Z') + random() * 40 * 365 * 86_400_000;
      for (const zone of ['America/Sao_Paulo', 'America/Manaus', 'America/Noronha', 'UTC']) expect(zoneOffsetMinutes(zone, ms)).toBe(intl(zone, ms));
    }
  });
});
