/**
 * The optional street-level raster tile layer a deployer can configure at
 * build time (`TILE_URL`, `TILE_ATTRIBUTION`, `TILE_MAX_ZOOM`). Pure parsing,
 * used by the build (to validate, and to widen the Content Security Policy)
 * and by the map.
 */

/** A validated tile layer: Leaflet URL template, plain-text attribution, highest zoom with tiles. */
export interface TileLayerConfig {
  urlTemplate: string;
  attribution: string;
  maxZoom: number;
  /** Values of `{s}` in the template; empty when it has none. */
  subdomains: readonly string[];
  /** Every origin tiles can come from (one per subdomain), for the policy's `img-src`. */
  origins: readonly string[];
}

/** The environment variables read, all optional. */
export interface TileLayerEnvironment {
  TILE_URL?: string | undefined;
  TILE_ATTRIBUTION?: string | undefined;
  TILE_MAX_ZOOM?: string | undefined;
}

/** The result of parsing: no layer, a layer, or the reason the settings are wrong. */
export type TileLayerParse = { ok: true; config: TileLayerConfig | null } | { ok: false; message: string };

/** Subdomains `{s}` stands for, as in Leaflet's default. */
export const defaultSubdomains = ['a', 'b', 'c'] as const;

const placeholders = new Set(['{s}', '{z}', '{x}', '{y}']);
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the tile settings. Without `TILE_URL` there is no layer (the
 * default: no request to another host). A URL template must start with a
 * literal `https://` and a host (plain http only for a loopback host, for
 * testing), contain `{z}`, `{x}` and `{y}`,
 * use no other placeholder than `{s}` (only in the host name), and carry no
 * user name or password. An attribution is required (tile providers demand
 * one) and is plain text; the highest zoom is a whole number from 1 to 22
 * (default 19). Never throws.
 */
export function parseTileLayerConfig(environment: TileLayerEnvironment): TileLayerParse {
  const template = environment.TILE_URL?.trim() ?? '';
  if (template === '') return { ok: true, config: null };
  const fail = (message: string): TileLayerParse => ({ ok: false, message: `TILE_URL: ${message}` });

  if (/[\s"'<>\\^`|]/.test(template)) return fail(`"${template}" must not contain spaces, quotes or < > \\ ^ \` |`);
  for (const name of ['{z}', '{x}', '{y}']) {
    if (!template.includes(name))
      return fail(`"${template}" has no ${name} (e.g. https://tiles.example.org/{z}/{x}/{y}.png)`);
  }
  const unknown = [...template.matchAll(/\{[^}]*\}/g)]
    .map(([match]) => match)
    .find((match) => !placeholders.has(match));
  if (unknown !== undefined) return fail(`unknown placeholder ${unknown}; only {s}, {z}, {x} and {y} are supported`);
  if (/[{}]/.test(template.replace(/\{[szxy]\}/g, ''))) return fail(`"${template}" has an unmatched brace`);

  const subdomains = template.includes('{s}') ? [...defaultSubdomains] : [];
  const parsed = parseUrl(template.replaceAll('{s}', 'a').replace(/\{[zxy]\}/g, '0'));
  if (parsed === null) return fail(`"${template}" is not a URL`);
  // The URL parser reads "https:tiles.example.org" as https://tiles.example.org, but a
  // browser resolves such a template against the page's own address: demand the "//".
  if (!/^https?:\/\/[^/]/i.test(template)) return fail(`"${template}" must be an https:// URL`);
  const hostPart = /^[a-z]+:\/\/([^/?#]*)/i.exec(template)?.[1] ?? '';
  if (/\{[zxy]\}/.test(hostPart)) return fail('{z}, {x} and {y} belong in the path, not the host name');
  if (template.replace(hostPart, '').includes('{s}')) return fail('{s} belongs in the host name only');
  if (parsed.username || parsed.password) return fail('must not contain a user name or password');
  const loopback = loopbackHosts.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    return fail(`"${template}" must be an https:// URL`);

  const attribution = (environment.TILE_ATTRIBUTION ?? '').replace(/\s+/g, ' ').trim();
  if (attribution === '')
    return { ok: false, message: 'TILE_ATTRIBUTION: required with TILE_URL, e.g. "© OpenStreetMap contributors"' };
  if (attribution.length > 200) return { ok: false, message: 'TILE_ATTRIBUTION: at most 200 characters' };

  const zoomText = environment.TILE_MAX_ZOOM?.trim() ?? '';
  const maxZoom = zoomText === '' ? 19 : Number(zoomText);
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22)
    return { ok: false, message: `TILE_MAX_ZOOM: "${zoomText}" is not a whole number from 1 to 22` };

  const origins = (subdomains.length > 0 ? subdomains : [null]).map((subdomain) => {
    const url = parseUrl(template.replaceAll('{s}', subdomain ?? '').replace(/\{[zxy]\}/g, '0'));
    return url === null ? '' : url.origin;
  });
  return {
    ok: true,
    config: { urlTemplate: template, attribution, maxZoom, subdomains, origins: [...new Set(origins)] },
  };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
