import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cityName } from '../src/lib/city-name.ts';
import { campaignTitle } from '../src/lib/content-translation.ts';
import { formatCalendarDate } from '../src/lib/format-date.ts';
import type { LanguagePack } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import { englishPack, pageLanguage, type PageSpec } from './page-meta.ts';
import { buildConcurrency, mapWithLimit } from './map-with-limit.ts';
import { loadWorldTopology, renderShareCard, type ShareCardInput } from './share-card.ts';

/**
 * The share card for one page, in the page's language (`pack`): its city
 * highlighted, or every rally for the overview. A quote stays verbatim, in
 * its own language.
 */
export function shareCardInput(
  spec: PageSpec,
  collection: RallyCollection,
  pack: LanguagePack = englishPack,
): ShareCardInput {
  const { t, locale } = pageLanguage(pack);
  const rally = spec.rally;
  const names = rally ? cityName(rally, pack.translation) : null;
  const firstQuote = rally?.quotes[0];
  return {
    campaignTitle: collection.campaign ? campaignTitle(collection.campaign, pack.translation) : t('app.siteName'),
    dateText: formatCalendarDate(rally?.date ?? collection.campaign?.date ?? '', locale),
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
  // The same array for every card of a build, so the cards' map layers are drawn once per city (build/share-card.ts).
  const cached = dotsCache.get(rallies);
  if (cached) return cached;
  const seen = new Map<string, [number, number]>();
  for (const { longitude, latitude } of rallies) {
    const key = `${Math.round(longitude * 2)},${Math.round(latitude * 2)}`;
    if (!seen.has(key)) seen.set(key, [longitude, latitude]);
  }
  const dots = [...seen.values()];
  dotsCache.set(rallies, dots);
  return dots;
}

const dotsCache = new WeakMap<RallyCollection['rallies'], [number, number][]>();

/**
 * Writes the 1200×630 PNG share card of every page that has one, under
 * `outDir`, in the page's language (from `packs`; English for a language
 * it lacks), a few at a time on every core. Resolves to the files written,
 * relative to `outDir`, with their sizes, in the order of `specs`.
 */
export async function writeShareImages(
  specs: readonly PageSpec[],
  collection: RallyCollection,
  outDir: string,
  packs: readonly LanguagePack[] = [englishPack],
): Promise<{ file: string; bytes: number }[]> {
  const topology = loadWorldTopology();
  const withImages = specs.filter((spec): spec is PageSpec & { imageFile: string } => spec.imageFile !== null);
  return mapWithLimit(withImages, buildConcurrency, async (spec) => {
    const pack = packs.find((candidate) => candidate.language === spec.language) ?? englishPack;
    const png = await renderShareCard(shareCardInput(spec, collection, pack), topology);
    const path = join(outDir, spec.imageFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    return { file: spec.imageFile, bytes: png.length };
  });
}
