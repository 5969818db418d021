import { describe, expect, it } from 'vitest';
import { ARTIST_ID_PATTERN, artistIdOf } from './artist-id.js';
import { foldText } from './fold-text.js';

describe('foldText', () => {
  it('drops case, accents and the marks Unicode keeps inside letters', () => {
    expect(foldText('Élan ÇA Zoë')).toBe('elan ca zoe');
    expect(foldText('Ødegaard Æsop Straße Łódź Cœur')).toBe('odegaard aesop strasse lodz coeur');
    expect(foldText('ﬁn')).toBe('fin'); // compatibility forms
  });
});

describe('artistIdOf', () => {
  it.each([
    ['Sigur Rós', 'sigur-ros'],
    ['  The  Stowaways!! ', 'the-stowaways'],
    ['Anna Ødegaard', 'anna-odegaard'],
    ['坂本 龍一', '坂本-龍一'],
    ['A'.repeat(70), 'a'.repeat(64)],
  ])('%s → %s', (name, id) => {
    expect(artistIdOf(name)).toBe(id);
    expect(id).toMatch(ARTIST_ID_PATTERN);
  });

  it('gives a name with no letter or digit an id of its own', () => {
    expect(artistIdOf('!!!')).toMatch(/^artist-[0-9a-z]+$/);
    expect(artistIdOf('!!!')).not.toBe(artistIdOf('???'));
    expect(artistIdOf('!!!')).toMatch(ARTIST_ID_PATTERN);
  });
});
