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

  it('writes the header form with frame-ancestors, and caches hashed assets for a year', () => {
    const headers = headersFile(policy, '/maps/');
    expect(headers).toContain(`/maps/*\n  Content-Security-Policy: ${policy}; frame-ancestors *\n`);
    expect(headers).toContain('/maps/assets/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(headers).toContain('/maps/city/*\n  Cache-Control: no-cache');
    expect(headers).toContain('/maps/data/*\n  Cache-Control: no-cache');
    // The service worker is checked for updates on every navigation.
    expect(headers).toContain('/maps/sw.js\n  Cache-Control: no-cache');
    expect(headers).toContain('/maps/\n  Cache-Control: no-cache');
    // Both hosts join every matching rule's values, so the catch-all rule must not set caching.
    const catchAll = headers.split('/maps/assets/*')[0] ?? '';
    expect(catchAll).not.toContain('Cache-Control');
  });
});
