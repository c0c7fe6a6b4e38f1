import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cityName } from '../src/lib/city-name.ts';
import { campaignTitle } from '../src/lib/content-translation.ts';
import { formatCalendarDate } from '../src/lib/format-date.ts';
import type { LanguagePack } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import { englishPack, pageLanguage, type PageSpec } from './page-meta.ts';
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
  const seen = new Map<string, [number, number]>();
  for (const { longitude, latitude } of rallies) {
    const key = `${Math.round(longitude * 2)},${Math.round(latitude * 2)}`;
    if (!seen.has(key)) seen.set(key, [longitude, latitude]);
  }
  return [...seen.values()];
}

/**
 * Writes the 1200×630 PNG share card of every page that has one, under
 * `outDir`, in the page's language (from `packs`; English for a language
 * it lacks). Returns the files written, relative to `outDir`, with their sizes.
 */
export function writeShareImages(
  specs: readonly PageSpec[],
  collection: RallyCollection,
  outDir: string,
  packs: readonly LanguagePack[] = [englishPack],
): { file: string; bytes: number }[] {
  const topology = loadWorldTopology();
  const written: { file: string; bytes: number }[] = [];
  for (const spec of specs) {
    if (spec.imageFile === null) continue;
    const pack = packs.find((candidate) => candidate.language === spec.language) ?? englishPack;
    const png = renderShareCard(shareCardInput(spec, collection, pack), topology);
    const path = join(outDir, spec.imageFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    written.push({ file: spec.imageFile, bytes: png.length });
  }
  return written;
}
