import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPrecached, precacheManifest, precachedDataCapGzipBytes } from '../../build/precache-manifest.ts';

describe('isPrecached', () => {
  it.each([
    'assets/index-abc123.js',
    'assets/rally-map-abc123.css',
    'assets/countries-110m-abc123.json',
    'assets/de-abc123.js',
    'index.html',
    '404.html',
    'city/london/index.html',
    'data/rallies.geojson',
    'favicon.svg',
    'manifest.webmanifest',
    'icons/icon-192.png',
  ])('keeps %s, which offline use needs', (path) => {
    expect(isPrecached(path)).toBe(true);
  });

  it.each([
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
  ])('leaves out %s', (path) => {
    expect(isPrecached(path)).toBe(false);
  });
});

describe('precacheManifest', () => {
  const folder = mkdtempSync(join(tmpdir(), 'precache-'));
  const files: Record<string, string> = {
    'index.html': '<p>overview</p>',
    'city/rome/index.html': '<p>Rome</p>',
    'assets/index-abc123.js': 'console.log(1)',
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

  it('lists the kept files under the base path, sorted, with a content revision where the name has no hash', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const { entries, gzipBytes } = precacheManifest(folder, '/maps');
    expect(entries).toEqual([
      { url: '/maps/assets/index-abc123.js', revision: null },
      { url: '/maps/city/rome/index.html', revision: md5('<p>Rome</p>') },
      { url: '/maps/data/rallies.geojson', revision: md5(files['data/rallies.geojson'] ?? '') },
      { url: '/maps/index.html', revision: md5('<p>overview</p>') },
    ]);
    expect(gzipBytes).toBeGreaterThan(0);
  });

  it('gives a changed page a new revision', () => {
    const before = precacheManifest(folder, '/').entries.find((entry) => entry.url === '/index.html');
    writeFileSync(join(folder, 'index.html'), '<p>overview, redeployed</p>');
    const after = precacheManifest(folder, '/').entries.find((entry) => entry.url === '/index.html');
    expect(after?.revision).not.toBe(before?.revision);
  });

  it('leaves out a rally file over the cap, gzipped, and says so; the service worker stores it once fetched', () => {
    expect(precachedDataCapGzipBytes).toBe(1_000_000);
    const gzipped = gzipSync(readFileSync(join(folder, 'data/rallies.geojson')), { level: 9 }).length;
    const under = precacheManifest(folder, '/', gzipped);
    expect(under.entries.map((entry) => entry.url)).toContain('/data/rallies.geojson');
    expect(under.leftOut).toEqual([]);
    const over = precacheManifest(folder, '/', gzipped - 1);
    expect(over.entries.map((entry) => entry.url)).not.toContain('/data/rallies.geojson');
    expect(over.entries.map((entry) => entry.url)).toContain('/index.html');
    expect(over.leftOut).toEqual(['data/rallies.geojson']);
  });
});
