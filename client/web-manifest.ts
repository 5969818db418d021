import type { ManifestOptions } from 'vite-plugin-pwa';

/**
 * The web app manifest. Icons and screenshots are made from client/icons/icon.svg and the running
 * app by `npm run icons`, and committed.
 */
export const webManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Stowaway — offline music and movies',
  short_name: 'Stowaway',
  description: 'Download albums and movies, play them with no network, and hear about new releases.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#14213d',
  background_color: '#0d1526',
  categories: ['music', 'entertainment'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  screenshots: [
    {
      src: '/screenshots/catalog-wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: 'The catalog on a desktop',
    },
    {
      src: '/screenshots/catalog-narrow.png',
      sizes: '390x844',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'The catalog on a phone',
    },
  ],
  shortcuts: [
    {
      name: 'Downloads',
      short_name: 'Downloads',
      description: 'Everything stored for offline use',
      url: '/downloads',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
  ],
};
