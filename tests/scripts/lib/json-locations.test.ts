import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { locateJson } from '../../../scripts/lib/json-locations.ts';
import type { PathSegment } from '../../../src/lib/rally-problem.ts';
import { readRallyFileText } from '../../lib/rally-fixtures.ts';

/** Every path in a parsed JSON value, the root's first. */
function everyPath(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const children: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index): [PathSegment, unknown] => [index, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return [path, ...children.flatMap(([segment, child]) => everyPath(child, [...path, segment]))];
}

/** Where jsonc-parser's syntax tree points for a path: the key of a property, or the value itself. */
function treeOffset(root: Node, path: PathSegment[]): number {
  const node = findNodeAtLocation(root, path);
  if (!node) throw new Error(`no node at ${path.join('.')}`);
  return node.parent?.type === 'property' ? (node.parent.children?.[0]?.offset ?? -1) : node.offset;
}

describe('locateJson', () => {
  it('points where a syntax tree points, for every path in the real rally file', () => {
    const text = readRallyFileText();
    const root = parseTree(text);
    if (!root) throw new Error('no tree');
    const locations = locateJson(text);
    const paths = everyPath(JSON.parse(text));
    expect(paths.length).toBeGreaterThan(250);
    for (const path of paths) {
      expect([path, locations.offsetOfPath(path)]).toEqual([path, treeOffset(root, path)]);
    }
  });

  it('points at the key of a property, an array item, or for a missing field the nearest enclosing one', () => {
    const text = '{"a": {"b": [10, {"c": "}]\\"{"}], "d": null}, "features": [{"id": "x"}, {"id": "y"}]}';
    const { offsetOfPath } = locateJson(text);
    expect(offsetOfPath([])).toBe(0);
    expect(offsetOfPath(['a'])).toBe(text.indexOf('"a"'));
    expect(offsetOfPath(['a', 'b', 1])).toBe(text.indexOf('{"c"'));
    expect(offsetOfPath(['a', 'b', 1, 'c'])).toBe(text.indexOf('"c"'));
    expect(offsetOfPath(['a', 'd'])).toBe(text.indexOf('"d"'));
    // Missing: the nearest field that exists.
    expect(offsetOfPath(['a', 'b', 1, 'missing'])).toBe(text.indexOf('{"c"'));
    expect(offsetOfPath(['a', 'b', 7])).toBe(text.indexOf('"b"'));
    expect(offsetOfPath(['a', 'b', 'length'])).toBe(text.indexOf('"b"'));
    expect(offsetOfPath(['a', 0])).toBe(text.indexOf('"a"'));
    expect(offsetOfPath(['nothing', 'here'])).toBe(0);
    expect(offsetOfPath(['features', 1, 'id'])).toBe(text.indexOf('"id": "y"'));
    expect(offsetOfPath(['features', 2, 'id'])).toBe(text.indexOf('"features"'));
    expect(offsetOfPath(['features', -1])).toBe(text.indexOf('"features"'));
  });

  it('reads the last of duplicate keys, as JSON.parse keeps, and lists each duplicate with both offsets', () => {
    const text = '{"features": [], "x": 1, "features": [{"id": "a", "p": {"k": 1, "\\u006b": 2}}], "x": 3}';
    const locations = locateJson(text);
    expect(locations.offsetOfPath(['features', 0, 'id'])).toBe(text.indexOf('"id"'));
    expect(locations.offsetOfPath(['x'])).toBe(text.lastIndexOf('"x"'));
    expect(locations.duplicates).toEqual([
      { path: ['features'], key: 'features', offset: text.lastIndexOf('"features"'), firstOffset: 1 },
      {
        path: ['features', 0, 'p', 'k'],
        key: 'k',
        offset: text.indexOf('"\\u006b"'),
        firstOffset: text.indexOf('"k"'),
      },
      { path: ['x'], key: 'x', offset: text.lastIndexOf('"x"'), firstOffset: text.indexOf('"x"') },
    ]);
  });

  it('finds no duplicates where keys only look alike, and handles any root and whitespace', () => {
    expect(locateJson('{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}').duplicates).toEqual([]);
    expect(locateJson('  \n [1, {"a": 2}] ').offsetOfPath([1, 'a'])).toBe(' \n [1, {'.length + 1);
    expect(locateJson('"text"').offsetOfPath(['features', 0])).toBe(0);
    expect(locateJson('\t42').offsetOfPath([])).toBe(1);
  });

  it('locates a feature far into a file of many features', () => {
    const features = Array.from({ length: 5000 }, (_, index) => ({ id: `town-${index}`, properties: { v: index } }));
    const text = JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
    const { offsetOfPath } = locateJson(text);
    expect(offsetOfPath(['features', 4321, 'properties', 'v'])).toBe(text.indexOf('"v"', text.indexOf('"town-4321"')));
    expect(offsetOfPath(['features', 4999])).toBe(text.lastIndexOf('{', text.indexOf('"town-4999"')));
  });
});
