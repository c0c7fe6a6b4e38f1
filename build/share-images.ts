import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cityName } from '../src/lib/city-name.ts';
import { formatCalendarDate } from '../src/lib/format-date.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import type { PageSpec } from './page-meta.ts';
import { loadWorldTopology, renderShareCard, type ShareCardInput } from './share-card.ts';

/** The share card for one page: its city highlighted, or every rally for the overview. */
export function shareCardInput(spec: PageSpec, collection: RallyCollection): ShareCardInput {
  const campaignTitle = collection.campaign?.title ?? 'Rally map';
  const rally = spec.rally;
  const names = rally ? cityName(rally) : null;
  const firstQuote = rally?.quotes[0];
  return {
    campaignTitle,
    dateText: formatCalendarDate(rally?.date ?? collection.campaign?.date ?? ''),
    cityName: names?.name ?? null,
    localName: names?.localName ?? null,
    quote: firstQuote ? { text: firstQuote.text, speaker: firstQuote.speaker } : null,
    highlight: rally ? [rally.longitude, rally.latitude] : null,
    rallies: distinctDots(collection.rallies),
  };
}

/**
 * Rally positions for the card's dots, one per half degree: at 1200×630
 * closer dots are drawn on top of each other anyway, and 100,000 of them
 * would make the SVG needlessly slow to render.
 */
function distinctDots(rallies: RallyCollection['rallies']): [number, number][] {
  const seen = new Map<string, [number, number]>();
  for (const { longitude, latitude } of rallies) {
    const key = `${Math.round(longitude * 2)},${Math.round(latitude * 2)}`;
    if (!seen.has(key)) seen.set(key, [longitude, latitude]);
  }
  return [...seen.values()];
}

/**
 * Writes the 1200×630 PNG share card of every page that has one, under
 * `outDir`. Returns the files written, relative to `outDir`, with their sizes.
 */
export function writeShareImages(
  specs: readonly PageSpec[],
  collection: RallyCollection,
  outDir: string,
): { file: string; bytes: number }[] {
  const topology = loadWorldTopology();
  const written: { file: string; bytes: number }[] = [];
  for (const spec of specs) {
    if (spec.imageFile === null) continue;
    const png = renderShareCard(shareCardInput(spec, collection), topology);
    const path = join(outDir, spec.imageFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    written.push({ file: spec.imageFile, bytes: png.length });
  }
  return written;
}
