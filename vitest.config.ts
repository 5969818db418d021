import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Unit tests: every `*.test.ts` beside the code it tests, run in Node. */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    include: ['{common,browser,server,client,sw,media}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
