import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPrecached, mapFileUrls, precacheManifest, startFiles } from '../../build/precache-manifest.ts';

const page = (base: string) =>
  `<!doctype html><link rel="stylesheet" href="${base}assets/index-abc123.css" disabled>` +
  `<script data-preload="${base}assets/map-abc123.js ${base}assets/main-abc123.js ${base}assets/map-abc123.css" ` +
  `type="module" crossorigin src="${base}assets/boot-abc123.js"></script>` +
  `<script type="application/json" id="rally-data">{"src":"${base}assets/other.js"}</script>`;

describe('startFiles', () => {
  it('lists the module script and the files it preloads, under the base path, once each', () => {
    expect(startFiles(page('/maps/'), '/maps')).toEqual([
      'assets/boot-abc123.js',
      'assets/main-abc123.js',
      'assets/map-abc123.css',
      'assets/map-abc123.js',
    ]);
  });

  it('finds nothing in a page without a module script', () => {
    expect(startFiles('<p>no script</p>', '/')).toEqual([]);
  });
});

describe('isPrecached', () => {
  const start = ['assets/boot-abc123.js', 'assets/main-abc123.js', 'assets/map-abc123.css'];

  it.each(start)('keeps %s, which every page loads at start', (path) => {
    expect(isPrecached(path, start)).toBe(true);
  });

  it.each([
    'index.html',
    'city/london/index.html',
    'ru/city/london/index.html',
    'assets/index-abc123.css',
    'assets/share-panel-abc123.js',
    'assets/parse-rallies-abc123.js',
    'assets/basemap-110m-abc123.json',
    'assets/language-ru-abc123.js',
    'favicon.svg',
    'manifest.webmanifest',
    'icons/icon-512.png',
    'data/rallies.geojson',
    'share/london.png',
    'embed/city/london/index.html',
    'embed.js',
    'sw.js',
    'photos/london-1.jpg',
  ])('leaves out %s, stored when it is first asked for, or never', (path) => {
    expect(isPrecached(path, start)).toBe(false);
  });
});

describe('precacheManifest', () => {
  const folder = mkdtempSync(join(tmpdir(), 'precache-'));
  const files: Record<string, string> = {
    'index.html': page('/maps/'),
    'city/rome/index.html': '<p>Rome</p>',
    'assets/boot-abc123.js': 'console.log(1)',
    'assets/main-abc123.js': 'console.log(2)',
    'assets/map-abc123.js': 'console.log(3)',
    'assets/map-abc123.css': 'p{}',
    'assets/index-abc123.css': 'body{}',
    'assets/share-panel-abc123.js': 'console.log(4)',
    'assets/language-ru-abc123.js': 'export default {}',
    'manifest.webmanifest': '{"name":"Rallies"}',
    'data/rallies.geojson': '{"type":"FeatureCollection","features":[]}',
    '.vite/manifest.json': JSON.stringify({
      'index.html': { file: 'assets/boot-abc123.js', css: ['assets/index-abc123.css'] },
      'src/main.tsx': { file: 'assets/main-abc123.js' },
      'src/map/rally-map.tsx': {
        file: 'assets/map-abc123.js',
        css: ['assets/map-abc123.css', 'assets/index-abc123.css'],
        imports: ['src/main.tsx', '_leaflet.js'],
      },
      '_leaflet.js': { file: 'assets/leaflet-abc123.js' },
    }),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists what every page loads at start, under the base path, sorted, and nothing else', () => {
    const { entries, gzipBytes } = precacheManifest(folder, '/maps');
    expect(entries).toEqual([
      { url: '/maps/assets/boot-abc123.js', revision: null },
      { url: '/maps/assets/main-abc123.js', revision: null },
      { url: '/maps/assets/map-abc123.css', revision: null },
      { url: '/maps/assets/map-abc123.js', revision: null },
    ]);
    expect(gzipBytes).toBeGreaterThan(0);
  });

  it('names the interactive map’s files, less what the page and the app load, to be stored if already loaded', () => {
    expect(mapFileUrls(folder, '/maps')).toEqual([
      '/maps/assets/map-abc123.js',
      '/maps/assets/map-abc123.css',
      '/maps/assets/leaflet-abc123.js',
    ]);
  });

  it('gives the deploy a new version when any file of the app changes, not when a page does', () => {
    const before = precacheManifest(folder, '/maps').version;
    writeFileSync(join(folder, 'city/rome/index.html'), '<p>Roma</p>');
    expect(precacheManifest(folder, '/maps').version).toBe(before);
    writeFileSync(join(folder, 'assets/share-panel-def456.js'), 'console.log(5)');
    expect(precacheManifest(folder, '/maps').version).not.toBe(before);
  });
});
