/**
 * Where a film or a long piece was left, so it resumes there (localStorage: small and synchronous).
 * Songs always start at 0:00, as in every music app: a resume position belongs to something a
 * person watches or listens to over several sittings.
 */
const KEY = 'stowaway:positions';
const MAX_ENTRIES = 200;

/** Tracks at least this long resume where they were left (films always do: movie-player.ts). */
export const RESUME_MIN_SECONDS = 20 * 60;

export const trackResumes = (durationSeconds: number): boolean => durationSeconds >= RESUME_MIN_SECONDS;

function readAll(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

export function savedPosition(url: string): number {
  return readAll()[url] ?? 0;
}

export function savePosition(url: string, seconds: number, duration: number): void {
  // Near the start or the end there is nothing worth resuming.
  const worthKeeping = seconds >= 5 && !(Number.isFinite(duration) && seconds > duration - 5);
  const others = Object.entries(readAll()).filter(([key]) => key !== url);
  const entries = [...others, ...(worthKeeping ? [[url, Math.floor(seconds)] as const] : [])].slice(-MAX_ENTRIES);
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // storage full or unavailable: resuming is a nicety
  }
}
