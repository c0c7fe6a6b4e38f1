import { createHash } from 'node:crypto';

/** What the policy must allow beyond this site itself. */
export interface PolicyOptions {
  /** Hosts remote photos may load from (`PHOTO_HOSTS`); none by default. */
  photoHosts: readonly string[];
  /** `'sha256-…'` sources for the page's own inline `<style>` blocks (the no-JavaScript layout). */
  styleHashes: readonly string[];
  /** Origins of the optional street-level tile layer (`TILE_URL`), e.g. `https://tile.example.org`; none by default. */
  tileOrigins?: readonly string[];
}

// A host name: labels of letters, digits and hyphens, with a top-level domain.
const hostPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Reads `PHOTO_HOSTS`: a comma- or space-separated list of host names that
 * remote photos may come from. Throws on anything that is not a plain host
 * name, since each one is written into the Content Security Policy.
 */
export function parsePhotoHosts(value: string | undefined): string[] {
  const hosts = (value ?? '')
    .split(/[\s,]+/)
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  for (const host of hosts) {
    if (!hostPattern.test(host))
      throw new Error(`PHOTO_HOSTS: "${host}" is not a host name such as images.example.org`);
  }
  return [...new Set(hosts)];
}

/** The CSP hash source of each inline `<style>` element in an HTML document, in order. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '')
        .digest('base64')}'`,
  );
}

/**
 * The site's Content Security Policy: nothing but this site's own scripts,
 * styles, data and images (plus `data:` images, allowed photo hosts and the
 * configured tile origins, in `img-src` only). No inline script, no eval, no
 * plugins, no forms, no `<base>`. The service worker (`sw.js`) is this site's
 * own script, allowed by `worker-src 'self'`.
 */
export function contentSecurityPolicy({ photoHosts, styleHashes, tileOrigins = [] }: PolicyOptions): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    ["img-src 'self' data:", ...photoHosts.map((host) => `https://${host}`), ...tileOrigins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The `<meta>` form of the policy, for the first element of every generated page's `<head>`. */
export function policyMetaTag(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
}

/**
 * `_headers` for Netlify and Cloudflare Pages: the policy as a header (which,
 * unlike the `<meta>` form, can say who may frame the site: anyone, since
 * embedding is wanted), and caching: hashed assets forever, pages, data,
 * share images and the service worker revalidated. No path gets two Cache-Control rules, because
 * both hosts join the values of every rule that matches.
 */
export function headersFile(policy: string, basePath: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const revalidated = ['', 'index.html', '404.html', 'city/*', 'data/*', 'share/*', 'sw.js'];
  return [
    `${base}*`,
    `  Content-Security-Policy: ${policy}; frame-ancestors *`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    `${base}assets/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    ...revalidated.flatMap((path) => [`${base}${path}`, '  Cache-Control: no-cache']),
    '',
  ].join('\n');
}
