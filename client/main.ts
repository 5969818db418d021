import type { SwToPage } from '#common/sw-messages';
import './components/stowaway-app.js';
import { pumpFromPage, watchQueue } from './downloads/page-queue.js';
import { reattachDownloads } from './downloads/reattach-downloads.js';
import { cleanUpDownloads } from './downloads/storage-cleanup.js';
import { lastBackgroundRefresh } from './background/periodic-refresh.js';
import { flushOutbox } from './background/outbox-sender.js';
import { startRouter } from './router.js';
import { loadLibraryPrefs } from './state/library-prefs.js';
import { loadQualitySettings } from './state/quality-settings.js';
import { reloadLibrary } from './state/library-list.js';
import { forgetLoadedReleases } from './state/release-cache.js';
import { watchConnectivity } from './state/connectivity.js';
import { refreshDownloads } from './state/downloads-store.js';
import { installKeyboardShortcuts } from './player/keyboard-shortcuts.js';
import { seekBy, startPlayer, togglePlay } from './player/player.js';
import { checkForUpdate, postToServiceWorker, registerServiceWorker } from './sw-bridge.js';

function onServiceWorkerMessage(message: SwToPage): void {
  switch (message.type) {
    case 'catalog-updated':
      forgetLoadedReleases();
      void reloadLibrary();
      break;
    case 'background-refreshed':
      lastBackgroundRefresh.set(message.at);
      break;
  }
}

startRouter();
installKeyboardShortcuts({ togglePlay, seekBy });
watchConnectivity(() => {
  void reloadLibrary();
  void pumpFromPage().catch(() => undefined);
  void checkForUpdate();
  void flushOutbox().catch(() => undefined);
});
void loadLibraryPrefs();
// The downloads first: whether the restored track can play offline depends on them.
// …and the quality settings: which file of a track streams.
void Promise.all([refreshDownloads(), loadQualitySettings()]).finally(() => void startPlayer());
void cleanUpDownloads().catch(() => undefined);
watchQueue();
// The library never waits for the SW: a controlled page's request goes through it anyway, and
// WebKit can leave a registration "installing" for good when the page that started it navigated
// away mid-install, so a page that awaited register() first showed "Loading…" forever.
void registerServiceWorker(onServiceWorkerMessage).catch(() => undefined);
void reloadLibrary().then(() => {
  // Each of these on its own: re-attaching waits for an active SW, which may never come (above).
  void reattachDownloads().catch(() => undefined);
  // Browsers fire periodic sync rarely or never: opening the app is also a refresh. The SW
  // follows the change feed (new releases, auto-downloads), and actions taken offline are sent.
  postToServiceWorker({ type: 'check-new-releases' });
  void flushOutbox().catch(() => undefined);
});
