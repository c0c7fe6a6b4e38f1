import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  basePath,
  buildDate,
  buildTimeDefines,
  EnvironmentError,
  isLocalBuild,
  localSiteUrl,
  readBuildEnvironment,
} from '../../build/environment.ts';

const root = '/repo';

describe('readBuildEnvironment: SITE_URL', () => {
  it('stops a build to publish without SITE_URL, with a message naming it', () => {
    expect(() => readBuildEnvironment({}, root, 'publish')).toThrow(EnvironmentError);
    expect(() => readBuildEnvironment({ SITE_URL: ' ' }, root, 'publish')).toThrow(/^SITE_URL is not set/);
  });

  it('builds to publish with SITE_URL, keeping only its origin', () => {
    const environment = readBuildEnvironment({ SITE_URL: 'https://rallies.example.org/some/path' }, root, 'publish');
    expect(environment.siteUrl).toBe('https://rallies.example.org');
    expect(environment.appSiteUrl).toBe('https://rallies.example.org');
    expect(environment.local).toBe(false);
  });

  it('counts SITE_URL set to the local preview address as a local build', () => {
    const environment = readBuildEnvironment({ SITE_URL: localSiteUrl }, root, 'publish');
    expect(environment.local).toBe(true);
    expect(environment.siteUrl).toBe(localSiteUrl);
  });

  it('lets local builds and the development server go without SITE_URL: pages point at the preview address', () => {
    for (const purpose of ['local', 'serve'] as const) {
      const environment = readBuildEnvironment({}, root, purpose);
      expect(environment.siteUrl).toBe(localSiteUrl);
      expect(environment.appSiteUrl).toBe('');
      expect(environment.local).toBe(true);
    }
  });

  it('refuses a SITE_URL that is not an http(s) URL, naming the variable', () => {
    expect(() => readBuildEnvironment({ SITE_URL: 'rallies.example.org' }, root, 'publish')).toThrow(/^SITE_URL: /);
    expect(() => readBuildEnvironment({ SITE_URL: 'ftp://rallies.example.org' }, root, 'local')).toThrow(
      /^SITE_URL: .*http\(s\)/,
    );
  });
});

describe('readBuildEnvironment: the other settings', () => {
  it('reads the defaults', () => {
    const environment = readBuildEnvironment({ SOURCE_DATE_EPOCH: '1523059200' }, root, 'local');
    expect(environment).toMatchObject({
      basePath: '/',
      rallyDataPath: resolve(root, 'data/rallies.geojson'),
      tileLayer: null,
      photoHosts: [],
      dataAsOf: '2018-04-07',
      cityPageLimit: 100,
    });
    expect(readBuildEnvironment({ CITY_PAGE_LIMIT: ' 12 ' }, root, 'local').cityPageLimit).toBe(12);
  });

  it('names the variable that is wrong', () => {
    expect(() => readBuildEnvironment({ PHOTO_HOSTS: 'not a/host' }, root, 'local')).toThrow(/^PHOTO_HOSTS: /);
    for (const limit of ['0', '-5', '2.5', 'many', '100001']) {
      expect(() => readBuildEnvironment({ CITY_PAGE_LIMIT: limit }, root, 'local'), limit).toThrow(
        /^CITY_PAGE_LIMIT: /,
      );
    }
    expect(() => readBuildEnvironment({ TILE_URL: 'https://tiles.example.org/{z}/{x}.png' }, root, 'local')).toThrow(
      /^TILE_URL: /,
    );
    expect(() =>
      readBuildEnvironment({ TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' }, root, 'local'),
    ).toThrow(/^TILE_ATTRIBUTION: /);
  });

  it('passes the tile layer, photo hosts and site URL to the app', () => {
    const environment = readBuildEnvironment(
      {
        SITE_URL: 'https://rallies.example.org',
        PHOTO_HOSTS: 'images.example.org',
        TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
        TILE_ATTRIBUTION: '© Example',
      },
      root,
      'publish',
    );
    const defines = buildTimeDefines(environment);
    expect(JSON.parse(defines['import.meta.env.SITE_URL'] ?? '')).toBe('https://rallies.example.org');
    expect(JSON.parse(defines['import.meta.env.PHOTO_HOSTS'] ?? '')).toEqual(['images.example.org']);
    expect(JSON.parse(defines['import.meta.env.TILE_LAYER'] ?? '')).toMatchObject({ maxZoom: 19 });
  });
});

describe('isLocalBuild', () => {
  it('is true for LOCAL_BUILD=1', () => {
    expect(isLocalBuild({ LOCAL_BUILD: '1' })).toBe(true);
    expect(isLocalBuild({})).toBe(false);
    expect(isLocalBuild({ LOCAL_BUILD: '0' })).toBe(false);
  });
});

describe('basePath', () => {
  it('has a slash at each end', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('chechnya-rallies')).toBe('/chechnya-rallies/');
    expect(basePath('//chechnya-rallies//')).toBe('/chechnya-rallies/');
    expect(basePath('/')).toBe('/');
  });
});

describe('buildDate', () => {
  it('reads SOURCE_DATE_EPOCH in seconds, in UTC', () => {
    expect(buildDate('1523145599')).toBe('2018-04-07');
  });
});
