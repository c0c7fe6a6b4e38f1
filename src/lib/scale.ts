/**
 * From this many rallies on, the app switches to its "many rallies" mode:
 * clustered markers (indexed in a Web Worker) and a virtualised city list.
 * Below it, none of that code is loaded and every rally has its own marker.
 */
export const manyRalliesThreshold = 300;

/** True when a collection of `count` rallies is shown in the "many rallies" mode. */
export function hasManyRallies(count: number): boolean {
  return count >= manyRalliesThreshold;
}

/**
 * Rally files at least this many bytes long are decoded and validated in a
 * Web Worker, so the main thread never parses them; smaller ones (the real
 * file is about 15 kB) are parsed where they arrive.
 */
export const workerParseBytes = 512 * 1024;
