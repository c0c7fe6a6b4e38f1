/**
 * `npm run size`: the bundle-size budget check, run by `npm test` after the
 * build. For each checked page it adds up, gzipped, everything its first view
 * transfers: the HTML (with the rally data and the map's picture, which
 * carries the basemap, in it), its scripts and styles; not the interactive
 * map's code, which loads when the reader reaches for the map (its size is
 * printed as what that adds). It then adds what the service worker downloads during the
 * same first visit, as "first visit": sw.js itself, and its precache list
 * less the files the page has already loaded (except the ones with a
 * revision, which Workbox fetches again bypassing the browser's cache). The
 * worker stores the open page from the browser's cache, and every other file
 * only when the page asks for it, so nothing else is counted; `npm run bench`
 * measures the same first visit over the network in Chromium. Prints a
 * table; exits 1 over budget.
 *
 * Budgets: see `budgets` below; 1.5 kB for embed.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { manifestFiles, readViteManifest } from '../build/vite-manifest.ts';

const dist = process.argv[2] ?? 'dist';
const kB = 1024;
// Budgets: issue 12's first visit, service worker included, is at most 150 kB for `/` and a city page, in English
// and Russian (`firstVisitTarget`). The ceilings below are tighter: they stop growth from what was measured when the
// interactive map became something loaded when the reader reaches for it (2026-11-30, session 5): `/` 114.9 kB in
// all, 87.1 kB of JavaScript, first visit 121.8 kB; the embed 115.4 kB (87.7 kB); `/ru/` 120.4 kB, first visit
// 127.3 kB. A Russian page carries its language's catalogue and translated content (5.5 kB more HTML than an English
// page), so its ceilings are 6 kB higher. The first visit's ceilings are the first view's plus sw.js (6.8 kB). What
// reaching for the map adds (Leaflet, src/map/, their styles) is printed, and has a ceiling of its own. Session 6 added
// 1.4 kB of JavaScript (number, list and plural tables: no Intl formatter built while taking over, 90-210 ms of
// start-up at CPU 4x) and 0.2 kB of HTML (the page's country and language names): `/` 116.4 kB, 88.5 kB of
// JavaScript, first visit 123.3 kB; the embed 116.8 kB (89.0 kB); the ceilings moved up by as much. Sessions 7-10
// added about 1 kB of HTML and styles (translated facts and roles, the notice for a city whose record cannot be
// downloaded, the styles of the share options without scripts and of the toolbar on narrow phones): `/` 117.4 kB,
// first visit 124.5 kB; the embed 117.9 kB; `/ru/city/london/` 123.2 kB, first visit 130.3 kB. The page ceilings
// moved up by 1 kB; the JavaScript's did not (89.4 kB of 90.5).
const budgets = {
  total: 119 * kB,
  javascript: 90.5 * kB,
  firstVisit: 126 * kB,
  embedScript: 1.5 * kB,
  interactiveMap: 55 * kB,
};
const russianExtra = 6 * kB;
const firstVisitTarget = 150 * kB;
const pages = [
  'index.html',
  'city/london/index.html',
  'ru/index.html',
  'ru/city/london/index.html',
  'embed/city/london/index.html',
];

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const gzipped = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;

const manifest = readViteManifest(dist);

/**
 * The files the first view loads: the entry (boot.ts) and the app (main.tsx)
 * it starts at once, what they import, and their styles; an embed page also
 * loads the code that tells its host page its height. Lazy parts (the
 * interactive map, loaded when the reader reaches for it; the share menu,
 * languages, validator, many-rallies code) are not part of it.
 */
function firstViewFiles(page: string): string[] {
  return manifestFiles(manifest, [
    'index.html',
    'src/main.tsx',
    ...(page.startsWith('embed/') ? ['src/state/embed-height.ts'] : []),
  ]);
}

/** What reaching for the map adds to the first view's files: Leaflet, src/map/ and their styles. */
function mapFiles(firstView: readonly string[]): string[] {
  return manifestFiles(manifest, ['src/map/rally-map.tsx']).filter((file) => !firstView.includes(file));
}

