import { isIsoDate } from '../lib/offline-copy.ts';
import type { RallyCollection } from '../lib/parse-rallies.ts';
import { finishLoading } from './rally-store.ts';

/**
 * Fills the store from the rally collection a page generated at build time
 * carries, synchronously, so the page can be hydrated without a loading
 * state. The build validated it (build/prerender-plugin.ts), so it is not
 * validated again, and the validator's code is not loaded. `dataAsOf` is the
 * day the build stamped on it (ignored unless YYYY-MM-DD). Returns false (and
 * changes nothing) if the text is not JSON shaped like a collection.
 */
export function loadEmbeddedCollection(text: string, dataAsOf?: string | null): boolean {
  let collection: unknown;
  try {
    collection = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isCollection(collection)) return false;
  finishLoading(collection, { dataAsOf: isIsoDate(dataAsOf) ? dataAsOf : null, offlineCopy: false });
  return true;
}

function isCollection(value: unknown): value is RallyCollection {
  if (typeof value !== 'object' || value === null) return false;
  const { rallies, problems } = value as Partial<Record<keyof RallyCollection, unknown>>;
  return Array.isArray(rallies) && Array.isArray(problems);
}
