/**
 * Calls `task` for every item with at most `limit` calls in flight, and
 * resolves to the results in the items' order. Rejects with the first
 * failure (calls already started still finish). The build renders images
 * and compresses files this way (build/render-png.ts, build/precompress.ts): a few at a time keeps every core busy
 * without holding every image in memory at once.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** How many images or files the build works on at once: enough to keep a few cores busy. */
export const buildConcurrency = 4;
