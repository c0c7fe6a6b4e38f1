import {
  isPictureAttribute,
  isPictureTag,
  pictureElement,
  type PictureAttribute,
  type PictureElement,
  type PictureNode,
} from '../lib/picture-tree.ts';

/**
 * The map picture a generated page carries, read back from its `<svg>` as an
 * element tree (src/lib/picture-tree.ts), for React to hydrate unchanged.
 * Elements and attributes the picture never has are left out (React then
 * puts the page right); `null` when `svg` is not a picture's root.
 */
export function readMapPicture(svg: Element): PictureElement | null {
  const node = readNode(svg);
  return typeof node === 'object' && node?.tag === 'svg' ? node : null;
}

function readNode(element: Element): PictureNode | null {
  if (!isPictureTag(element.localName)) return null;
  const attributes: Partial<Record<PictureAttribute, string>> = {};
  for (const { name, value } of element.attributes) if (isPictureAttribute(name)) attributes[name] = value;
  const children: PictureNode[] = [];
  for (const child of element.childNodes) {
    if (child.nodeType === child.TEXT_NODE) children.push(child.textContent ?? '');
    else if (child.nodeType === child.ELEMENT_NODE) {
      const read = readNode(child as Element);
      if (read !== null) children.push(read);
    }
  }
  return pictureElement(element.localName, attributes, children);
}
