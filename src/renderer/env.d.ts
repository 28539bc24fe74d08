/// <reference types="vite/client" />
import type { DoudiBridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload; the browser talks HTTP instead. */
    doudi?: DoudiBridge;
  }
}
