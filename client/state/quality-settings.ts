import { appState, DEFAULT_QUALITY_SETTINGS, type QualitySettings } from '#browser/state/app-state';
import type { Release } from '#common/catalog';
import type { QualityChoice } from '#common/renditions';
import { Store } from './store.js';

/** Settings › Quality, as the page shows and uses it (the SW reads the same values from IndexedDB). */
export const qualitySettings = new Store<QualitySettings>(DEFAULT_QUALITY_SETTINGS);

export async function loadQualitySettings(): Promise<void> {
  qualitySettings.set(await appState.qualities());
}

export async function saveQualitySettings(change: Partial<QualitySettings>): Promise<void> {
  const next = { ...qualitySettings.value, ...change };
  await appState.setQualities(next);
  qualitySettings.set(next);
}

/** The person's download choice for this release's kind: a quality, or "ask each time". */
export const downloadChoiceFor = (release: Release): QualityChoice =>
  release.kind === 'movie' ? qualitySettings.value.film : qualitySettings.value.music;
