/**
 * How far the backend's JavaScript heap may grow between full collections. By default V8 lets it reach up
 * to four times what was live at the last one when collections are cheap, which is right for a server with
 * memory to spare and wrong for an office PC: a 100,000-row import has about 150 MB live but left garbage
 * until its process held 420–450 MB. Bounding growth to twice the live set keeps that import near 310 MB
 * for a few more (incremental, mostly concurrent) collections. Every process entry that runs the backend
 * calls this once, first (the Electron main process, the `doudi` command line and so the HTTP transport).
 */
import v8 from 'node:v8';

/** The old generation may grow to (1 + this / 100) × its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 100;

export function boundHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
