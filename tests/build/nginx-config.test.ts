import { describe, expect, it } from 'vitest';
import { nginxConfig } from '../../build/nginx-config.ts';

/*
 * The redirects of old ?lang= links, for a site under a base path. The e2e
 * test (tests/e2e/nginx.spec.ts) runs the settings in a real nginx at the
 * root; here the server-level `if` rules are read back from the text and
 * applied as nginx applies them (PCRE, `~*` without case, the first matching
 * `if` returns), with the same regex syntax in JavaScript.
 */
const rules = (basePath: string) =>
  [
    ...nginxConfig({ policy: "default-src 'none'", basePath, pages: [] }).matchAll(
      /^if \(\$rally_lang_and_path ~\* "([^"]+)"\) \{\n {4}return 301 ([^\n;]+);\n\}/gm,
    ),
  ].map(([, pattern = '', target = '']) => ({ pattern: new RegExp(pattern, 'i'), target }));

/** Where nginx sends `path?query`, or null when it serves it as it is. */
function redirect(basePath: string, path: string, query: string): string | null {
  const lang = new URLSearchParams(query).get('lang') ?? '';
  for (const { pattern, target } of rules(basePath)) {
    const match = pattern.exec(`${lang}:${path}`);
    if (match) return target.replace('$1', match[1] ?? '').replace('$is_args$args', query === '' ? '' : `?${query}`);
  }
  return null;
}

describe('the nginx redirects of old ?lang= links', () => {
  it('has one rule per language, at the server level', () => {
    expect(rules('/')).toHaveLength(7);
    expect(rules('/maps/')).toHaveLength(7);
  });

  it('under a base path, move pages into the language asked for, and nothing else', () => {
    const base = '/maps/';
    expect(redirect(base, '/maps/city/london/', 'lang=ru')).toBe('/maps/ru/city/london/?lang=ru');
    expect(redirect(base, '/maps/', 'lang=pt')).toBe('/maps/pt-br/?lang=pt');
    expect(redirect(base, '/maps/de/embed/city/rome/', 'childId=a&lang=IT-it')).toBe(
      '/maps/it/embed/city/rome/?childId=a&lang=IT-it',
    );
    expect(redirect(base, '/maps/sv/city/york/', 'lang=en-GB')).toBe('/maps/city/york/?lang=en-GB');
    // Already there, not a language, not a page, outside the base, or a path that would leave the site.
    for (const [path, query] of [
      ['/maps/ru/city/london/', 'lang=ru'],
      ['/maps/city/london/', 'lang=en'],
      ['/maps/city/london/', 'lang=xx'],
      ['/maps/city/london/', 'lang=russian'],
      ['/maps/data/rallies.geojson', 'lang=ru'],
      ['/city/london/', 'lang=ru'],
      ['/maps//evil.example/', 'lang=en'],
      ['/maps//evil.example/', 'lang=ru'],
      ['/maps/ru//evil.example/', 'lang=en'],
    ] as const) {
      expect(redirect(base, path, query), `${path}?${query}`).toBeNull();
    }
  });
});
