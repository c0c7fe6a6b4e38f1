import { describe, expect, it } from 'vitest';
import { firstViewFiles, preloadTags } from '../../build/preload-plugin.ts';

const bundle = {
  'assets/index-a1.js': {
    type: 'chunk' as const,
    fileName: 'assets/index-a1.js',
    facadeModuleId: '/app/src/main.tsx',
    isEntry: true,
  },
  'assets/rally-map-b2.js': {
    type: 'chunk' as const,
    fileName: 'assets/rally-map-b2.js',
    facadeModuleId: '/app/src/map/rally-map.tsx',
    imports: ['assets/index-a1.js', 'assets/shared-c3.js'],
    viteMetadata: { importedCss: new Set(['assets/rally-map-d4.css']) },
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
  it('finds the map chunk with what it imports but the entry, its styles and the basemap, and nothing else', () => {
    expect(firstViewFiles(bundle)).toEqual({
      scripts: ['assets/rally-map-b2.js', 'assets/shared-c3.js'],
      styles: ['assets/rally-map-d4.css'],
      basemap: 'assets/basemap-110m-F6_x.json',
    });
  });

  it('finds nothing in a bundle without a map', () => {
    expect(firstViewFiles({ 'assets/index-a1.js': bundle['assets/index-a1.js'] })).toEqual({
      scripts: [],
      styles: [],
      basemap: null,
    });
  });
});

describe('preloadTags', () => {
  it('preloads styles, module-preloads scripts and preloads the basemap for fetch(), under the base path', () => {
    const tags = preloadTags(firstViewFiles(bundle), '/chechnya/');
    expect(tags.map((tag) => tag.attrs)).toEqual([
      { rel: 'preload', as: 'style', crossorigin: 'anonymous', href: '/chechnya/assets/rally-map-d4.css' },
      { rel: 'modulepreload', href: '/chechnya/assets/rally-map-b2.js' },
      { rel: 'modulepreload', href: '/chechnya/assets/shared-c3.js' },
      { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: '/chechnya/assets/basemap-110m-F6_x.json' },
    ]);
    expect(tags.every((tag) => tag.tag === 'link' && tag.injectTo === 'head')).toBe(true);
  });
});
