import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { postgresBinDir } from './server/test/postgres-cluster.js';

/**
 * The tests that run a second time on PostgreSQL (STOWAWAY_TEST_BACKEND=postgresql, see
 * server/test/test-repository.ts): every one that reads or writes the stores through the
 * Repository interface, so both implementations answer the same suite.
 */
const ON_BOTH_BACKENDS = [
  'server/storage/catalog-store.test.ts',
  'server/storage/prune-rows.test.ts',
  'server/push/push-sender.test.ts',
  'server/delivery/alert-delivery.test.ts',
  'server/catalog/import-base-catalog.test.ts',
  'server/routes/{library-router,library-paging,changes-router,releases-router,push-router,actions-router}.test.ts',
  // PostgreSQL only: what several processes on one database do.
  'server/**/*.postgres.test.ts',
];

/**
 * Without PostgreSQL installed, the second run is left out with the reason printed; .ci/run
 * installs it and sets STOWAWAY_REQUIRE_POSTGRES=1, so there a missing server fails the run.
 */
function postgresProject() {
  if (postgresBinDir()) {
    return [
      {
        extends: true as const,
        test: {
          name: 'postgresql',
          include: ON_BOTH_BACKENDS,
          env: { STOWAWAY_TEST_BACKEND: 'postgresql' },
          globalSetup: ['server/test/postgres-global-setup.ts'],
        },
      },
    ];
  }
  const reason = 'PostgreSQL is not installed (apt-get install postgresql): the store tests run on SQLite only';
  if (process.env['STOWAWAY_REQUIRE_POSTGRES'] === '1') throw new Error(reason);
  process.stderr.write(`${reason}\n`);
  return [];
}

/** Unit tests: every `*.test.ts` beside the code it tests, run in Node. */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    environment: 'node',
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{common,browser,server,client,sw,media}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.postgres.test.ts'],
        },
      },
      ...postgresProject(),
    ],
  },
});
