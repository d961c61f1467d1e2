import { describe, expect, it } from 'vitest';
import { prepareQuery } from '../../src/sources/sql/params.js';

const w = { since: '2025-01-01 00:00:00', until: '2025-01-02 00:00:00' };

describe(':since and :until', () => {
  const sql = 'SELECT a.id, a.x::date, \':since\' AS s, "c:until" FROM t a -- :since here\n/* :until */ WHERE a.t > :since AND a.t <= :until AND a.u > :since';

  it('become $n for PostgreSQL, reusing the same number', () => {
    const p = prepareQuery(sql, w, 'pg');
    expect(p.text).toBe('SELECT a.id, a.x::date, \':since\' AS s, "c:until" FROM t a -- :since here\n/* :until */ WHERE a.t > $1 AND a.t <= $2 AND a.u > $1');
    expect(p.values).toEqual([w.since, w.until]);
  });

  it('become ? for MySQL, one value per use', () => {
    const p = prepareQuery(sql, w, 'mysql');
    expect(p.text.endsWith('WHERE a.t > ? AND a.t <= ? AND a.u > ?')).toBe(true);
    expect(p.values).toEqual([w.since, w.until, w.since]);
  });

  it('stay named for SQLite and Oracle, @name for SQL Server, with only the names used', () => {
    expect(prepareQuery('SELECT 1 WHERE x > :since', w, 'named-colon')).toEqual({
      text: 'SELECT 1 WHERE x > :since',
      values: { since: w.since },
      used: ['since'],
    });
    expect(prepareQuery('SELECT 1 WHERE x > :since AND y <= :until', w, 'named-at').text).toBe('SELECT 1 WHERE x > @since AND y <= @until');
  });

  it('leaves other colon words and escaped quotes alone', () => {
    expect(prepareQuery("SELECT ':a''s :since' , :other, x FROM t WHERE y = :until", w, 'pg').text).toBe(
      "SELECT ':a''s :since' , :other, x FROM t WHERE y = $1",
    );
  });
});
