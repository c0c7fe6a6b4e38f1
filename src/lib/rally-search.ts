import type { Rally } from './rally-schema.ts';

/**
 * A compact search index of rally names: one string holding every rally's
 * folded id, name and local name (each preceded by a line break, which no
 * query contains), and where each rally's part starts. Built once (in the
 * rally worker when there are many rallies); a search is then a few
 * `indexOf` calls over one string, with no text folded per rally.
 */
export interface RallySearchIndex {
  count: number;
  text: string;
  /** Where rally `i`'s part of `text` starts; its part ends where rally `i + 1`'s starts. */
  starts: Uint32Array;
}

/** Indexes the rallies' ids, names and local names, in list order; see `RallySearchIndex`. */
export function buildSearchIndex(rallies: readonly Pick<Rally, 'id' | 'name' | 'localName'>[]): RallySearchIndex {
  const parts: string[] = [];
  const starts = new Uint32Array(rallies.length);
  let length = 0;
  rallies.forEach((rally, index) => {
    const part = `\n${foldForSearch(rally.id)}\n${foldForSearch(rally.name)}${
      rally.localName === undefined ? '' : `\n${foldForSearch(rally.localName)}`
    }`;
    starts[index] = length;
    length += part.length;
    parts.push(part);
  });
  return { count: rallies.length, text: parts.join(''), starts };
}

/**
 * The indices of the indexed rallies whose name, local name or id contains
 * the query, ignoring case, accents and surrounding spaces, in list order.
 * An empty query matches every rally.
 */
export function searchRallies(index: RallySearchIndex, query: string): number[] {
  const needle = foldForSearch(query.trim());
  if (needle === '') return Array.from({ length: index.count }, (_, position) => position);
  // A line break would match across two fields (or rallies); no name holds one.
  if (needle.includes('\n')) return [];
  const { text, starts, count } = index;
  const found: number[] = [];
  let rally = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) break;
    // Matches come in text order: move on to the rally whose part holds this one.
    while (rally + 1 < count && (starts[rally + 1] ?? Infinity) <= at) rally += 1;
    found.push(rally);
    // One match is enough for a rally: search on from the next rally's part.
    from = starts[rally + 1] ?? text.length;
    if (rally + 1 >= count) break;
  }
  return found;
}

/** Lower case without accents: "Brasília" and "brasilia" compare equal. */
export function foldForSearch(text: string): string {
  // Only text with characters outside ASCII needs the (slower) decomposition.
  const lower = text.toLowerCase();
  return /[^\p{ASCII}]/u.test(lower) ? lower.normalize('NFD').replace(/\p{Mn}/gu, '') : lower;
}
