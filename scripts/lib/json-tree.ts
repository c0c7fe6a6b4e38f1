/**
 * Reading positions out of a jsonc-parser syntax tree: where a path is in the
 * text, and which keys appear twice in one object.
 */
import { getNodePath, type Node } from 'jsonc-parser';
import type { PathSegment } from '../../src/lib/rally-problem.ts';

/** The value node of an object's property `key`: the last one, as JSON.parse keeps the last of duplicate keys. */
function propertyValue(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.value === key && valueNode) found = valueNode;
  }
  return found;
}

/** The node at `path`, or undefined when the path does not exist. */
export function nodeAtPath(root: Node, path: readonly PathSegment[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof segment === 'string') node = propertyValue(node, segment);
    else if (node.type === 'array' && typeof segment === 'number') node = node.children?.[segment];
    else return undefined;
  }
  return node;
}

/**
 * Where to point for a problem at `path`: the key of the property when there
 * is one (`"text": ""` points at `"text"`), an array item itself, or for a
 * missing field the nearest enclosing field that exists.
 */
export function offsetOfPath(root: Node, path: readonly PathSegment[]): number {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = nodeAtPath(root, path.slice(0, length));
    if (node) {
      const parent = node.parent;
      const key = parent?.type === 'property' ? parent.children?.[0] : undefined;
      return key?.offset ?? node.offset;
    }
  }
  return root.offset;
}

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

/** Every duplicate key in the tree, in document order. */
export function findDuplicateKeys(root: Node): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        const firstOffset = seen.get(key);
        if (firstOffset === undefined) {
          seen.set(key, keyNode.offset);
        } else {
          duplicates.push({ path: [...getNodePath(node), key], key, offset: keyNode.offset, firstOffset });
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return duplicates;
}
