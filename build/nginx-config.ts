import { languageSegment } from '../src/lib/address.ts';
import { supportedLanguages } from '../src/lib/i18n.ts';
import {
  cacheControl,
  commonHeaders,
  frameAncestors,
  type BuiltPage,
  type Framing,
} from './content-security-policy.ts';

/** The name of the nginx include file the build writes into the output folder. */
export const nginxConfigFile = 'nginx.conf';

/** What the nginx configuration is made from: the build's policy, its base path and the pages it wrote. */
export interface NginxConfigOptions {
  /** The Content Security Policy, without `frame-ancestors` (build/content-security-policy.ts). */
  policy: string;
  /** The site's path on its host, `/` or e.g. `/maps/`. */
  basePath: string;
  pages: readonly BuiltPage[];
}

// A header value as an nginx string. nginx would read "$" as a variable and has no escape for it.
function quoted(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`nginx config: cannot write the header value ${value}`);
  return `"${value}"`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every language's address segment (`ru`, `pt-br`), English (which has none) left out. */
const languageSegments = supportedLanguages
  .map((language) => languageSegment(language))
  .filter((segment): segment is string => segment !== null);

/**
 * Server-level lines that send an old link with `?lang=` (from
 * before each language had its own pages) to the same page in that
 * language, as src/state/url-sync.ts does in the browser, so it works with
 * scripts off too: `/city/london/?lang=ru` goes to `/ru/city/london/?lang=ru`
 * (the app then drops the parameter). The value matches as `matchLanguage`
 * does (`ru`, `RU`, `ru-RU`; `pt` and `pt-br` give `pt-br`); other
 * parameters are kept. Only page addresses (ending in `/`) move, and only
 * when they are not in that language already, so there is no loop. At the
 * server level, an `if` that returns is safe in nginx.
 */
function languageRedirectLines(base: string): string[] {
  const prefixOf = (segments: readonly string[]) => `(?:${segments.map(escapeRegex).join('|')})/`;
  // The rest of a page's address; never starting with "/", so the redirect cannot leave the site ("//host/").
  const page = '((?:[^/].*/)?)';
  const lines = [
    '# An old link with ?lang= goes to the same page in that language (as src/state/url-sync.ts does with scripts on).',
    'set $rally_lang_and_path "$arg_lang:$uri";',
  ];
  for (const language of supportedLanguages) {
    const segment = languageSegment(language);
    const value = `^${escapeRegex(language.toLowerCase().split('-')[0] ?? language)}(?:-[^:]*)?:${escapeRegex(base)}`;
    // English: from any other language's pages. Another language: from English's or any other language's.
    const from =
      segment === null
        ? prefixOf(languageSegments)
        : `(?:${prefixOf(languageSegments.filter((other) => other !== segment))})?(?!${escapeRegex(segment)}/)`;
    lines.push(
      `if ($rally_lang_and_path ~* "${value}${from}${page}$") {`,
      `    return 301 ${base}${segment === null ? '' : `${segment}/`}$1$is_args$args;`,
      '}',
    );
  }
  return lines;
}

/**
 * The folders (under `base`) that hold embed pages, such as `/embed/`: each
 * page's path up to and including its `embed/` segment.
 */
function embedFolders(pages: readonly BuiltPage[], base: string): string[] {
  const folders = pages
    .filter((page) => page.presentation === 'embed')
    .map((page) => /^(.*?embed\/)/.exec(page.outputFile)?.[1])
    .filter((folder): folder is string => folder !== undefined);
  return [...new Set(folders)].map((folder) => `${base}${folder}`);
}

/**
 * An nginx include file for the built site, with this build's policy filled
 * in, to put inside a `server` block that sets `listen`, `server_name` and
 * `root` (see docs/deploying.md). An `add_header` inside a `location`
 * cancels every one from outside it, so each location repeats all of its
 * headers itself. It serves:
 *
 * - every page with the policy, `nosniff`, the referrer policy and
 *   `frame-ancestors 'self'`; embed pages with `frame-ancestors *`;
 * - hashed assets (the versioned embed script among them) cached for good
 *   and open to CORS; `embed.js` cached for an hour, also open to CORS;
 *   pages, data, the service worker and everything else revalidated;
 * - the build's gzip copies (`gzip_static`), `404.html` with status 404 for
 *   any unknown address (`ru/404.html` under `ru/`, and so on for each
 *   language), and the classic oEmbed endpoint (`/oembed?url=<page
 *   address>`) rewritten to the page's oEmbed document;
 * - an old link with `?lang=` redirected to the page in that language
 *   (`languageRedirectLines`).
 */
