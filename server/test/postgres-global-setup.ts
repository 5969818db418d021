import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the run's throwaway cluster. */
    postgresUrl: string;
  }
}

/**
 * The `postgresql` test project's global setup: one throwaway cluster for the run (about 1.5 s),
 * each test making its own database on it (server/test/test-repository.ts).
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
