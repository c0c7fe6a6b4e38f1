import { createHash } from 'node:crypto';
import { languageSegment } from '../src/lib/address.ts';
import { supportedLanguages } from '../src/lib/i18n.ts';

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

/** Who may frame a page: any site (the embed version, made for articles) or only this site. */
export type Framing = 'anyone' | 'self';

/** The `frame-ancestors` directive for pages framed by `framing`; only the header form of a policy can carry it. */
export function frameAncestors(framing: Framing): string {
  return framing === 'anyone' ? 'frame-ancestors *' : "frame-ancestors 'self'";
}

/** What a host sends with every file besides the policy. */
export const commonHeaders = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
] as const;

/** Cache-Control values: files whose names carry their hash, files checked on every use, and `embed.js`. */
export const cacheControl = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  // Snippets pasted before versioned scripts existed name embed.js: a fix reaches them within an hour.
  unversionedEmbedScript: 'public, max-age=3600',
} as const;

/** A page the build writes: its file in the output folder, and whether it is the embed version. */
export interface BuiltPage {
  outputFile: string;
  presentation: 'site' | 'embed';
}

/**
 * The URL paths (under `base`) that name the pages of one kind, as few as
 * possible for a host's path rules: a whole folder (`city/*`) when every page
 * beneath it is of that kind, else each page's own address.
 */
export function pagePaths(pages: readonly BuiltPage[], kind: BuiltPage['presentation'], base: string): string[] {
  const urlPath = (file: string) => `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
  const paths = new Set<string>();
  for (const page of pages.filter((candidate) => candidate.presentation === kind)) {
    const [folder] = page.outputFile.split('/');
    const inFolder = pages.filter((other) => other.outputFile.startsWith(`${folder ?? ''}/`));
    if (page.outputFile.includes('/') && inFolder.every((other) => other.presentation === kind)) {
      paths.add(`${base}${folder ?? ''}/*`);
    } else {
      paths.add(urlPath(page.outputFile));
      if (page.outputFile.endsWith('index.html')) paths.add(`${base}${page.outputFile}`);
    }
  }
  return [...paths];
}

/**
 * `_headers` for Netlify and Cloudflare Pages. Both hosts join the values of
 * every rule that matches a path, so no path gets two rules for one header
 * unless joining them is meant:
 *
 * - every file: the policy, `nosniff`, the referrer policy, and
 *   `X-Frame-Options: SAMEORIGIN`, so nothing can be framed by another site
 *   by default;
 * - the embed pages: a second policy of just `frame-ancestors *`, which lets
 *   any site frame them (a policy with `frame-ancestors` makes browsers ignore
 *   `X-Frame-Options`); every other page: `frame-ancestors 'self'`;
 * - caching: hashed assets (the versioned embed script among them, which
 *   any site may fetch with CORS, as its integrity check needs) forever;
 *   `embed.js` for an hour; pages (in every language, quote pages and
 *   posters too), data, share images, oEmbed documents and the service
 *   worker revalidated.
 */
export function headersFile(policy: string, basePath: string, pages: readonly BuiltPage[]): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const rule = (path: string, headers: readonly (readonly [string, string])[]) => [
    path,
    ...headers.map(([name, value]) => `  ${name}: ${value}`),
  ];
  // Every page in every language (`ru/*`), the quote pages (`quote/*`, `city/*`), data, images and the worker.
  const languageFolders = supportedLanguages
    .map((language) => languageSegment(language))
    .filter((segment) => segment !== null)
    .map((segment) => `${segment}/*`);
  const revalidated = [
    '',
    'index.html',
    '404.html',
    'city/*',
    'quote/*',
    'embed/*',
    ...languageFolders,
    'data/*',
    'share/*',
    'sw.js',
  ];
  return [
    ...rule(`${base}*`, [['Content-Security-Policy', policy], ['X-Frame-Options', 'SAMEORIGIN'], ...commonHeaders]),
    ...pagePaths(pages, 'embed', base).flatMap((path) =>
      rule(path, [['Content-Security-Policy', frameAncestors('anyone')]]),
    ),
    ...pagePaths(pages, 'site', base).flatMap((path) =>
      rule(path, [['Content-Security-Policy', frameAncestors('self')]]),
    ),
    ...rule(`${base}assets/*`, [
      ['Cache-Control', cacheControl.immutable],
      ['Access-Control-Allow-Origin', '*'],
    ]),
    ...rule(`${base}embed.js`, [
      ['Cache-Control', cacheControl.unversionedEmbedScript],
      ['Access-Control-Allow-Origin', '*'],
    ]),
    ...rule(`${base}oembed/*`, [
      ['Cache-Control', cacheControl.revalidate],
      ['Access-Control-Allow-Origin', '*'],
    ]),
    ...revalidated.flatMap((path) => rule(`${base}${path}`, [['Cache-Control', cacheControl.revalidate]])),
    '',
  ].join('\n');
}
