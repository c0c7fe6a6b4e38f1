import { describe, expect, it } from 'vitest';
import {
  isPictureAttribute,
  isPictureTag,
  pictureAttributes,
  pictureElement,
  pictureMarkup,
  pictureTags,
} from '../../src/lib/picture-tree.ts';

describe('pictureElement', () => {
  it('leaves out attributes without a value', () => {
    expect(pictureElement('a', { href: '/city/london/', 'aria-current': undefined })).toEqual({
      tag: 'a',
      attributes: { href: '/city/london/' },
      children: [],
    });
  });
});

describe('pictureMarkup', () => {
  it('writes elements with their attributes and text, every value escaped', () => {
    const tree = pictureElement('g', { class: 'picture-cluster', 'aria-label': '<b>"87" & more</b>' }, [
      pictureElement('path', { d: 'M1 2h.1z' }),
      pictureElement('text', { x: '1', y: '2' }, ['1<2 & 3']),
    ]);
    expect(pictureMarkup(tree)).toBe(
      '<g class="picture-cluster" aria-label="&lt;b&gt;&quot;87&quot; &amp; more&lt;/b&gt;">' +
        '<path d="M1 2h.1z"></path><text x="1" y="2">1&lt;2 &amp; 3</text></g>',
    );
  });
});

describe('the allowed names', () => {
  it('allow the picture’s own tags and attributes and nothing that runs', () => {
    expect(['svg', 'g', 'path', 'a', 'text'].every(isPictureTag)).toBe(true);
    expect(['script', 'foreignObject', 'image', 'style'].some(isPictureTag)).toBe(false);
    expect(['class', 'href', 'aria-label', 'data-city-id', 'viewBox'].every(isPictureAttribute)).toBe(true);
    expect(['onload', 'onclick', 'style', 'xlink:href', 'src'].some(isPictureAttribute)).toBe(false);
  });
});

describe('the patterns', () => {
  it('allow exactly the listed tags and attributes', () => {
    expect(pictureTags.filter(isPictureTag)).toEqual([...pictureTags]);
    expect(pictureAttributes.filter(isPictureAttribute)).toEqual([...pictureAttributes]);
    expect(
      ['svgs', 'ga', 'aria-hidden2', 'data-city', 'xy'].some((name) => isPictureTag(name) || isPictureAttribute(name)),
    ).toBe(false);
  });
});
