/**
 * `npm run size`: the bundle-size budget check, run by `npm test` after the
 * build. For each checked page it adds up, gzipped, everything its first view
 * transfers: the HTML (with the rally data in it), its scripts and styles,
 * the map's code (loaded at once) and the basemap. Prints a table; exits 1 over budget.
 *
 * The budgets are issue #7's: 155 kB in all, of which 125 kB JavaScript, for
 * `/`, a city page and an embed page; 1.5 kB for embed.js.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kB = 1024;
const budgets = { total: 155 * kB, javascript: 125 * kB, embedScript: 1.5 * kB };
const pages = ['index.html', 'city/london/index.html', 'embed/city/london/index.html'];

const gzipped = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
const assets = readdirSync(join(dist, 'assets'));
const asset = (pattern: RegExp) => {
  const name = assets.find((file) => pattern.test(file));
  if (!name) throw new Error(`no asset matching ${String(pattern)} in ${dist}/assets`);
  return `assets/${name}`;
};

const overBudget: string[] = [];
const row = (label: string, bytes: number, budget?: number) => {
  const over = budget !== undefined && bytes > budget;
  if (over) overBudget.push(label);
  const limit = budget === undefined ? '' : ` / ${(budget / kB).toFixed(1)} kB${over ? '  OVER BUDGET' : ''}`;
  console.log(`  ${label.padEnd(34)} ${(bytes / kB).toFixed(1).padStart(7)} kB${limit}`);
};

for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  const linked = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/((?:assets)\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1] ?? '',
  );
  const files = [
    ...new Set([
      ...linked,
      asset(/^rally-map-.*\.js$/),
      asset(/^rally-map-.*\.css$/),
      asset(/^basemap-110m-.*\.json$/),
    ]),
    // A generated page carries its rally data; only a page without it fetches the file.
    ...(html.includes('id="rally-data"') ? [] : ['data/rallies.geojson']),
  ];
  const sizes = files.map((file) => ({ file, bytes: gzipped(file) }));
  const javascript = sizes.filter(({ file }) => file.endsWith('.js')).reduce((sum, { bytes }) => sum + bytes, 0);
  const total = gzipped(page) + sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(`/${page.replace(/index\.html$/, '')} (first view, gzip -9)`);
  row('html', gzipped(page));
  for (const { file, bytes } of sizes) row(file.replace(/-[\w-]{8}\./, '.'), bytes);
  row('javascript', javascript, budgets.javascript);
  row('total', total, budgets.total);
}
console.log('embed.js');
row('embed.js', gzipped('embed.js'), budgets.embedScript);

if (overBudget.length > 0) {
  console.error(`Over the size budget: ${overBudget.join(', ')}.`);
  process.exit(1);
}
console.log('Within the size budget.');
