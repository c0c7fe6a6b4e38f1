import { describe, expect, it } from 'vitest';
import { isSafePhotoSource, isSafeSourceUrl } from '../../src/lib/safe-url.ts';

/** Values neither a link nor an image may use: other schemes, hidden characters, paths out of photos/. */
const unsafeEverywhere = [
  ' https://example.org/a.jpg',
  '\thttps://example.org/a.jpg',
  'https://example.org/a.jpg ',
  'https://exa\u0000mple.org/a.jpg',
  'https://example.org/\u0085a.jpg',
  'https://example.org/\u2028a.jpg',
  '\ufeffhttps://example.org/a.jpg',
  'java\tscript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'javascript:alert(1)',
  'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)',
  '//host/x.jpg',
  'http:',
  'http://example.org/a.jpg',
  'photos/../secret',
  '/photos/a.jpg',
  'photos/a.svg',
  '',
];

describe('isSafePhotoSource', () => {
  it.each(unsafeEverywhere)('refuses %j', (value) => {
    expect(isSafePhotoSource(value)).toBe(false);
  });

  it.each([
    'https://example.org/a.svg',
    'photos/a.SVG',
    'photos/a.svgz',
    'https://example.org/a.svg?size=2',
    'photos/',
    'photos/.hidden.jpg',
    'photos//a.jpg',
    'photos/a.jpg?x=1',
    'photos/a%2F..%2Fb.jpg',
    'photos\\a.jpg',
    'images/a.jpg',
    './photos/a.jpg',
  ])('refuses %j', (value) => {
    expect(isSafePhotoSource(value)).toBe(false);
  });

  it.each(['https://example.org/a.jpg', 'photos/london-1.jpg', 'photos/2018/london_1.webp'])('accepts %j', (value) => {
    expect(isSafePhotoSource(value)).toBe(true);
  });
});

describe('isSafeSourceUrl', () => {
  it.each([...unsafeEverywhere, 'photos/london-1.jpg', 'https://', 'https:example.org', 'HTTPS://example.org/'])(
    'refuses %j',
    (value) => {
      expect(isSafeSourceUrl(value)).toBe(false);
    },
  );

  it.each([
    'https://example.org/a.jpg',
    'https://gaytourism.travel/international-protests-call-for-stop-to-anti-gay-purge-in-chechnya/',
    // A link may point at an SVG page; only images refuse SVG.
    'https://example.org/diagram.svg',
  ])('accepts %j', (value) => {
    expect(isSafeSourceUrl(value)).toBe(true);
  });
});
