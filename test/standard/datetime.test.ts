import { describe, expect, it } from 'vitest';
import { instantOf, nowInZone, parseXsDateTime, withZoneOffset } from '../../src/standard/datetime.js';

describe('xs:dateTime', () => {
  it('parses the SEI form and sees the offset', () => {
    expect(parseXsDateTime('2025-03-10T09:15:02-03:00')).toEqual({ local: '2025-03-10T09:15:02', offset: '-03:00' });
    expect(parseXsDateTime('2025-03-10T09:15:02Z')?.offset).toBe('Z');
    expect(parseXsDateTime('2025-03-10T09:15:02.123')).toEqual({ local: '2025-03-10T09:15:02.123', offset: undefined });
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
