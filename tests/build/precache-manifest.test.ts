import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPrecached, precacheManifest } from '../../build/precache-manifest.ts';

describe('isPrecached', () => {
  it.each([
    'assets/index-abc123.js',
    'assets/rally-map-abc123.css',
    'assets/countries-110m-abc123.json',
    'assets/share-menu-abc123.js',
    'favicon.svg',
    'manifest.webmanifest',
    'icons/icon-192.png',
  ])('keeps %s, which every reader’s offline use needs', (path) => {
    expect(isPrecached(path)).toBe(true);
  });

  it.each([
    'index.html',
    '404.html',
    'city/london/index.html',
    'ru/index.html',
    'ru/city/london/index.html',
    'assets/language-ru-abc123.js',
    'assets/language-pt-BR-abc123.js',
    'data/rallies.geojson',
    'share/overview.png',
    'share/london.png',
    'embed/index.html',
    'embed/city/london/index.html',
    'embed.js',
    'assets/embed.0123456789ab.js',
    'oembed/index.json',
    'oembed/city/london.json',
    '_headers',
    'sw.js',
    'photos/london-1.jpg',
    'robots.txt',
    'city/london/extra/index.html',
  ])('leaves out %s, stored only when the reader opens it', (path) => {
    expect(isPrecached(path)).toBe(false);
  });
});

describe('precacheManifest', () => {
  const folder = mkdtempSync(join(tmpdir(), 'precache-'));
  const files: Record<string, string> = {
    'index.html': '<p>overview</p>',
    'city/rome/index.html': '<p>Rome</p>',
    'assets/index-abc123.js': 'console.log(1)',
    'assets/style-abc123.css': 'p{}',
    'assets/language-ru-abc123.js': 'export default {}',
    'manifest.webmanifest': '{"name":"Rallies"}',
    'data/rallies.geojson': '{"type":"FeatureCollection","features":[]}',
    'share/rome.png': 'not a real png',
    'embed/index.html': '<p>embed</p>',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists the kept files under the base path, sorted: the shell, not the pages or other languages', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const { entries, gzipBytes } = precacheManifest(folder, '/maps');
    expect(entries).toEqual([
      { url: '/maps/assets/index-abc123.js', revision: null },
      { url: '/maps/assets/style-abc123.css', revision: null },
      { url: '/maps/manifest.webmanifest', revision: md5('{"name":"Rallies"}') },
    ]);
    expect(gzipBytes).toBeGreaterThan(0);
  });

  it('gives a changed file without a hashed name a new revision', () => {
    const before = precacheManifest(folder, '/').entries.find((entry) => entry.url === '/manifest.webmanifest');
    writeFileSync(join(folder, 'manifest.webmanifest'), '{"name":"Rallies, redeployed"}');
    const after = precacheManifest(folder, '/').entries.find((entry) => entry.url === '/manifest.webmanifest');
    expect(after?.revision).not.toBe(before?.revision);
  });
});
