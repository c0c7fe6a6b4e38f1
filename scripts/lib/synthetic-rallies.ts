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
  properties: { name: string; country: string; date: string };
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
    country: string;
    date: string;
    venue: null;
    locationPrecision: 'city';
    attendance: null;
    quotes: [];
    photos: [];
    sources: [];
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
 * original point is kept). Deterministic for a given seed.
 */
export function generateRallyFile(
  templates: readonly TemplateFeature[],
  campaign: Record<string, unknown> & { title?: unknown; source?: unknown },
  count: number,
  isInCountry: CountryTest,
  seed: number = defaultSeed,
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
    features.push({
      type: 'Feature',
      id: `${template.id}-${number}`,
      geometry: { type: 'Point', coordinates: position },
      properties: {
        name: `${name} test copy ${number}`,
        country,
        date,
        ...notReportedFacts(),
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