const overBudget: string[] = [];
const row = (label: string, bytes: number, budget?: number) => {
  const over = budget !== undefined && bytes > budget;
  if (over) overBudget.push(label);
  const limit = budget === undefined ? '' : ` / ${(budget / kB).toFixed(1)} kB${over ? '  OVER BUDGET' : ''}`;
  console.log(`  ${label.padEnd(34)} ${(bytes / kB).toFixed(1).padStart(7)} kB${limit}`);
};

for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [
    // Styles inlined into the page (build/inline-css-plugin.ts) are counted with the HTML.
    ...firstViewFiles(page).filter((file) => !file.endsWith('.css') || !isEntryCss(file) || isFetched(html, file)),
    // A generated page carries its rally data; a page of a site with many rallies fetches the rally index instead,
    // and a page with neither (the development server's) the file.
    ...(html.includes('id="rally-data"')
      ? []
      : [html.includes('id="rally-index"') ? 'data/rally-index.bin' : 'data/rallies.geojson']),
  ];
  const sizes = files.map((file) => ({ file, bytes: gzipped(file) }));
  const javascript = sizes.filter(({ file }) => file.endsWith('.js')).reduce((sum, { bytes }) => sum + bytes, 0);
  const total = gzipped(page) + sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(`/${page.replace(/index\.html$/, '')} (first view, gzip -9)`);
  row('html (with its styles and data)', gzipped(page));
  for (const { file, bytes } of sizes) row(file.replace(/-[\w-]{8}\./, '.'), bytes);
  row('javascript', javascript, budgets.javascript);
  const extra = page.startsWith('ru/') ? russianExtra : 0;
  row('total', total, budgets.total + extra);
  row('reaching for the map adds', sum(mapFiles(files).map(gzipped)), budgets.interactiveMap);
  // Embeds never register the service worker.
  if (page.startsWith('embed/')) continue;
  const loaded = new Set([page, ...files]);
  const workerDownloads = serviceWorkerPrecache().filter(({ file, revision }) => revision || !loaded.has(file));
  const workerBytes = workerDownloads.reduce((sum, { file }) => sum + gzipped(file), 0);
  row('sw.js', gzipped('sw.js'));
  row(`worker downloads (${String(workerDownloads.length)} files)`, workerBytes);
  const firstVisit = total + gzipped('sw.js') + workerBytes;
  row('first visit', firstVisit, budgets.firstVisit + extra);
  console.log(
    `  ${''.padEnd(34)} ${''.padStart(7)}    issue 12's target ${(firstVisitTarget / kB).toFixed(1)} kB: ${firstVisit > firstVisitTarget ? 'not met' : 'met'}`,
  );
}

/**
 * The files sw.js stores at install (build/precache-manifest.ts), relative to
 * the output folder, each with whether it has a revision (then Workbox
 * fetches it with `cache: 'reload'`, so it is downloaded again).
 */
function serviceWorkerPrecache(): { file: string; revision: boolean }[] {
  const source = readFileSync(join(dist, 'sw.js'), 'utf8');
  const base = process.env.BASE_PATH ?? '/';
  return [...source.matchAll(/url:[`"]([^`"]+)[`"],revision:(null|[`"][^`"]*[`"])/g)].map(([, url, revision]) => ({
    file: (url ?? '').slice(base.endsWith('/') ? base.length : base.length + 1),
    revision: revision !== 'null',
  }));
}

/** True when the page links the stylesheet for real: not inlined and left as a disabled link. */
function isFetched(html: string, file: string): boolean {
  return new RegExp(`<link rel="stylesheet"[^>]*href="/${file}"(?![^>]*disabled)[^>]*>`).test(html);
}

function isEntryCss(file: string): boolean {
  return manifest['index.html']?.css?.includes(file) ?? false;
}
console.log('embed.js');
row('embed.js', gzipped('embed.js'), budgets.embedScript);

if (overBudget.length > 0) {
  console.error(`Over the size budget: ${overBudget.join(', ')}.`);
  process.exit(1);
}
console.log('Within the size budget.');