export function nginxConfig({ policy, basePath, pages }: NginxConfigOptions): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const headerLines = (framing: Framing | null, cache: string, cors: boolean) =>
    [
      ['Content-Security-Policy', framing === null ? policy : `${policy}; ${frameAncestors(framing)}`],
      ...commonHeaders,
      ['Cache-Control', cache],
      ...(cors ? [['Access-Control-Allow-Origin', '*']] : []),
    ].map(([name = '', value = '']) => `    add_header ${name} ${quoted(value)} always;`);
  const location = (match: string, lines: readonly string[]) => [`location ${match} {`, ...lines, '}', ''];
  // A language's pages answer a missing address with that language's not-found page.
  const pageLocation = (framing: Framing, notFoundPage?: string) => [
    ...headerLines(framing, cacheControl.revalidate, false),
    ...(notFoundPage === undefined ? [] : [`    error_page 404 ${notFoundPage};`]),
    '    try_files $uri $uri/ =404;',
  ];
  const notFoundPageOf = (folder: string) => {
    const segment = languageSegments.find((candidate) => folder.startsWith(`${base}${candidate}/`));
    return segment === undefined ? undefined : `${base}${segment}/404.html`;
  };
  const geojson = `~ ^${escapeRegex(base)}.*\\.geojson$`;
  // The url parameter arrives as sent: "/" may be written as %2F.
  const slash = '(?:/|%2F)';

  return [
    `# nginx settings for this build of the site, written by \`npm run build\` (build/nginx-config.ts).`,
    `# Include it inside a server block that sets listen, server_name and root; see docs/deploying.md.`,
    '',
    'charset utf-8;',
    'gzip_static on;',
    'gzip_vary on;',
    'index index.html;',
    `error_page 404 ${base}404.html;`,
    '',
    ...languageRedirectLines(base),
    '',
    '# Pages of the full site, the data, the service worker: revalidated, framed only by this site.',
    ...location(base, pageLocation('self')),
    "# Each language's pages, with its own not-found page.",
    ...languageSegments.flatMap((segment) =>
      location(`${base}${segment}/`, pageLocation('self', `${base}${segment}/404.html`)),
    ),
    '# The embed version: any site may frame it.',
    ...embedFolders(pages, base).flatMap((folder) => location(folder, pageLocation('anyone', notFoundPageOf(folder)))),
    '# Hashed file names: cached for good. The versioned embed script is fetched with CORS from articles.',
    ...location(`${base}assets/`, headerLines(null, cacheControl.immutable, true)),
    ...location(`= ${base}embed.js`, headerLines(null, cacheControl.unversionedEmbedScript, true)),
    ...location(`${base}oembed/`, headerLines(null, cacheControl.revalidate, true)),
    '# The rally file, with its media type (nginx has none for .geojson).',
    ...location(geojson, [
      ...headerLines(null, cacheControl.revalidate, false),
      '    types { }',
      '    default_type application/geo+json;',
    ]),
    "# The classic oEmbed endpoint: /oembed?url=<page address> -> the page's oEmbed document.",
    "# The city is kept in a variable of its own, because rewrite's own regex resets $1.",
    ...location(`= ${base}oembed`, [
      `    if ($arg_url ~* "${slash}city${slash}([a-z0-9-]+)${slash}?$") {`,
      '        set $oembed_city $1;',
      `        rewrite ^ ${base}oembed/city/$oembed_city.json? last;`,
      '    }',
      `    rewrite ^ ${base}oembed/index.json? last;`,
    ]),
    '# This file and the Netlify headers file are not pages.',
    ...location(`= ${base}${nginxConfigFile}`, ['    return 404;']),
    ...location(`= ${base}_headers`, ['    return 404;']),
  ].join('\n');
}
