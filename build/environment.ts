import { parseTileLayerConfig, type TileLayerConfig } from '../src/lib/tile-layer-config.ts';
import { parsePhotoHosts } from './content-security-policy.ts';
import { rallyDataSource } from './rally-data-plugin.ts';

/** The local preview server's address (`npm run preview`): the site URL of a local build. */
export const localSiteUrl = 'http://127.0.0.1:4173';

/** The environment variables a build reads, all optional except `SITE_URL` for a build to publish. */
export interface EnvironmentVariables {
  [name: string]: string | undefined;
  SITE_URL?: string | undefined;
  BASE_PATH?: string | undefined;
  RALLY_DATA?: string | undefined;
  TILE_URL?: string | undefined;
  TILE_ATTRIBUTION?: string | undefined;
  TILE_MAX_ZOOM?: string | undefined;
  PHOTO_HOSTS?: string | undefined;
  SOURCE_DATE_EPOCH?: string | undefined;
  LOCAL_BUILD?: string | undefined;
  CITY_PAGE_LIMIT?: string | undefined;
}

/** Everything the build takes from its environment, validated. */
export interface BuildEnvironment {
  /** The site's public origin (`SITE_URL`), or the local preview address for a local build. */
  siteUrl: string;
  /** The origin the app builds share links on: `SITE_URL`'s, or "" (the page's own origin) when it was not set. */
  appSiteUrl: string;
  /** Whether this build is for this machine only (the tests, the preview, the bench, screenshots). */
  local: boolean;
  /** The site's path on its host, with a slash at each end: `/` or `/chechnya-rallies/` (`BASE_PATH`). */
  basePath: string;
  /** The absolute path of the rally file the site is built from (`RALLY_DATA`, or `data/rallies.geojson`). */
  rallyDataPath: string;
  /** The optional street-level tile layer (`TILE_URL`, `TILE_ATTRIBUTION`, `TILE_MAX_ZOOM`), or `null`. */
  tileLayer: TileLayerConfig | null;
  /** Hosts remote photos may load from (`PHOTO_HOSTS`); none by default. */
  photoHosts: string[];
  /** The day stamped on the data in pages, YYYY-MM-DD in UTC (`SOURCE_DATE_EPOCH`, or today). */
  dataAsOf: string;
  /**
   * With many rallies (src/lib/scale.ts), city pages, share cards and posters
   * are written for the first this many rallies of the file only
   * (`CITY_PAGE_LIMIT`, default `defaultCityPageLimit`); `404.html` opens the others.
   */
  cityPageLimit: number;
}

/** How many cities get pages of their own with many rallies, unless `CITY_PAGE_LIMIT` says otherwise. */
export const defaultCityPageLimit = 100;

/**
 * A setting that is missing or wrong; its message starts with the variable's
 * name. It carries no stack trace, so the build prints only the message.
 */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
    this.stack = `${this.name}: ${message}`;
  }
}

/** What a build is run for: `publish` needs `SITE_URL`; `local` (tests, preview) and `serve` (development) do not. */
export type BuildPurpose = 'publish' | 'local' | 'serve';

/**
 * Reads and checks every setting once, at the start of a build or of the
 * development server. Throws an `EnvironmentError` naming the variable when
 * one is wrong: a publishing build needs `SITE_URL`, an http(s) URL, since its
 * canonical links, share cards and oEmbed documents carry it; a local build
 * uses the preview address instead. Pure apart from the clock when
 * `SOURCE_DATE_EPOCH` is unset.
 */
export function readBuildEnvironment(
  variables: EnvironmentVariables,
  root: string,
  purpose: BuildPurpose,
): BuildEnvironment {
  const siteUrl = readSiteUrl(variables.SITE_URL, purpose);
  const tileLayer = parseTileLayerConfig(variables);
  if (!tileLayer.ok) throw new EnvironmentError(tileLayer.message);
  let photoHosts: string[];
  try {
    photoHosts = parsePhotoHosts(variables.PHOTO_HOSTS);
  } catch (error) {
    throw new EnvironmentError((error as Error).message);
  }
  return {
    siteUrl: siteUrl ?? localSiteUrl,
    appSiteUrl: siteUrl ?? '',
    local: purpose !== 'publish' || siteUrl === localSiteUrl,
    basePath: basePath(variables.BASE_PATH),
    rallyDataPath: rallyDataSource(root, variables),
    tileLayer: tileLayer.config,
    photoHosts,
    dataAsOf: buildDate(variables.SOURCE_DATE_EPOCH),
    cityPageLimit: readCityPageLimit(variables.CITY_PAGE_LIMIT),
  };
}

/** `CITY_PAGE_LIMIT` as a whole number from 1 to 100,000, or the default when unset; throws naming it otherwise. */
function readCityPageLimit(value: string | undefined): number {
  const text = value?.trim() ?? '';
  if (text === '') return defaultCityPageLimit;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > 100_000) {
    throw new EnvironmentError(
      `CITY_PAGE_LIMIT: "${text}" is not a whole number from 1 to 100000 (how many cities get pages with many rallies)`,
    );
  }
  return limit;
}

/**
 * Whether the environment marks this build as local, for this machine only:
 * `LOCAL_BUILD=1` (`npm run build:local`), as the test, preview, bench and
 * screenshot scripts build. (Vite's command line refuses flags it does not know.)
 */
export function isLocalBuild(variables: EnvironmentVariables): boolean {
  return variables.LOCAL_BUILD === '1' || variables.LOCAL_BUILD === 'true';
}

/** `SITE_URL`'s origin, or `null` when unset and not required; throws when required and unset, or not http(s). */
function readSiteUrl(value: string | undefined, purpose: BuildPurpose): string | null {
  const text = value?.trim() ?? '';
  if (text === '') {
    if (purpose !== 'publish') return null;
    throw new EnvironmentError(
      'SITE_URL is not set: a published build needs the address it will be served from, for its canonical links, ' +
        'share cards and oEmbed documents, e.g. SITE_URL=https://rallies.example.org npm run build. ' +
        `For a build on this machine only, run npm run build:local (or set SITE_URL=${localSiteUrl}).`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EnvironmentError(`SITE_URL: "${text}" is not a URL such as https://rallies.example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new EnvironmentError(`SITE_URL: "${text}" must be an http(s) URL`);
  return url.origin;
}

/** The site's path on its host from `BASE_PATH`: `/` by default, else `/<path>/`. */
export function basePath(value: string | undefined): string {
  if (!value) return '/';
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The day the build stamps on the data it puts in pages, YYYY-MM-DD in UTC:
 * from `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible builds, or today.
 */
export function buildDate(epochSeconds: string | undefined): string {
  const seconds = Number(epochSeconds);
  const time = epochSeconds && Number.isFinite(seconds) ? seconds * 1000 : Date.now();
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Build-time settings the app reads: `import.meta.env.SITE_URL` (the public
 * origin, or "" when unset), `import.meta.env.PHOTO_HOSTS` and
 * `import.meta.env.TILE_LAYER` (or `null`).
 */
export function buildTimeDefines(environment: BuildEnvironment): Record<string, string> {
  return {
    'import.meta.env.SITE_URL': JSON.stringify(environment.appSiteUrl),
    'import.meta.env.PHOTO_HOSTS': JSON.stringify(environment.photoHosts),
    'import.meta.env.TILE_LAYER': JSON.stringify(environment.tileLayer),
  };
}
