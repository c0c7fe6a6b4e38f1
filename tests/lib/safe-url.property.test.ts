/**
 * Property-based tests of the URL allow-list. The judge is the WHATWG URL
 * parser (Node's `URL` is the same algorithm browsers use): it strips leading
 * and trailing C0 controls and spaces, removes tabs and newlines anywhere and
 * lower-cases the scheme, which is how "  JaVa\tScRiPt:" becomes a
 * `javascript:` link. Whatever the allow-list accepts must, as the browser
 * reads it, be https: or a path that stays on the site.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafePhotoSource, isSafeSourceUrl, plainHttpsUrl } from '../../src/lib/safe-url.ts';

/** The scheme the browser would use for this value, or null when it has none of its own (a relative path). */
function browserScheme(value: string): string | null {
  try {
    return new URL(value).protocol;
  } catch {
    return null;
  }
}

const otherSchemes = ['javascript', 'data', 'vbscript', 'http', 'file', 'blob', 'ftp', 'ws', 'about', 'jar'];
/** What browsers strip before parsing (C0 controls and space) and what they do not (other invisible characters). */
const strippedLeading = fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u0001', '\u001f', '\u000b', '\u000c');
const invisible = fc.constantFrom('\u00a0', '\ufeff', '\u200b', '\u2028', '\u2029', '\u0085', '\u3000', '\u180e');
/** Tab, line feed and carriage return are removed anywhere in a URL, even inside the scheme. */
const removedInside = fc.constantFrom('\t', '\n', '\r');
/** Letters that look like Latin ones or fold to them, to try to sneak past a check on "https". */
const lookAlikes: Readonly<Record<string, readonly string[]>> = {
  h: ['һ', 'ｈ', 'H'],
  t: ['ｔ', 'T', 'ţ'],
  p: ['р', 'ｐ', 'P'],
  s: ['ѕ', 'ｓ', 'ſ', 'S'],
  a: ['а', 'ａ', 'A'],
  j: ['ј', 'ｊ', 'J'],
  v: ['ѵ', 'ｖ', 'V'],
  c: ['с', 'ｃ', 'C'],
  r: ['ｒ', 'R'],
  i: ['і', 'ı', 'İ', 'I'],
};
const separators = fc.constantFrom(':', '://', ':/', ':\\\\', '%3A', '&#58;', '：', ':\t//', '\t://');
const rests = fc.constantFrom(
  'alert(1)',
  '//example.org/a.jpg',
  'example.org/a.jpg',
  '//photos/a.jpg',
  'text/html;base64,PHNjcmlwdD4=',
  '@example.org/',
  '//user:pass@example.org',
  '',
);

/** A scheme written the ways an attacker might: any case, with look-alikes and removable characters inside. */
const hostileScheme = (schemes: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...schemes),
      fc.array(fc.nat(), { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), removedInside), { maxLength: 3 }),
    )
    .map(([scheme, choices, insertions]) => {
      // Schemes are ASCII, so splitting into characters is safe.
      const letters = scheme.split('').map((letter, index) => {
        const choice = choices[index] ?? 0;
        const alternatives = lookAlikes[letter] ?? [];
        // Mostly ASCII in either case; now and then a look-alike.
        if (choice % 5 === 4 && alternatives.length > 0) return alternatives[choice % alternatives.length] ?? letter;
        return choice % 2 === 0 ? letter : letter.toUpperCase();
      });
      for (const [position, character] of insertions) letters.splice(position % (letters.length + 1), 0, character);
      return letters.join('');
    });

const hostileUrl = (schemes: readonly string[]) =>
  fc
    .tuple(
      fc.array(fc.oneof(strippedLeading, invisible), { maxLength: 3 }),
      hostileScheme(schemes),
      separators,
      rests,
      fc.array(fc.oneof(strippedLeading, invisible), { maxLength: 2 }),
    )
    .map(
      ([before, scheme, separator, rest, after]) => `${before.join('')}${scheme}${separator}${rest}${after.join('')}`,
    );
/** Other schemes, spelled in hostile ways: nothing built from these may pass. */
const otherSchemeUrl = hostileUrl(otherSchemes);
/** https itself spelled in hostile ways: some of these are https to the browser, most are not. */
const disguisedHttpsUrl = hostileUrl(['https']);

