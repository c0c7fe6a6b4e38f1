/**
 * The map picture (build/map-picture.ts) as plain data: a small tree of SVG
 * elements that the build renders into every page with the app's own React
 * components, and that the browser reads back from the page to hydrate it
 * (src/map/map-picture.tsx). Only the few tags and attributes the picture
 * uses are allowed, so neither side ever handles markup as a string.
 */

/** The elements a map picture is made of. */
export const pictureTags = ['svg', 'g', 'path', 'a', 'text'] as const;

/** One of `pictureTags`. */
export type PictureTag = (typeof pictureTags)[number];

/** The attributes a map picture's elements may carry, by their SVG names. */
export const pictureAttributes = [
  'class',
  'viewBox',
  'width',
  'height',
  'preserveAspectRatio',
  'd',
  'href',
  'x',
  'y',
  'role',
  'aria-hidden',
  'aria-label',
  'aria-current',
  'data-basemap',
  'data-city-id',
] as const;

/** One of `pictureAttributes`. */
export type PictureAttribute = (typeof pictureAttributes)[number];

/** An element of the picture: its tag, its attributes (as plain text) and its children. */
export interface PictureElement {
  tag: PictureTag;
  attributes: Partial<Record<PictureAttribute, string>>;
  children: readonly PictureNode[];
}

/** An element, or a run of text (a cluster's count). */
export type PictureNode = PictureElement | string;

// The same names as one pattern each: the browser reads the picture back with these alone.
const tagPattern = /^(?:svg|g|path|a|text)$/;
const attributePattern =
  /^(?:class|viewBox|width|height|preserveAspectRatio|d|href|x|y|role|aria-(?:hidden|label|current)|data-(?:basemap|city-id))$/;

/** Whether `name` is one of `pictureTags`. */
export function isPictureTag(name: string): name is PictureTag {
  return tagPattern.test(name);
}

/** Whether `name` is one of `pictureAttributes`. */
export function isPictureAttribute(name: string): name is PictureAttribute {
  return attributePattern.test(name);
}

/** A picture element, its attributes in the order given; those whose value is `undefined`, or not allowed, are left out. */
export function pictureElement(
  tag: PictureTag,
  attributes: Partial<Record<PictureAttribute, string | undefined>>,
  children: readonly PictureNode[] = [],
): PictureElement {
  const defined: Partial<Record<PictureAttribute, string>> = {};
  // In the order given, as the page writes them.
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && isPictureAttribute(name)) defined[name] = value;
  }
  return { tag, attributes: defined, children };
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * The picture as SVG markup, every text and attribute value escaped: for
 * files outside the app (tests, documents). Pages get the picture through
 * React, never through this string.
 */
export function pictureMarkup(node: PictureNode): string {
  if (typeof node === 'string') return escapeText(node);
  const attributes = Object.entries(node.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<${node.tag}${attributes}>${node.children.map(pictureMarkup).join('')}</${node.tag}>`;
}
