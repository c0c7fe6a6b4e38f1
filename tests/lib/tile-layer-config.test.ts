import { describe, expect, it } from 'vitest';
import { parseTileLayerConfig } from '../../src/lib/tile-layer-config.ts';

const attribution = '© OpenStreetMap contributors';

describe('parseTileLayerConfig', () => {
  it('gives no layer without TILE_URL: the default makes no request to another host', () => {
    expect(parseTileLayerConfig({})).toEqual({ ok: true, config: null });
    expect(parseTileLayerConfig({ TILE_URL: '  ', TILE_ATTRIBUTION: attribution })).toEqual({
      ok: true,
      config: null,
    });
  });

  it('reads a template, its attribution and highest zoom', () => {
    expect(
      parseTileLayerConfig({
        TILE_URL: 'https://tiles.example.org/osm/{z}/{x}/{y}.png?key=abc',
        TILE_ATTRIBUTION: `  ${attribution}\n`,
        TILE_MAX_ZOOM: '17',
      }),
    ).toEqual({
      ok: true,
      config: {
        urlTemplate: 'https://tiles.example.org/osm/{z}/{x}/{y}.png?key=abc',
        attribution,
        maxZoom: 17,
        subdomains: [],
        origins: ['https://tiles.example.org'],
      },
    });
  });

  it('expands {s} to the subdomains a, b and c, each an origin', () => {
    const parsed = parseTileLayerConfig({
      TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      TILE_ATTRIBUTION: attribution,
    });
    expect(parsed.ok && parsed.config).toMatchObject({
      maxZoom: 19,
      subdomains: ['a', 'b', 'c'],
      origins: ['https://a.tile.example.org', 'https://b.tile.example.org', 'https://c.tile.example.org'],
    });
  });

  it('allows plain http only for a loopback host', () => {
    const local = parseTileLayerConfig({ TILE_URL: 'http://127.0.0.1:4176/{z}/{x}/{y}.png', TILE_ATTRIBUTION: 'x' });
    expect(local.ok && local.config?.origins).toEqual(['http://127.0.0.1:4176']);
  });

  it.each([
    ['http://tiles.example.org/{z}/{x}/{y}.png', 'must be an https:// URL'],
    ['ftp://tiles.example.org/{z}/{x}/{y}.png', 'must be an https:// URL'],
    ['https:tiles.example.org/{z}/{x}/{y}.png', 'must be an https:// URL'],
    ['https:/tiles.example.org/{z}/{x}/{y}.png', 'must be an https:// URL'],
    ['https:///tiles.example.org/{z}/{x}/{y}.png', 'must be an https:// URL'],
    ['https://tiles.example.org/{z}/{x}.png', 'has no {y}'],
    ['https://tiles.example.org/{z}/{x}/{y}{r}.png', 'unknown placeholder {r}'],
    ['https://tiles.example.org/{z}/{x}/{y}}.png', 'unmatched brace'],
    ['https://tiles.example.org/{s}/{z}/{x}/{y}.png', '{s} belongs in the host name only'],
    ['https://{z}.example.org/{x}/{y}.png', 'belong in the path'],
    ['https://user:secret@tiles.example.org/{z}/{x}/{y}.png', 'user name or password'],
    ['tiles.example.org/{z}/{x}/{y}.png', 'is not a URL'],
    ["https://tiles.example.org/{z}/{x}/{y}.png 'unsafe-inline'", 'must not contain spaces'],
  ])('rejects %s', (url, message) => {
    const parsed = parseTileLayerConfig({ TILE_URL: url, TILE_ATTRIBUTION: attribution });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
    expect(!parsed.ok && parsed.message).toMatch(/^TILE_URL: /);
  });

  it('requires an attribution, and a whole highest zoom from 1 to 22', () => {
    const url = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(parseTileLayerConfig({ TILE_URL: url })).toMatchObject({ ok: false, message: /^TILE_ATTRIBUTION/ });
    for (const zoom of ['0', '23', '12.5', 'max'])
      expect(parseTileLayerConfig({ TILE_URL: url, TILE_ATTRIBUTION: attribution, TILE_MAX_ZOOM: zoom })).toMatchObject(
        { ok: false, message: /^TILE_MAX_ZOOM/ },
      );
  });
});
