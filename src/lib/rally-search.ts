import type { Rally } from './rally-schema.ts';

/**
 * The indices (into `rallies`) of the rallies whose name, local name or id
 * contains the query, ignoring case, accents and surrounding spaces, in
 * list order. An empty query matches every rally.
 */
export function filterRallyIndices(
  rallies: readonly Pick<Rally, 'id' | 'name' | 'localName'>[],
  query: string,
): number[] {
  const needle = foldForSearch(query.trim());
  const indices: number[] = [];
  for (let index = 0; index < rallies.length; index += 1) {
    const rally = rallies[index];
    if (!rally) continue;
    if (
      needle === '' ||
      rally.id.includes(needle) ||
      foldForSearch(rally.name).includes(needle) ||
      (rally.localName !== undefined && foldForSearch(rally.localName).includes(needle))
    ) {
      indices.push(index);
    }
  }
  return indices;
}

/** Lower case without accents: "Brasília" and "brasilia" compare equal. */
export function foldForSearch(text: string): string {
  // Only text with characters outside ASCII needs the (slower) decomposition.
  const lower = text.toLowerCase();
  return /[^\p{ASCII}]/u.test(lower) ? lower.normalize('NFD').replace(/\p{Mn}/gu, '') : lower;
}
