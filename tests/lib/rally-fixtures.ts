/**
 * Shared helpers for tests that start from the real rally file and change one
 * thing in it. Not a test file itself (it does not end in `.test.ts`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The rally file the app ships, read from the repository. */
export const rallyFilePath = fileURLToPath(new URL('../../data/rallies.geojson', import.meta.url));

/** The ids of the rallies in data/rallies.geojson, in file order. */
export const rallyIds = ['london', 'brasilia', 'mexico-city', 'munich', 'berlin', 'rome', 'stockholm', 'york'] as const;

/** The text of data/rallies.geojson. */
export function readRallyFileText(): string {
  return readFileSync(rallyFilePath, 'utf8');
}

/** A fresh, freely editable copy of data/rallies.geojson as decoded JSON. */
export function readRallyDocument(): Record<string, unknown> {
  return JSON.parse(readRallyFileText()) as Record<string, unknown>;
}

export type JsonPath = readonly (string | number)[];

/** Every path in a JSON value, parents before children. */
export function pathsOf(value: unknown, path: JsonPath = []): JsonPath[] {
  const children = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return [path, ...children.flatMap(([key, child]) => pathsOf(child, [...path, key]))];
}

function parentOf(root: unknown, path: JsonPath): { parent: object; key: string | number } {
  if (path.length === 0) throw new Error('the path must not be empty');
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) {
      throw new Error(`the fixture has no ${path.join('.')}`);
    }
    node = (node as Record<string | number, unknown>)[segment];
  }
  const key = path.at(-1);
  if (typeof node !== 'object' || node === null || key === undefined) {
    throw new Error(`the fixture has no parent for ${path.join('.')}`);
  }
  return { parent: node, key };
}

/**
 * Sets the value at `path` in a decoded JSON document as an own data property,
 * as `JSON.parse` makes every key, `"__proto__"` included (an assignment would
 * set the object's prototype instead). Throws if the parent does not exist.
 */
export function setAt(root: unknown, path: JsonPath, value: unknown): void {
  const { parent, key } = parentOf(root, path);
  Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Deletes the field at `path`. Throws if it does not exist, so a typo in a test cannot pass silently. */
export function deleteAt(root: unknown, path: JsonPath): void {
  const { parent, key } = parentOf(root, path);
  if (!Object.hasOwn(parent, key)) throw new Error(`the fixture has no ${path.join('.')}`);
  Reflect.deleteProperty(parent, key);
}

/** The real rally file with the value at `path` replaced. */
export function rallyDocumentWith(path: JsonPath, value: unknown): Record<string, unknown> {
  const document = readRallyDocument();
  setAt(document, path, value);
  return document;
}

/** The real rally file without the field at `path`. */
export function rallyDocumentWithout(path: JsonPath): Record<string, unknown> {
  const document = readRallyDocument();
  deleteAt(document, path);
  return document;
}

/** Replaces exactly one occurrence of `search` in `text`; throws if there is not exactly one. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search);
  if (first === -1 || text.indexOf(search, first + 1) !== -1) {
    throw new Error(`expected exactly one ${JSON.stringify(search)} in the fixture`);
  }
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}
