/**
 * `npm run generate:rallies -- <count> [outFile]`: writes a synthetic rally
 * file for load testing, `count` jittered copies of the real rallies in
 * data/rallies.geojson, each inside its country (see scripts/lib/synthetic-rallies.ts).
 * The output is deterministic; by default it goes to `tmp/rallies-<count>.geojson`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { insideCountry, loadCountryAtlas } from './lib/country-check.ts';
import { formatRallyFile, generateRallyFile, type TemplateFeature } from './lib/synthetic-rallies.ts';

const [countText, outFile] = process.argv.slice(2);
const count = Number(countText);
if (!Number.isInteger(count) || count < 1) {
  console.error(
    'Usage: npm run generate:rallies -- <count> [outFile]   (default outFile: tmp/rallies-<count>.geojson)',
  );
  process.exit(2);
}
const target = outFile ?? `tmp/rallies-${count}.geojson`;
const started = performance.now();
const real = JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as {
  campaign: Record<string, unknown>;
  features: TemplateFeature[];
};
const file = generateRallyFile(real.features, real.campaign, count, insideCountry(loadCountryAtlas()));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, formatRallyFile(file));
console.log(`Wrote ${count} synthetic rallies to ${target} in ${Math.round(performance.now() - started)} ms.`);
