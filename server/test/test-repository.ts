import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openPostgresRepository } from '../storage/postgres-repository.js';
import type { Repository } from '../storage/repository.js';
import { openSqliteRepository } from '../storage/sqlite-repository.js';
import { createDatabase } from './postgres-cluster.js';

/**
 * The store a test runs on. vitest.config.ts runs the store and route tests twice: in the `unit`
 * project on SQLite, and in the `postgresql` project (STOWAWAY_TEST_BACKEND=postgresql) on a
 * fresh database of the run's throwaway cluster (postgres-global-setup.ts).
 */
export const onPostgres = process.env['STOWAWAY_TEST_BACKEND'] === 'postgresql';

/** A new, empty database on the run's backend: a function that opens a repository on it (again and again). */
export async function testDatabase(): Promise<() => Promise<Repository>> {
  if (onPostgres) {
    const url = await createDatabase(inject('postgresUrl'));
    return () => openPostgresRepository(url);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'stowaway-store-')), 'db.sqlite');
  return async () => openSqliteRepository(file);
}

/** A new, empty repository on the run's backend. */
export async function openTestRepository(): Promise<Repository> {
  return (await testDatabase())();
}

/** What the server's environment needs for the run's backend: a fresh database on PostgreSQL. */
export async function testDatabaseEnv(): Promise<Record<string, string>> {
  return onPostgres ? { DATABASE_URL: await createDatabase(inject('postgresUrl')) } : {};
}
