import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * The app's icons, drawn inline as SVG on a 24-unit grid. Never font glyphs: ⏮ ⏸ ⏭ and friends
 * are missing from many installed fonts and showed as empty boxes. Icons are decoration: the
 * button around one carries its name (aria-label).
 */
const line = (d: string) =>
  svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`;

const PATHS = {
  play: svg`<path d="M8 5.5v13l10.5-6.5z" />`,
  pause: svg`<path d="M6.5 5h3.5v14H6.5zM14 5h3.5v14H14z" />`,
  previous: svg`<path d="M6 5h2.2v14H6zM9.5 12 18 5.5v13z" />`,
  next: svg`<path d="M15.8 5H18v14h-2.2zM6 5.5 14.5 12 6 18.5z" />`,
  shuffle: svg`${line('M3 7h3.5c2 0 3 1 4.2 2.7l2.6 4.6C14.5 16 15.5 17 17.5 17H20M3 17h3.5c1.2 0 2-.4 2.7-1.1M14.8 8.1c.7-.7 1.5-1.1 2.7-1.1H20')}<path d="M19 3.5 22.5 7 19 10.5zM19 13.5l3.5 3.5-3.5 3.5z" />`,
  repeat: svg`${line('M4 12V9.5A2.5 2.5 0 0 1 6.5 7H19M20 12v2.5a2.5 2.5 0 0 1-2.5 2.5H5')}<path d="M17.5 3.5 21 7l-3.5 3.5zM6.5 13.5 3 17l3.5 3.5z" />`,
  repeatOne: svg`${line('M4 12V9.5A2.5 2.5 0 0 1 6.5 7H19M20 12v2.5a2.5 2.5 0 0 1-2.5 2.5H5')}<path d="M17.5 3.5 21 7l-3.5 3.5zM6.5 13.5 3 17l3.5 3.5zM11.2 10.2l1.8-.9h1v5.6h-1.5v-3.8l-1.3.6z" />`,
  queue: svg`${line('M4 6h12M4 11h12M4 16h7')}<path d="M15 13.5v7l5.5-3.5z" />`,
  more: svg`<circle cx="12" cy="5.5" r="2" /><circle cx="12" cy="12" r="2" /><circle cx="12" cy="18.5" r="2" />`,
  star: svg`${line('m12 3.8 2.5 5.2 5.6.7-4.1 3.9 1 5.6-5-2.7-5 2.7 1-5.6-4.1-3.9 5.6-.7z')}`,
  starFilled: svg`<path d="m12 3 2.8 5.6 6.2.8-4.5 4.3 1.1 6.1L12 16.9l-5.6 2.9 1.1-6.1L3 9.4l6.2-.8z" />`,
  back10: svg`${line('M4.5 12a7.5 7.5 0 1 0 2.2-5.3M4.5 4v4.5H9')}<path d="M9 10h1.6v6H9zM14 10a2 2 0 0 1 2 2v2a2 2 0 0 1-4 0v-2a2 2 0 0 1 2-2m0 1.4a.6.6 0 0 0-.6.6v2a.6.6 0 0 0 1.2 0v-2a.6.6 0 0 0-.6-.6" />`,
  forward10: svg`${line('M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4v4.5H15')}<path d="M8 10h1.6v6H8zM13 10a2 2 0 0 1 2 2v2a2 2 0 0 1-4 0v-2a2 2 0 0 1 2-2m0 1.4a.6.6 0 0 0-.6.6v2a.6.6 0 0 0 1.2 0v-2a.6.6 0 0 0-.6-.6" />`,
  fullscreen: svg`${line('M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5')}`,
  exitFullscreen: svg`${line('M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5')}`,
  close: svg`${line('M6 6l12 12M18 6 6 18')}`,
  subtitles: svg`${line('M3.5 6.5a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2zM7 12h4M13 12h4M7 15.5h7')}`,
  textSize: svg`<path d="M3 19 7.3 7h1.9L13.5 19h-2l-1-3H6l-1 3zm3.6-4.8h3.3L8.3 9.4zM14 19l3-8.5h1.6L21.5 19h-1.7l-.7-2h-3l-.7 2zm2.6-3.5h2L17.6 12.5z" />`,
  up: svg`${line('m6 15 6-6 6 6')}`,
  back: svg`${line('M19 12H5M11 6l-6 6 6 6')}`,
  check: svg`${line('m5 12.5 4.5 4.5L19 7')}`,
  down: svg`${line('m6 9 6 6 6-6')}`,
  remove: svg`${line('M5 12h14')}`,
  playNext: svg`${line('M4 6h10M4 11h10M4 16h6')}<path d="M14.5 13v7.5L20.5 16.7z" /><path d="M17 4h2v6h-2z" />`,
  addToQueue: svg`${line('M4 6h12M4 11h12M4 16h7M18 13v7M14.5 16.5h7')}`,
  library: svg`${line('M4.5 4.5h6v6h-6zM13.5 4.5h6v6h-6zM4.5 13.5h6v6h-6zM13.5 13.5h6v6h-6z')}`,
  pin: svg`${line('M9 4h6M10 4v6l-3 4h10l-3-4V4M12 14v6')}`,
  download: svg`${line('M12 4v11M7 10.5l5 5 5-5M5 20h14')}`,
  settings: svg`${line('M4 7h8M16 7h4M4 17h4M12 17h8')}<circle cx="14" cy="7" r="2" fill="none" stroke="currentColor" stroke-width="2" /><circle cx="10" cy="17" r="2" fill="none" stroke="currentColor" stroke-width="2" />`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName, size = 24): TemplateResult {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    width=${size}
    height=${size}
    fill="currentColor"
    aria-hidden="true"
    focusable="false"
  >
    ${PATHS[name]}
  </svg>`;
}
