import type { SwToPage } from '#common/sw-messages';
import './components/stowaway-app.js';
import { reattachDownloads } from './downloads/download-actions.js';
import { startRouter } from './router.js';
import { loadCatalog } from './state/catalog-store.js';
import { watchConnectivity } from './state/connectivity.js';
import { refreshDownloads } from './state/downloads-store.js';
import { installMediaSessionHandlers } from './state/player.js';
import { checkForUpdate, registerServiceWorker } from './sw-bridge.js';

function onServiceWorkerMessage(message: SwToPage): void {
  switch (message.type) {
    case 'catalog-updated':
      void loadCatalog();
      break;
    case 'download-changed':
      void refreshDownloads();
      break;
  }
}

startRouter();
installMediaSessionHandlers();
watchConnectivity(() => {
  void loadCatalog();
  void checkForUpdate();
});
void refreshDownloads();
void registerServiceWorker(onServiceWorkerMessage)
  .catch(() => undefined)
  .then(loadCatalog)
  .then(reattachDownloads)
  .catch(() => undefined);
