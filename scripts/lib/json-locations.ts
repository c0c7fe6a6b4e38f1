/**
 * Positions in a valid JSON text, without a syntax tree: which keys appear
 * twice in one object, and where the value at a path is written.
 *
 * A tree of a 60 MB rally file (jsonc-parser's, with a node and a parent link
 * for every key and value) took over a gigabyte. Here one pass over the text
 * finds the duplicate keys and notes where each top-level key and each
 * feature starts; a path is then found by reading only the feature (or the
 * value) it lies in. Memory stays proportional to the findings, not the file.
 *
 * Every function here expects text that `JSON.parse` accepts and that nests no
 * deeper than `maxNestingDepth` (scripts/lib/json-syntax.ts checks both first).
 */
import type { PathSegment } from '../../src/lib/rally-problem.ts';
import { endOfString } from './json-syntax.ts';

/** A key that appears more than once in one object. */
export interface DuplicateKey {
  /** Path of the later (duplicate) key, e.g. `['features', 4, 'properties', 'name']`. */
  path: PathSegment[];
  key: string;
  /** Offset of the later key, the one JSON.parse keeps. */
  offset: number;
  /** Offset of the first key with the same name, whose value JSON.parse silently drops. */
  firstOffset: number;
}

/** What one pass over a JSON text found. */
export interface JsonLocations {
  /** Every duplicate key, in document order. */
  duplicates: DuplicateKey[];
  /**
   * Where to point for a problem at `path`: the key of the property when
   * there is one (`"text": ""` points at `"text"`), an array item itself, or
   * for a missing field the nearest enclosing field that exists. Of keys that
   * appear twice, the last counts, as JSON.parse keeps the last.
   */
  offsetOfPath: (path: readonly PathSegment[]) => number;
}

const quote = 0x22;
const comma = 0x2c;
const colon = 0x3a;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/** A value found under its parent: the offset of its key (null for an array item) and of the value itself. */
interface Place {
  keyOffset: number | null;
  valueOffset: number;
}

/**
 * Reads the structure of a valid JSON text in one pass (see the module
 * comment): the duplicate keys now, any path's position on demand.
 */
export function locateJson(text: string): JsonLocations {
  const length = text.length;

  function skipWhitespace(index: number): number {
    let at = index;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
      at += 1;
    }
  }

  /** The offset just after the string that starts (with its quote) at `index`. */
  function skipString(index: number): number {
    const end = endOfString(text, index);
    return end === -1 ? length : end;
  }

  /** The string that starts at `index` and ends before `end`, decoded. */
  function stringAt(index: number, end: number): string {
    const raw = text.slice(index + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(text.slice(index, end)) as string) : raw;
  }

  /** The offset just after the value that starts at `index`. */
  function skipValue(index: number): number {
    const first = text.charCodeAt(index);
    if (first === quote) return skipString(index);
    if (first === openBrace || first === openBracket) {
      let depth = 0;
      let at = index;
      while (at < length) {
        const code = text.charCodeAt(at);
        if (code === quote) {
          at = skipString(at);
          continue;
        }
        if (code === openBrace || code === openBracket) depth += 1;
        else if (code === closeBrace || code === closeBracket) {
          depth -= 1;
          if (depth === 0) return at + 1;
        }
        at += 1;
      }
      return length;
    }
    // A number, true, false or null: up to the next delimiter.
    let at = index + 1;
    while (at < length) {
      const code = text.charCodeAt(at);
      if (code === comma || code === closeBrace || code === closeBracket || code <= 0x20) break;
      at += 1;
    }
    return at;
  }

  /**
   * Calls `visit` for each member of the object or array at `index` (keys
   * decoded, items numbered), with where its key and value start, and
   * returns the offset just after the container. `visit` returns the offset
   * just after the value, having read or skipped it.
   */
  function eachMember(index: number, visit: (segment: PathSegment, place: Place) => number): number {
    const isObject = text.charCodeAt(index) === openBrace;
    let at = skipWhitespace(index + 1);
    const code = text.charCodeAt(at);
    if (code === closeBrace || code === closeBracket) return at + 1;
    for (let item = 0; ; item += 1) {
      let segment: PathSegment = item;
      let keyOffset: number | null = null;
      if (isObject) {
        keyOffset = at;
        const keyEnd = skipString(at);
        segment = stringAt(at, keyEnd);
        at = skipWhitespace(keyEnd);
        if (text.charCodeAt(at) === colon) at = skipWhitespace(at + 1);
      }
      at = skipWhitespace(visit(segment, { keyOffset, valueOffset: at }));
      if (text.charCodeAt(at) !== comma) return Math.min(length, at + 1);
      at = skipWhitespace(at + 1);
    }
  }

  const duplicates: DuplicateKey[] = [];
  const rootOffset = skipWhitespace(0);
  const rootKeys = new Map<string, Place>();
  /** Where each item of the root's `features` array starts (of the last `features` key, as JSON.parse keeps). */
  const root: { features: number[] | null } = { features: null };

  // The one pass: every object's keys, for duplicates; the root's keys and its features, for locating.
  const path: PathSegment[] = [];
  function readValue(index: number): number {
    const code = text.charCodeAt(index);
    if (code !== openBrace && code !== openBracket) return skipValue(index);
    const isRoot = path.length === 0;
    const isFeatures = path.length === 1 && path[0] === 'features' && code === openBracket;
    const items: number[] = [];
    if (isFeatures) root.features = items;
    const seen = code === openBrace ? new Map<string, number>() : null;
    return eachMember(index, (segment, place) => {
      if (seen && typeof segment === 'string' && place.keyOffset !== null) {
        const firstOffset = seen.get(segment);
        if (firstOffset === undefined) seen.set(segment, place.keyOffset);
        else duplicates.push({ path: [...path, segment], key: segment, offset: place.keyOffset, firstOffset });
        if (isRoot) {
          rootKeys.set(segment, place);
          if (segment === 'features') root.features = null;
        }
      }
      if (isFeatures) items.push(place.valueOffset);
      path.push(segment);
      const end = readValue(place.valueOffset);
      path.pop();
      return end;
    });
  }
  readValue(rootOffset);
  const rootIsObject = text.charCodeAt(rootOffset) === openBrace;
  const features = root.features;

  /** The member `segment` of the container at `index`, read from the text; null when it has none. */
  function memberOf(index: number, segment: PathSegment): Place | null {
    const code = text.charCodeAt(index);
    if (code === openBrace ? typeof segment !== 'string' : code !== openBracket || typeof segment !== 'number') {
      return null;
    }
    let found: Place | null = null;
    eachMember(index, (member, place) => {
      if (member === segment) found = place;
      return skipValue(place.valueOffset);
    });
    return found;
  }

  return {
    duplicates,
    offsetOfPath: (target) => {
      let offset = rootOffset;
      let valueOffset = rootOffset;
      for (const [depth, segment] of target.entries()) {
        let place: Place | null;
        if (depth === 0 && rootIsObject) {
          place = typeof segment === 'string' ? (rootKeys.get(segment) ?? null) : null;
        } else if (depth === 1 && target[0] === 'features' && features !== null) {
          const item = typeof segment === 'number' ? features[segment] : undefined;
          place = item === undefined ? null : { keyOffset: null, valueOffset: item };
        } else {
          place = memberOf(valueOffset, segment);
        }
        if (place === null) break;
        valueOffset = place.valueOffset;
        offset = place.keyOffset ?? place.valueOffset;
      }
      return offset;
    },
  };
}
