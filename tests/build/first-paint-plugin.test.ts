import { describe, expect, it } from 'vitest';
import { inlineStylesheets, firstViewFiles, markPreloads } from '../../build/first-paint-plugin.ts';

const css = new Map([['assets/index-a1.css', 'body{margin:0}']]);

describe('inlineStylesheets', () => {
  it('puts the bundle’s own stylesheet in a style element, under the base path', () => {
    const html = '<head><link rel="stylesheet" crossorigin href="/chechnya/assets/index-a1.css"></head>';
    expect(inlineStylesheets(html, css, '/chechnya/')).toBe(
      '<head><style>body{margin:0}</style><link rel="stylesheet" href="/chechnya/assets/index-a1.css" disabled></head>',
    );
  });

  it('leaves other links alone: other hosts, other files, preloads', () => {
    const html = [
      '<link rel="stylesheet" href="https://cdn.example/x.css">',
      '<link rel="stylesheet" href="/assets/other.css">',
      '<link rel="preload" as="style" href="/assets/index-a1.css">',
    ].join('');
    expect(inlineStylesheets(html, css, '/')).toBe(html);
  });

  it('cannot end the style element early', () => {
    const hostile = new Map([['assets/x.css', 'a{content:"</style><script>alert(1)</script>"}']]);
    const html = inlineStylesheets('<link rel="stylesheet" href="/assets/x.css">', hostile, '/');
    // Inside <style> only "</style" ends the element; the one left is the real end.
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).toMatch(/^<style>[^]*<\/style><link rel="stylesheet" href="\/assets\/x.css" disabled>$/);
  });
});

const bundle = {
  'assets/index-a1.js': {
    type: 'chunk' as const,
    fileName: 'assets/index-a1.js',
    facadeModuleId: '/app/src/boot.ts',
    isEntry: true,
  },
  'assets/rally-map-b2.js': {
    type: 'chunk' as const,
    fileName: 'assets/rally-map-b2.js',
    facadeModuleId: '/app/src/map/rally-map.tsx',
    imports: ['assets/index-a1.js', 'assets/main-c3.js'],
    viteMetadata: { importedCss: new Set(['assets/rally-map-d4.css']) },
  },
  'assets/main-c3.js': {
    type: 'chunk' as const,
    fileName: 'assets/main-c3.js',
    facadeModuleId: '/app/src/main.tsx',
    imports: ['assets/index-a1.js', 'assets/slug-g7.js'],
  },
  'assets/slug-g7.js': {
    type: 'chunk' as const,
    fileName: 'assets/slug-g7.js',
    facadeModuleId: '/app/src/lib/slug.ts',
    imports: ['assets/tiny-h8.js'],
  },
  'assets/tiny-h8.js': {
    type: 'chunk' as const,
    fileName: 'assets/tiny-h8.js',
    facadeModuleId: '/app/src/lib/tiny.ts',
  },
  'assets/share-panel-e5.js': {
    type: 'chunk' as const,
    fileName: 'assets/share-panel-e5.js',
    facadeModuleId: '/app/src/share/share-panel.tsx',
  },
  'assets/basemap-110m-F6_x.json': { type: 'asset' as const, fileName: 'assets/basemap-110m-F6_x.json' },
  'data/rallies.geojson': { type: 'asset' as const, fileName: 'data/rallies.geojson' },
};

describe('firstViewFiles', () => {
  it('finds the app’s chunk and what it imports, but not the entry, the map’s code and styles, or the basemap', () => {
    expect(firstViewFiles(bundle)).toEqual(['assets/main-c3.js', 'assets/slug-g7.js', 'assets/tiny-h8.js']);
  });

  it('finds nothing in a bundle without the app’s chunk', () => {
    expect(firstViewFiles({ 'assets/index-a1.js': bundle['assets/index-a1.js'] })).toEqual([]);
  });
});

describe('markPreloads', () => {
  it('names the files, under the base path, on the entry script only', () => {
    const html =
      '<script type="module" crossorigin src="/c/assets/index-a1.js"></script><script type="module" src="x"></script>';
    expect(markPreloads(html, ['assets/rally-map-b2.js', 'assets/basemap.json'], '/c/')).toBe(
      '<script data-preload="/c/assets/rally-map-b2.js /c/assets/basemap.json" type="module" crossorigin src="/c/assets/index-a1.js"></script><script type="module" src="x"></script>',
    );
  });

  it('leaves the page alone when there is nothing to preload', () => {
    expect(markPreloads('<script type="module"></script>', [], '/')).toBe('<script type="module"></script>');
  });
});
