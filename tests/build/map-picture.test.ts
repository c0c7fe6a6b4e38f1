import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { basemapPicturePaths, pageMapPicture } from '../../build/map-picture.ts';
import { decodeLines, linesFromPicturePath, type CompactBasemap } from '../../src/lib/basemap.ts';
import { pictureToLngLat } from '../../src/lib/map-view.ts';
import { pictureMarkup } from '../../src/lib/picture-tree.ts';
import { decodeRallyJson, parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import type { Rally } from '../../src/lib/rally-schema.ts';
import { englishPack } from '../../build/page-meta.ts';

const basemap = JSON.parse(readFileSync('data/basemap-110m.json', 'utf8')) as CompactBasemap;
const paths = basemapPicturePaths(basemap);
const decoded = decodeRallyJson(readFileSync('data/rallies.geojson', 'utf8'));
if (!decoded.ok) throw new Error(decoded.message);
const collection = parseRallyCollection(decoded.value);
const london = collection.rallies.find((rally) => rally.id === 'london') ?? null;

/** The page's picture as markup (src/lib/picture-tree.ts), for reading its elements. */
function picture(rally: Rally | null, presentation: 'site' | 'embed' = 'site', rallies = collection): string {
  const tree = pageMapPicture({
    collection: rallies,
    rally,
    presentation,
    paths,
    basePath: '/',
    clustered: false,
    pack: englishPack,
  });
  if (!tree) throw new Error('no picture');
  return pictureMarkup(tree);
}

describe('basemapPicturePaths', () => {
  it('draws land and borders that read back to degrees within the basemap’s own grid', () => {
    const land = linesFromPicturePath(paths.land, pictureToLngLat);
    const borders = linesFromPicturePath(paths.borders, pictureToLngLat);
    expect(land.lines.length).toBeGreaterThan(100);
    expect(land.closed.every(Boolean)).toBe(true);
    expect(borders.closed.some(Boolean)).toBe(false);
    const points = land.lines.flat();
    // Antarctica is left out, and nothing is drawn beyond Web Mercator's limit.
    expect(Math.min(...points.map(([, latitude]) => latitude ?? 0))).toBeGreaterThan(-60);
    expect(Math.max(...points.map(([, latitude]) => latitude ?? 0))).toBeLessThan(85.06);
    // The same north–south extent as the shipped basemap's countries, within its grid
    // (east–west, shapes across the antimeridian are unwrapped, so they reach past 180°).
    const shipped = decodeLines(basemap).flat();
    for (const axis of [1]) {
      const extent = (list: number[][]) => [
        Math.min(...list.map((point) => point[axis] ?? 0)),
        Math.max(...list.map((point) => point[axis] ?? 0)),
      ];
      const [low = 0, high = 0] = extent(points);
      const [shippedLow = 0, shippedHigh = 0] = extent(shipped);
      expect(Math.abs(low - shippedLow)).toBeLessThan(0.1);
      expect(Math.abs(high - shippedHigh)).toBeLessThan(0.1);
    }
  });

  it('is smaller than the shipped basemap file once compressed', () => {
    const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
    expect(gzipped(paths.land) + gzipped(paths.borders)).toBeLessThan(gzipped(JSON.stringify(basemap)));
  });
});

describe('pageMapPicture', () => {
  it('links every rally to its city page, named by its city', () => {
    const html = picture(null);
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*aria-label="([^"]+)"/g)].map(([, href, name]) => [
      href,
      name,
    ]);
    expect(links).toHaveLength(collection.rallies.length);
    expect(links).toContainEqual(['/city/london/', 'London']);
    expect(links).toContainEqual(['/city/brasilia/', 'Brasília']);
    expect(html).not.toContain('aria-current');
    expect(html).toContain('map-picture-svg--fit');
  });

  it('highlights the page’s own city, drawn last, and centres it at the city zoom', () => {
    const html = picture(london);
    expect(html).toMatch(/<a href="\/city\/london\/" class="[^"]*is-selected[^"]*"[^>]*aria-current="page"/);
    expect(html.lastIndexOf('data-city-id="london"')).toBeGreaterThan(html.lastIndexOf('data-city-id="york"'));
    expect(html).toContain('map-picture-svg--fixed');
  });

  it('links to the embed pages from an embed', () => {
    expect(picture(london, 'embed')).toContain('href="/embed/city/rome/"');
  });

  it('escapes a city name as text', () => {
    const [first] = collection.rallies;
    if (!first) throw new Error('no rallies');
    const html = picture(null, 'site', { ...collection, rallies: [{ ...first, name: '<script>"x"' }] });
    expect(html).toContain('aria-label="&lt;script&gt;&quot;x&quot;"');
    expect(html).not.toContain('<script>');
  });

  it('draws clusters, not one element per rally, with many rallies', () => {
    const [first] = collection.rallies;
    if (!first) throw new Error('no rallies');
    const many = Array.from({ length: 2000 }, (_, index) => ({
      ...first,
      id: `r${String(index)}`,
      latitude: 40 + (index % 40) * 0.2,
      longitude: -10 + Math.floor(index / 40) * 0.3,
    }));
    const tree = pageMapPicture({
      collection: { ...collection, rallies: many },
      rally: null,
      presentation: 'site',
      pack: englishPack,
      paths,
      basePath: '/',
      clustered: true,
    });
    const html = tree ? pictureMarkup(tree) : '';
    const clusters = html.match(/class="picture-cluster /g) ?? [];
    const markers = html.match(/<a href=/g) ?? [];
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.length + markers.length).toBeLessThan(many.length / 10);
  });
});
