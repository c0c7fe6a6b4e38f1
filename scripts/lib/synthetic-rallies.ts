/**
 * Synthetic rally files for load testing (issue #7): clones of the real
 * features with jittered positions, deterministic for a given seed. The
 * clones say in their names that they are test copies, and carry nothing the
 * source reports about the real rallies (no venue, crowd, quote, photo or
 * source): only "not reported" values the schema allows.
 */
import { notReportedFacts } from '../../src/lib/missing-fields.ts';

/** The parts of a real feature a clone is made from. */
export interface TemplateFeature {
  id: string;
  geometry: { coordinates: [number, number, ...number[]] };
  properties: { name: string; country: string; date: string; localName?: string };
}

/** A rally file as the generator writes it. */
export interface SyntheticRallyFile {
  type: 'FeatureCollection';
  campaign: Record<string, unknown>;
  features: SyntheticFeature[];
}

/** One synthetic rally feature. */
export interface SyntheticFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    name: string;
    localName?: string;
    country: string;
    date: string;
    venue: string | null;
    locationPrecision: 'city';
    locationNote?: string;
    attendance: null;
    quotes: [];
    photos: [];
    sources: SyntheticSource[];
  };
}

/** A placeholder source, as long as a real one, that says it is not one. */
export interface SyntheticSource {
  title: string;
  publisher: string;
  url: string;
  note: string;
}

/**
 * The fields a real record carries beyond the slim clone's (a local name, a
 * venue on every other rally, a location note and a source with its title,
 * publisher and note), about 600 bytes a rally as the generator writes it.
 * Every text says it is synthetic: nothing here is a fact about a rally.
 */
export function realSizeFields(
  template: TemplateFeature,
  id: string,
  number: string,
  index: number,
): Pick<SyntheticFeature['properties'], 'localName' | 'venue' | 'locationNote' | 'sources'> {
  const { name, localName } = template.properties;
  return {
    localName: `${localName ?? name} (Testkopie ${number})`,
    venue: index % 2 === 0 ? `Synthetic venue ${number}, made up` : null,
    locationNote: `Synthetic: moved at random from the ${name} rally.`,
    sources: [
      {
        title: `Synthetic record ${number}, not a report`,
        publisher: 'rally-map load-test generator',
        url: `https://example.org/synthetic/${id}`,
        note: 'Not a source: a placeholder as large as a real one.',
      },
    ],
  };
}

/** How far (in degrees) a clone may be moved from its original, before the country check. */
export const jitterDegrees = 2.5;

/** The seed `npm run generate:rallies` uses, so the same count always gives the same file. */
export const defaultSeed = 7_042_018;

/** A small seeded pseudo-random generator (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * Builds a file of `count` rallies: feature `i` is a clone of template
 * `i mod templates.length`, with the id `<template id>-<i + 1, zero-padded>`
 * (`london-00042`) and a point moved up to `jitterDegrees` from the original,
 * redrawn until `isInCountry(country, point)` accepts it (after 100 tries the
 * original point is kept). With `realSize`, each also carries `realSizeFields`.
 * Deterministic for a given seed.
 */
export function generateRallyFile(
  templates: readonly TemplateFeature[],
  campaign: Record<string, unknown> & { title?: unknown; source?: unknown },
  count: number,
  isInCountry: CountryTest,
  seed: number = defaultSeed,
  realSize = false,
): SyntheticRallyFile {
  if (templates.length === 0) throw new Error('no template features');
  const random = seededRandom(seed);
  const width = Math.max(5, String(count).length);
  const features: SyntheticFeature[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = templates[index % templates.length] as TemplateFeature;
    const [longitude, latitude] = template.geometry.coordinates;
    const { country, name, date } = template.properties;
    let position: [number, number] = [longitude, latitude];
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const angle = random() * 2 * Math.PI;
      const distance = Math.sqrt(random()) * jitterDegrees;
      const candidate: [number, number] = [
        round5(longitude + Math.cos(angle) * distance),
        round5(latitude + Math.sin(angle) * distance),
      ];
      if (isInCountry(country, candidate)) {
        position = candidate;
        break;
      }
    }
    const number = String(index + 1).padStart(width, '0');
    const id = `${template.id}-${number}`;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: position },
      properties: {
        name: `${name} test copy ${number}`,
        country,
        date,
        ...notReportedFacts(),
        ...(realSize ? realSizeFields(template, id, number, index) : {}),
      },
    });
  }
  const source = typeof campaign.source === 'object' && campaign.source !== null ? campaign.source : {};
  return {
    type: 'FeatureCollection',
    campaign: {
      title: `Synthetic test data: ${count} copies of the rallies against the anti-gay purge in Chechnya`,
      date: typeof campaign.date === 'string' ? campaign.date : '2018-04-07',
      summary: `A generated file for load testing (npm run generate:rallies): ${count} copies of the ${templates.length} real rallies, moved at random within their countries. None of them is a real rally.`,
      calledBy: [],
      quotes: [],
      source: {
        ...source,
        note: `The source reports the ${templates.length} real rallies only; the rallies in this file are synthetic copies of them.`,
      },
    },
    features,
  };
}

/** The file's text as the generator writes it: one feature a line, small and still readable in an editor. */
export function formatRallyFile(file: SyntheticRallyFile): string {
  const features = file.features.map((feature) => `    ${JSON.stringify(feature)}`).join(',\n');
  const head = JSON.stringify({ type: file.type, campaign: file.campaign }, null, 2).replace(/\n}$/, '');
  return `${head},\n  "features": [\n${features}\n  ]\n}\n`;
}

/** True when the point lies inside one of the Natural Earth outlines of the country (no tolerance). */
export type CountryTest = (country: string, position: [number, number]) => boolean;
