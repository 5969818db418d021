import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title.js';

describe('pageTitle', () => {
  it('names the page first, then the app', () => {
    expect(pageTitle({ name: 'settings' })).toBe('Settings — Stowaway');
    expect(pageTitle({ name: 'now-playing' })).toBe('Now playing — Stowaway');
    expect(pageTitle({ name: 'release', id: 'harbour-lights' }, 'Harbour Lights')).toBe('Harbour Lights — Stowaway');
  });

  it('still names a release the catalog does not know yet', () => {
    expect(pageTitle({ name: 'release', id: 'x' })).toBe('Release — Stowaway');
  });
});
