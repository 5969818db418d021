import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, defaultClientConditions, defaultServerConditions, type Plugin, type Rolldown } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { webManifest } from './client/web-manifest.js';

/**
 * `npm run dev`: the Express API and media routes run inside Vite's dev server, so the app, its
 * SW, /api and /media share one origin just as in production.
 */
function devApi(): Plugin {
  return {
    name: 'stowaway-dev-api',
    apply: 'serve',
    async configureServer(server) {
      // Vite's root is client/; the server lives beside it, so its modules load by absolute path.
      const here = path.dirname(fileURLToPath(import.meta.url));
      const load = (file: string) => server.ssrLoadModule(`/@fs${path.join(here, file)}`);
      const { loadConfig } = (await load('server/config/load-config.ts')) as typeof import('./server/config/load-config.js');
      const { prepareServer } = (await load('server/start-server.ts')) as typeof import('./server/start-server.js');
      const { createLogger } = (await load('server/logger.ts')) as typeof import('./server/logger.js');
      const { app, workAlerts } = await prepareServer(loadConfig(process.env), createLogger(), { serveClient: false });
      await workAlerts();
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/') || req.url?.startsWith('/media/')) app(req, res);
        else next();
      });
    },
  };
}

/**
 * Each hashed script and stylesheet also as `.gz` (level 9) and `.br` (quality 11), written once at
 * build, which the server (server/http/serve-client.ts) and nginx (`gzip_static`) send as they are.
 * Compressed on each request, the entry went out at gzip level 6, cost the server its CPU every
 * time, and nginx sent it uncompressed; the smallest forms are too slow to make per request.
 */
function precompressAssets(): Plugin {
  return {
    name: 'stowaway-precompress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.startsWith('assets/') || !/\.(js|css)$/.test(file.fileName)) continue;
        const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        const target = path.join(options.dir ?? '', file.fileName);
        writeFileSync(`${target}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${target}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * Every module the entry imports statically goes into the entry's own chunk. Rolldown's automatic
 * splitting puts a module shared by the entry and a lazily loaded page (page-modules.ts) into a
 * common chunk of its own: the start then fetched four more scripts (modulepreloaded, but each a
 * request on a phone's network: Lighthouse's FCP went from 1.1 to 1.5 s), for code that always
 * runs at start anyway. Modules only the lazy pages use stay in their chunks.
 */
function entryChunkOf(id: string, ctx: Rolldown.ChunkingContext): string | null {
  const seen = new Set<string>();
  const fromEntry = (moduleId: string): boolean => {
    if (seen.has(moduleId)) return false;
    seen.add(moduleId);
    const info = ctx.getModuleInfo(moduleId);
    return !!info && (info.isEntry || info.importers.some(fromEntry));
  };
  return fromEntry(id) ? 'index' : null;
}

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  envDir: '..',
  // `source` resolves #common/* to the TypeScript files (package.json "imports").
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  server: { port: Number(process.env.PORT ?? 8080), strictPort: true },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: entryChunkOf }] } } },
  },
  plugins: [
    devApi(),
    precompressAssets(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '../sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: webManifest,
      injectManifest: {
        // The manifest is served on its own; listing it here would precache it twice.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        globIgnores: ['**/screenshots/**'],
        rollupFormat: 'iife',
        buildPlugins: { vite: [] },
      },
      devOptions: { enabled: true, type: 'module', navigateFallback: 'index.html' },
    }),
  ],
});
