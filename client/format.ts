import type { Release } from '#common/catalog';

/** What a release is called on screen: the catalog's `movie` is a film everywhere a person reads it. */
export const KIND_LABEL: Readonly<Record<Release['kind'], string>> = { album: 'Album', movie: 'Film' };

/** `1.4 MB`, `820 kB`: decimal units, as storage.estimate() and the OS report them. */
export function formatBytes(bytes: number): string {
  // Whole bytes: a speed (bytes a second) is rarely one, and showed as `995.0470529965329 B/s`.
  if (bytes < 999.5) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** `3:07`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** `12 s`, `4 min`, `1 h 5 min`: a time left, rounded the way people say it. */
export function formatTimeLeft(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * `14 March 2026` (or `March 14, 2026`, in the person's locale) for a calendar date such as a
 * release date, `2026-03-14`. Read as UTC and shown as UTC: the date is a day, not an instant, and
 * must not become 13 March west of Greenwich.
 */
export function formatDate(isoDate: string, locales?: Intl.LocalesArgument): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `14 Mar 2026`: the day of an instant (milliseconds since the epoch) in the person's locale and zone. */
export function formatDay(epochMs: number, locales?: Intl.LocalesArgument): string {
  return new Intl.DateTimeFormat(locales, { dateStyle: 'medium' }).format(epochMs);
}

/** `14 March 2026, 09:12`: an instant (milliseconds since the epoch) in the person's locale and zone. */
export function formatDateTime(epochMs: number, locales?: Intl.LocalesArgument): string {
  return new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
