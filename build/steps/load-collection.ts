import { readFileSync } from 'node:fs';
import { decodeRallyJson, parseRallyCollection, type RallyCollection } from '../../src/lib/parse-rallies.ts';

/**
 * Reads and validates the rally file the site is built from. Throws, which
 * stops the build, when it is not a rally file.
 */
export function loadCollection(dataPath: string): RallyCollection {
  const decoded = decodeRallyJson(readFileSync(dataPath, 'utf8'));
  if (!decoded.ok) throw new Error(`${dataPath}: ${decoded.message}; run npm run validate`);
  return parseRallyCollection(decoded.value);
}
