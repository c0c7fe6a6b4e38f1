import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPointCountry, insideCountry, loadCountryAtlas } from '../../../scripts/lib/country-check.ts';
import {
  defaultSeed,
  formatRallyFile,
  generateRallyFile,
  seededRandom,
  type TemplateFeature,
} from '../../../scripts/lib/synthetic-rallies.ts';
import { validateRallyText } from '../../../scripts/lib/validate-rally-file.ts';
import { decodeRallyJson, parseRallyCollection } from '../../../src/lib/parse-rallies.ts';
import { rallyIds, readRallyDocument, readRallyFileText } from '../../lib/rally-fixtures.ts';

const atlas = loadCountryAtlas();
const real = readRallyDocument() as { campaign: Record<string, unknown>; features: TemplateFeature[] };
const generate = (count: number, seed?: number) =>
  generateRallyFile(real.features, real.campaign, count, insideCountry(atlas), seed);
const file = generate(1000);
const text = formatRallyFile(file);

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed, within [0, 1)', () => {
    const first = Array.from({ length: 5 }, seededRandom(42));
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('generateRallyFile', () => {
  it('is deterministic: the same count and seed give the same file', () => {
    expect(formatRallyFile(generate(1000))).toBe(text);
    expect(formatRallyFile(generate(1000, 1))).not.toBe(text);
  });

  it('clones the real rallies in turn, with unique ids such as london-00042', () => {
    const ids = file.features.map((feature) => feature.id);
    expect(new Set(ids).size).toBe(1000);
    expect(ids.slice(0, 9)).toEqual([...rallyIds.map((id, index) => `${id}-0000${index + 1}`), 'london-00009']);
    expect(ids.at(-1)).toBe('york-01000');
  });

  it('puts every point inside its country, moved from the original', () => {
    const moved = file.features.filter((feature, index) => {
      const original = real.features[index % real.features.length]?.geometry.coordinates;
      return original?.[0] !== feature.geometry.coordinates[0] || original[1] !== feature.geometry.coordinates[1];
    });
    expect(moved.length).toBeGreaterThan(990);
    for (const feature of file.features) {
      expect(checkPointCountry(atlas, feature.properties.country, feature.geometry.coordinates)).toBeNull();
    }
  });

  it('says the rallies are test copies and copies nothing the source reports about the real ones', () => {
    for (const feature of file.features) {
      expect(feature.properties.name).toMatch(/ test copy \d{5}$/);
      expect(feature.properties).toMatchObject({ venue: null, attendance: null, quotes: [], photos: [], sources: [] });
    }
    expect(file.campaign).toMatchObject({ quotes: [], calledBy: [] });
    expect(String(file.campaign.title)).toMatch(/^Synthetic test data/);
    // No quote or photo caption of the real file appears anywhere in the generated one.
    const realQuotes = [...readRallyFileText().matchAll(/"(?:text|caption)": "([^"]{20,})"/g)].map((match) => match[1]);
    expect(realQuotes.length).toBeGreaterThan(3);
    for (const quote of realQuotes) expect(text).not.toContain(quote);
  });

  it('writes a file the app parses with zero problems', () => {
    const decoded = decodeRallyJson(text);
    if (!decoded.ok) throw new Error(decoded.message);
    const collection = parseRallyCollection(decoded.value);
    expect(collection.problems).toEqual([]);
    expect(collection.rallies).toHaveLength(1000);
  });

  it('writes a file npm run validate accepts, with no errors or warnings', () => {
    const report = validateRallyText(text, 'tmp/rallies-1000.geojson');
    expect(report.exitCode).toBe(0);
    expect(report.lines.filter((line) => / (?:error|warning): /.test(line))).toEqual([]);
  });
});

describe('real-size records (--real)', () => {
  it('are about 600 bytes each, pass the parser, and say in every text that they are synthetic', () => {
    const real = JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as {
      campaign: Record<string, unknown>;
      features: TemplateFeature[];
    };
    const file = generateRallyFile(real.features, real.campaign, 200, () => true, defaultSeed, true);
    const text = formatRallyFile(file);
    const perRecord = file.features.reduce((sum, feature) => sum + JSON.stringify(feature).length, 0) / 200;
    expect(perRecord).toBeGreaterThan(550);
    expect(perRecord).toBeLessThan(650);
    const parsed = parseRallyCollection(JSON.parse(text));
    expect(parsed.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(parsed.rallies).toHaveLength(200);
    const first = parsed.rallies[0];
    expect(first?.venue).toMatch(/^Synthetic venue/);
    expect(parsed.rallies[1]?.venue).toBeNull();
    expect(first?.locationNote).toMatch(/^Synthetic:/);
    expect(first?.sources[0]).toMatchObject({ title: expect.stringMatching(/^Synthetic record/) as unknown });
    expect(first?.sources[0]?.note).toMatch(/^Not a source/);
  });
});
