import type { RequestHandler } from 'express';

/**
 * The CSP the built app runs under: only our own scripts, workers and connections; blob: media for
 * shaka-player's MediaSource; inline styles only because Lit falls back to <style> tags where
 * constructable stylesheets are missing. With media on another origin (MEDIA_BASE_URL), that
 * origin too for images, media and fetches (the downloads), and nothing more.
 */
export function contentSecurityPolicy(mediaOrigin?: string): string {
  const media = mediaOrigin ? ` ${mediaOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    `connect-src 'self'${media}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(mediaOrigin?: string): RequestHandler {
  const policy = contentSecurityPolicy(mediaOrigin);
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  };
}
