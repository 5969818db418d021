import { describe, expect, it } from 'vitest';
import { parseRoute } from './page-route.js';
import { PAGES } from './routes.js';

describe('parseRoute', () => {
  it('names each page from its address', () => {
    expect(parseRoute(PAGES.catalog)).toEqual({ name: 'catalog' });
    expect(parseRoute(PAGES.settings)).toEqual({ name: 'settings' });
    expect(parseRoute(PAGES.downloads)).toEqual({ name: 'downloads' });
    expect(parseRoute(PAGES.nowPlaying)).toEqual({ name: 'now-playing' });
  });

  it('gives a release or an artist its id as written before it was escaped', () => {
    expect(parseRoute(PAGES.release('a b/ç'))).toEqual({ name: 'release', id: 'a b/ç' });
    expect(parseRoute(PAGES.artist('Ånna'))).toEqual({ name: 'artist', id: 'Ånna' });
  });

  it('calls anything else not found, a malformed escape included (it used to throw and leave the app blank)', () => {
    expect(parseRoute('/releases/%E0')).toEqual({ name: 'not-found', path: '/releases/%E0' });
    expect(parseRoute('/releases/a/b')).toEqual({ name: 'not-found', path: '/releases/a/b' });
    expect(parseRoute('/nowhere')).toEqual({ name: 'not-found', path: '/nowhere' });
  });
});
