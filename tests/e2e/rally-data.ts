import { readFileSync } from 'node:fs';

/** The shipped rally file, parsed, for tests that derive expectations from it or serve variants of it. */
export function readRallyData(): RallyFile {
  return JSON.parse(readFileSync('data/rallies.geojson', 'utf8')) as RallyFile;
}

/** Just enough of the rally file's shape for the end-to-end tests. */
export interface RallyFile {
  type: string;
  campaign: { quotes: { text: string; speaker: string }[] };
  features: {
    id: string;
    properties: {
      name: string;
      quotes: { text: string; speaker: string }[];
      photos: { caption: string; credit: string; alt: string; src?: string; width?: number; height?: number }[];
    };
  }[];
}
