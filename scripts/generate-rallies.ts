/**
 * `npm run generate:rallies -- <count> [outFile] [--real]`: writes a synthetic
 * rally file for load testing, `count` jittered copies of the real rallies in
 * data/rallies.geojson, each inside its country (see scripts/lib/synthetic-rallies.ts).
 * With `--real`, each record is as large as a real one (about 600 bytes: a
 * local name, a venue or null, a location note and a source). The output is
 * deterministic; by default it goes to `tmp/rallies-<count>[-real].geojson`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { insideCountry, loadCountryAtlas } from './lib/country-check.ts';
import { formatRallyFile, generateRallyFile, type TemplateFeature } from './lib/synthetic-rallies.ts';

const args = process.argv.slice(2);
const realSize = args.includes('--real');
const [countText, outFile] = args.filter((arg) => arg !== '--real');
const count = Number(countText);
if (!Number.isInteger(count) || count < 1) {
  console.error(
    'Usage: npm run generate:rallies -- <count> [outFile] [--real]   (default outFile: tmp/rallies-<count>[-real].geojson)',
  );
  process.exit(2);
}
const target = outFile ?? `tmp/rallies-${count}${realSize ? '-real' : ''}.geojson`;
const started = performance.now();
const real = JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as {
  campaign: Record<string, unknown>;
  features: TemplateFeature[];
};
const file = generateRallyFile(
  real.features,
  real.campaign,
  count,
  insideCountry(loadCountryAtlas()),
  undefined,
  realSize,
);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, formatRallyFile(file));
console.log(
  `Wrote ${count} synthetic${realSize ? ' real-size' : ''} rallies to ${target} in ${Math.round(performance.now() - started)} ms.`,
);
