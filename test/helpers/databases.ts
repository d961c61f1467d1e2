import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { sampleSql, type SampleSpeOptions } from '../../src/cli/sample-spe.js';

/** Where the test databases live (CI runs on this machine, with both services running). */
export const PG = {
  host: process.env['PI_TEST_PG_HOST'] ?? '127.0.0.1',
  port: Number(process.env['PI_TEST_PG_PORT'] ?? 5432),
  user: process.env['PI_TEST_PG_USER'] ?? 'postgres',
};
export const MARIADB = {
  host: process.env['PI_TEST_MARIADB_HOST'] ?? '127.0.0.1',
  port: Number(process.env['PI_TEST_MARIADB_PORT'] ?? 3306),
  user: process.env['PI_TEST_MARIADB_USER'] ?? 'root',
};

export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ ...PG, database: 'postgres', connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function mariadbReachable(): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ ...MARIADB, connectTimeout: 3000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const uniqueName = (): string => `pi_test_${randomBytes(5).toString('hex')}`;

/** A new PostgreSQL database with the sample SPE; dropped by the returned function. */
export async function pgSampleDatabase(options: SampleSpeOptions): Promise<{ name: string; client: pg.Client; drop: () => Promise<void> }> {
  const name = uniqueName();
  const admin = new pg.Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const client = new pg.Client({ ...PG, database: name });
  await client.connect();
  for (const sql of sampleSql('postgres', options)) await client.query(sql);
  return {
    name,
    client,
    drop: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A new MariaDB database with the sample SPE; dropped by the returned function. */
export async function mariadbSampleDatabase(options: SampleSpeOptions): Promise<{ name: string; conn: mysql.Connection; drop: () => Promise<void> }> {
  const name = uniqueName();
  const conn = await mysql.createConnection({ ...MARIADB, charset: 'utf8mb4' });
  await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.query(`USE ${name}`);
  for (const sql of sampleSql('mariadb', options)) await conn.query(sql);
  return {
    name,
    conn,
    drop: async () => {
      await conn.query(`DROP DATABASE IF EXISTS ${name}`);
      await conn.end();
    },
  };
}
