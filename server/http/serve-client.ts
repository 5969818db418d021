import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built app (dist/). Hashed files under /assets/ never change, so they are cached for a
 * year; everything else (index.html, sw.js, the manifest, icons) is revalidated on every use so a
 * new version is picked up. Any other GET for a page gets index.html: the app routes on the client,
 * with `headTags` for its path (when given) added to its head; a failure there sends the page without them.
 */
export function serveClient(clientDir: string, headTags?: (pagePath: string) => Promise<string>): Router {
  const router = Router();
  const indexHtml = path.join(clientDir, 'index.html');
  if (!existsSync(indexHtml)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The app is not built yet: run `npm run build` (npm start does it for you).');
    });
    return router;
  }
  // The app's text files are compressed; media never is (it is already compressed, and ranges
  // must address the file's own bytes). The hashed scripts come compressed from the build
  // (vite.config.ts: .br and .gz beside each) and go out as they are, brotli first; compression()
  // leaves a response that already has an encoding alone and compresses the rest as it is sent.
  router.use(compression());
  const files = expressStaticGzip(clientDir, {
    // Its own default would send index.html for `/`, without the first screen's preloads (below).
    index: false,
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    serveStatic: {
      index: false,
      redirect: false,
      setHeaders(res, file) {
        const immutable = file.startsWith(path.join(clientDir, 'assets') + path.sep);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (file.endsWith('.webmanifest')) res.setHeader('Content-Type', 'application/manifest+json');
      },
    },
  });
  // A path that cannot be percent-decoded is the client's mistake, answered like every other by the
  // app's JSON error handler; express-static-gzip would answer it with an HTML page of its own.
  router.use((req, res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      next(Object.assign(new URIError('malformed URL'), { status: 400 }));
      return;
    }
    files(req, res, next);
  });
  const page = readFileSync(indexHtml, 'utf8');
  router.get('/{*page}', async (req, res, next) => {
    if (!req.accepts('html') || path.extname(req.path) !== '') return next();
    const tags = headTags ? await headTags(req.path).catch(() => '') : '';
    res.setHeader('Cache-Control', 'no-cache');
    // No validator: the page follows the catalog's newest releases, it is about 1 KB compressed,
    // and after the first visit the SW serves its own copy.
    res.type('html').send(tags ? page.replace('</head>', `${tags}</head>`) : page);
  });
  return router;
}