/** Any value: hostile URLs, relative paths, protocol-relative ones, and arbitrary text. */
const anyValue = fc.oneof(
  { weight: 2, arbitrary: otherSchemeUrl },
  { weight: 2, arbitrary: disguisedHttpsUrl },
  { weight: 1, arbitrary: fc.webUrl({ validSchemes: ['https', 'http', 'ftp'] }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('photos/', 'Photos/', '/photos/', '//', './photos/', 'photos\\', '', '\\\\', '/\\'),
        fc.string({ maxLength: 20 }),
        fc.constantFrom('.jpg', '.svg', '.SVG', '.svgz', '.png?x=1', '#frag', ''),
      )
      .map((parts) => parts.join('')),
  },
);

describe('isSafeSourceUrl', () => {
  it('accepts only what the browser reads as an absolute https: URL', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        if (isSafeSourceUrl(value)) expect(browserScheme(value)).toBe('https:');
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every spelling of another scheme: case, whitespace, control characters, look-alikes', () => {
    fc.assert(
      fc.property(otherSchemeUrl, (value) => {
        expect(isSafeSourceUrl(value)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a disguised https unless it is written exactly as it will be used', () => {
    fc.assert(
      fc.property(disguisedHttpsUrl, (value) => {
        if (isSafeSourceUrl(value)) {
          expect(browserScheme(value)).toBe('https:');
          expect(value.startsWith('https://')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('judges a plain address (lowercase host, plain path) without the URL parser, exactly as the parser would', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,5}){0,2}$/);
    const lastLabel = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:-[a-z0-9]{1,5}){0,2}$/);
    const plain = fc
      .tuple(fc.array(label, { maxLength: 3 }), lastLabel, fc.option(fc.stringMatching(/^\/[A-Za-z0-9._~/-]{0,30}$/)))
      .map(([labels, last, path]) => ({
        host: [...labels, last].join('.'),
        url: `https://${[...labels, last].join('.')}${path ?? ''}`,
      }));
    const RealURL = globalThis.URL;
    let parsed = 0;
    globalThis.URL = new Proxy(RealURL, {
      construct(target, args: [string]) {
        parsed += 1;
        return Reflect.construct(target, args);
      },
    });
    try {
      fc.assert(
        fc.property(plain, ({ url }) => {
          expect(isSafeSourceUrl(url)).toBe(true);
        }),
        { numRuns: 2000 },
      );
      expect(parsed).toBe(0);
    } finally {
      globalThis.URL = RealURL;
    }
    // And the parser agrees: each is an https: URL with that very host.
    fc.assert(
      fc.property(plain, ({ host, url }) => {
        const parsedUrl = new URL(url);
        expect([parsedUrl.protocol, parsedUrl.hostname]).toEqual(['https:', host]);
      }),
      { numRuns: 2000 },
    );
    // So does it on anything the shortcut's pattern matches, however odd.
    fc.assert(
      fc.property(fc.stringMatching(plainHttpsUrl), (url) => {
        const parsedUrl = new URL(url);
        expect(parsedUrl.protocol).toBe('https:');
        expect(parsedUrl.hostname.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts an ordinary https: address, so the allow-list is not simply closed', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (url) => {
        expect(isSafeSourceUrl(url)).toBe(true);
      }),
    );
  });
});

describe('isSafePhotoSource', () => {
  const sites = ['https://rallies.example.org/chechnya/city/london/', 'http://127.0.0.1:4173/city/london/'];

  it('accepts only an absolute https: URL, or a path that stays on the site whatever the page address', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        if (!isSafePhotoSource(value)) return;
        const scheme = browserScheme(value);
        if (scheme !== null) {
          expect(scheme).toBe('https:');
          return;
        }
        for (const site of sites) {
          const resolved = new URL(value, site);
          expect(resolved.origin).toBe(new URL(site).origin);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every spelling of another scheme: case, whitespace, control characters, look-alikes', () => {
    fc.assert(
      fc.property(otherSchemeUrl, (value) => {
        expect(isSafePhotoSource(value)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts an SVG, in any case, local or remote', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('photos/', 'https://example.org/'),
        fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/),
        fc.constantFrom('svg', 'SVG', 'Svg', 'svgz', 'SVGZ'),
        fc.constantFrom('', '?v=1', '#top'),
        (start, name, extension, end) => {
          expect(isSafePhotoSource(`${start}${name}.${extension}${end}`)).toBe(false);
        },
      ),
    );
  });

  it('accepts ordinary file names under photos/, so the allow-list is not simply closed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('.jpg', '.jpeg', '.png', '.webp'),
        (segments, extension) => {
          expect(isSafePhotoSource(`photos/${segments.join('/')}${extension}`)).toBe(true);
        },
      ),
    );
  });
});
