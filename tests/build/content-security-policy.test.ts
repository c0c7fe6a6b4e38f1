import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  inlineStyleHashes,
  parsePhotoHosts,
  policyMetaTag,
} from '../../build/content-security-policy.ts';

const directives = (policy: string) =>
  new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy({ photoHosts: [], styleHashes: [] }));

  it('allows nothing by default and only this site for scripts, styles, data and images', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('never allows inline script or eval', () => {
    const text = contentSecurityPolicy({ photoHosts: ['images.example.org'], styleHashes: ["'sha256-abc'"] });
    expect(text).not.toContain('unsafe-inline');
    expect(text).not.toContain('unsafe-eval');
  });

  it('adds allowed photo hosts to img-src only, over https', () => {
    const withHosts = directives(
      contentSecurityPolicy({ photoHosts: ['images.example.org', 'cdn.example.net'], styleHashes: [] }),
    );
    expect(withHosts.get('img-src')).toEqual([
      "'self'",
      'data:',
      'https://images.example.org',
      'https://cdn.example.net',
    ]);
    expect(withHosts.get('connect-src')).toEqual(["'self'"]);
  });

  it('adds the street-level tile origins to img-src, and nothing else', () => {
    const without = directives(contentSecurityPolicy({ photoHosts: [], styleHashes: [] }));
    const withTiles = directives(
      contentSecurityPolicy({
        photoHosts: [],
        styleHashes: [],
        tileOrigins: ['https://a.tile.example.org', 'https://b.tile.example.org'],
      }),
    );
    expect(withTiles.get('img-src')).toEqual([
      "'self'",
      'data:',
      'https://a.tile.example.org',
      'https://b.tile.example.org',
    ]);
    for (const [name, sources] of without) if (name !== 'img-src') expect(withTiles.get(name), name).toEqual(sources);
    expect(withTiles.size).toBe(without.size);
  });

  it('allows the service worker as this site’s own script', () => {
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  it('allows the page’s own inline styles by hash', () => {
    const withHash = directives(contentSecurityPolicy({ photoHosts: [], styleHashes: ["'sha256-xyz='"] }));
    expect(withHash.get('style-src')).toEqual(["'self'", "'sha256-xyz='"]);
  });
});

describe('inlineStyleHashes', () => {
  it('hashes exactly the text inside each <style> element', () => {
    const css = '\n  body { overflow: auto; }\n';
    const expected = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(inlineStyleHashes(`<noscript><style>${css}</style></noscript><style>a{}</style>`)).toEqual([
      expected,
      `'sha256-${createHash('sha256').update('a{}').digest('base64')}'`,
    ]);
    expect(inlineStyleHashes('<p>no styles</p>')).toEqual([]);
  });
});

describe('parsePhotoHosts', () => {
  it('reads a comma- or space-separated list, lower-cased, without duplicates', () => {
    expect(parsePhotoHosts(' Images.Example.org, cdn.example.net images.example.org ')).toEqual([
      'images.example.org',
      'cdn.example.net',
    ]);
    expect(parsePhotoHosts(undefined)).toEqual([]);
    expect(parsePhotoHosts('')).toEqual([]);
  });

  it.each(['https://images.example.org', "x.org 'unsafe-inline'", '*.example.org', 'localhost', 'a.org;script-src'])(
    'refuses %j, which would widen the policy',
    (value) => {
      expect(() => parsePhotoHosts(value)).toThrow(/PHOTO_HOSTS/);
    },
  );
});

describe('policyMetaTag and headersFile', () => {
  const policy = contentSecurityPolicy({ photoHosts: [], styleHashes: [] });

  it('writes the meta form of the policy', () => {
    expect(policyMetaTag(policy)).toBe(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  });

  const pages = [
    { outputFile: 'index.html', presentation: 'site' },
    { outputFile: 'city/london/index.html', presentation: 'site' },
    { outputFile: 'embed/index.html', presentation: 'embed' },
    { outputFile: 'embed/city/london/index.html', presentation: 'embed' },
    { outputFile: '404.html', presentation: 'site' },
  ] as const;
  const headers = headersFile(policy, '/maps/', pages);

  /**
   * The headers Netlify or Cloudflare Pages would send for `path`: every rule
   * whose path matches (a trailing `*` matches anything) adds its headers, and
   * values of one header from several rules are joined with ", ".
   */
  function headersFor(path: string): Map<string, string> {
    const sent = new Map<string, string>();
    let matches = false;
    for (const line of headers.split('\n')) {
      if (line === '') continue;
      if (!line.startsWith(' ')) {
        matches = line.endsWith('*') ? path.startsWith(line.slice(0, -1)) : path === line;
        continue;
      }
      if (!matches) continue;
      const [name = '', value = ''] = line.trim().split(/: (.*)/s);
      sent.set(name, sent.has(name) ? `${sent.get(name) ?? ''}, ${value}` : value);
    }
    return sent;
  }

  /** The policies of a Content-Security-Policy header value: a browser enforces each one. */
  const policies = (value: string | undefined) => (value ?? '').split(', ').map(directives);

  it('sends every file the policy, nosniff and the referrer policy, and no other site may frame it', () => {
    for (const path of ['/maps/', '/maps/city/london/', '/maps/assets/index-abc.js', '/maps/data/rallies.geojson']) {
      const sent = headersFor(path);
      expect(policies(sent.get('Content-Security-Policy'))[0]?.get('default-src'), path).toEqual(["'none'"]);
      expect(sent.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(sent.get('Referrer-Policy'), path).toBe('strict-origin-when-cross-origin');
      expect(sent.get('X-Frame-Options'), path).toBe('SAMEORIGIN');
    }
  });

  it.each(['/maps/', '/maps/index.html', '/maps/city/london/', '/maps/404.html'])(
    'lets only this site frame the full-site page %s',
    (path) => {
      const framing = policies(headersFor(path).get('Content-Security-Policy')).map((p) => p.get('frame-ancestors'));
      expect(framing).toContainEqual(["'self'"]);
      expect(framing).not.toContainEqual(['*']);
    },
  );

  it.each(['/maps/embed/', '/maps/embed/city/london/'])('lets any site frame the embed page %s', (path) => {
    const framing = policies(headersFor(path).get('Content-Security-Policy')).map((p) => p.get('frame-ancestors'));
    // A policy with frame-ancestors makes browsers ignore X-Frame-Options, so "*" is the only rule that counts.
    expect(framing.filter((sources) => sources !== undefined)).toEqual([['*']]);
  });

  it('caches hashed assets for good and revalidates pages, data and the service worker', () => {
    const cache = (path: string) => headersFor(path).get('Cache-Control');
    expect(cache('/maps/assets/index-abc.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/maps/', '/maps/city/london/', '/maps/embed/city/london/', '/maps/data/rallies.geojson'])
      expect(cache(path), path).toBe('no-cache');
    expect(cache('/maps/sw.js')).toBe('no-cache');
    expect(cache('/maps/oembed/index.json')).toBe('no-cache');
  });

  it.each([
    '/maps/quote/1/',
    '/maps/city/london/poster/',
    '/maps/ru/',
    '/maps/ru/quote/1/',
    '/maps/pt-br/city/london/',
  ])('revalidates %s like the English pages (every language, quote pages and posters)', (path) => {
    expect(headersFor(path).get('Cache-Control')).toBe('no-cache');
  });

  it('opens the embed scripts to every site, the versioned one cached for good', () => {
    const versioned = headersFor('/maps/assets/embed.0123456789ab.js');
    expect(versioned.get('Access-Control-Allow-Origin')).toBe('*');
    expect(versioned.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const unversioned = headersFor('/maps/embed.js');
    expect(unversioned.get('Access-Control-Allow-Origin')).toBe('*');
    expect(unversioned.get('Cache-Control')).toBe('public, max-age=3600');
  });
});
