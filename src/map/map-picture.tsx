import { createElement, type ReactNode } from 'react';
import type { PictureElement, PictureNode } from '../lib/picture-tree.ts';

/** A picture node as React nodes: attributes by their React names (`class` is `className`), text as text. */
function pictureNode(node: PictureNode): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes)) props[name === 'class' ? 'className' : name] = value;
  return createElement(node.tag, props, ...node.children.map(pictureNode));
}

/**
 * The build's picture of the map (build/map-picture.ts), drawn from its
 * element tree: at build time into the page, and in the browser from the
 * same tree read back from the page (src/map/read-map-picture.ts), so
 * hydration finds exactly what is there.
 */
export function MapPicture({ picture }: { picture: PictureElement }) {
  return pictureNode(picture);
}
