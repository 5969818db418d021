import { AppElement } from './app-element.js';

/**
 * What a part of a page extends (a Settings card, a release's download status and buttons, the
 * Downloads page's storage meter): it renders in the same task as the page that holds it. Yielding
 * first, as pages do (app-element.ts), it came a task later than the page around it, and on a busy
 * phone a paint fell in between: a release's buttons and everything below them moved down as they
 * came (layout shift 0.11 at 320×640 with the CPU 6× slower), and Settings' cards pushed Storage
 * and the rest down (0.45 to 0.76, in about one load in four).
 */
export class PagePart extends AppElement {
  static override yieldsBeforeFirstRender = false;
}
