import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import {
  formatRoute,
  imageFile,
  overviewRoute,
  posterPagePath,
  type ImageShape,
  type PaperSize,
} from '../src/lib/address.ts';
import type { LanguagePack } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import { quotePages } from '../src/lib/quote-pages.ts';
import { toolPageText, type ToolPageText } from '../src/lib/tool-page-text.ts';
import { englishPack, pageLanguage } from './page-meta.ts';
import { cityMapSvg, quoteCardSvg, squareCityCardSvg } from './quote-card.ts';
import { buildConcurrency, mapWithLimit } from './map-with-limit.ts';
import { renderPng } from './render-png.ts';
import { loadWorldTopology } from './share-card.ts';
import { posterPageHtml, quotePageHtml, toolStylesheet, type ToolPageContext } from './tool-pages.ts';

/** What the campaign-tools build step needs from the build. */
export interface CampaignToolsInput {
  collection: RallyCollection;
  outDir: string;
  /** The site's origin (`SITE_URL`), for absolute addresses, the CSV's page column and the QR codes. */
  siteUrl: string;
  basePath: string;
  /** The Content Security Policy `<meta>` tag every generated page starts with. */
  policyMeta: string;
  /** Every language's catalogue and translation, English first (build/content-translations.ts); English alone by default. */
  packs?: readonly LanguagePack[];
  /** Posters and square city cards for the first this many rallies only (`BuildEnvironment.cityPageLimit`). */
  cityLimit?: number;
}

/** The interface text of the tool pages in one language pack: its catalogue (English as fallback) and translation. */
export function toolTextFor(pack: LanguagePack): ToolPageText {
  return toolPageText(pageLanguage(pack).t, pack.language, pack.translation);
}

/** The file a page path is written to, under the output folder: `city/london/quote/2/index.html`. */
function pageFile(path: string, basePath: string): string {
  return `${path.slice(formatRoute(overviewRoute, basePath).length)}index.html`;
}

/**
 * A city's QR code as an `<svg>` element: the city page's absolute address,
 * made at build time by `qrcode` (error correction M, a 4-module quiet zone),
 * so printing it makes no request to anyone.
 */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.replace('<svg ', '<svg role="img" aria-hidden="true" focusable="false" ').trim();
}

/**
 * The campaign tools of issue 14, written under `outDir` in every language
 * of `packs` (English at the addresses without a prefix, the others under
 * theirs: `ru/city/london/quote/2/`, `share/ru/quote/london-2.png`): a page
 * and a quote card (1200×630 and 1080×1080) for every quote, a square card
 * per city, and an A4 and a US Letter poster page per city with its map and
 * a QR code for the city page in the same language, plus the stylesheet
 * those pages share. Each city's map is drawn once for all its cards and
 * posters, and an image whose SVG is the same in two languages is rendered
 * once. Returns a line for the build log.
 */
export async function writeCampaignTools(input: CampaignToolsInput): Promise<string> {
  const { collection, outDir, siteUrl, basePath, policyMeta, packs = [englishPack] } = input;
  const write = (file: string, content: string | Buffer) => {
    const path = join(outDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  write(toolStylesheet, readFileSync(new URL('./tool-pages.css', import.meta.url)));

  const topology = loadWorldTopology();
  // The PNGs to render, by SVG (the same picture in two languages is rendered once), with the files it goes to.
  const images = new Map<string, string[]>();
  const addImage = (file: string, svg: string) => images.set(svg, [...(images.get(svg) ?? []), file]);
  const rallies = collection.rallies.slice(0, input.cityLimit ?? Infinity);
  const positions = collection.rallies.map((rally): [number, number] => [rally.longitude, rally.latitude]);
  // The posters' map, drawn once per city for every language.
  const posterMaps = new Map(
    rallies.map((rally) => [
      rally.id,
      `<svg viewBox="0 0 1000 640" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid slice">${cityMapSvg(topology, [rally.longitude, rally.latitude], positions, 1000, 640, 18)}</svg>`,
    ]),
  );
  let quoteCount = 0;
  let posterCount = 0;
  let imageFiles = 0;

  for (const pack of packs) {
    const { language } = pack;
    const text = toolTextFor(pack);
    const campaignTitle = text.campaignTitle(collection.campaign);
    const context: ToolPageContext = { language, siteUrl, basePath, policyMeta, siteName: campaignTitle.text, text };

    const quotes = quotePages(collection, basePath, language);
    for (const quote of quotes) {
      write(pageFile(quote.path, basePath), quotePageHtml(quote, context, campaignTitle));
      const card = {
        quote: quote.quote,
        placeAndDate: text.placeAndDate(quote.rally, quote.date),
        sourceLine: quote.source ? `${text.sourceLabel} “${quote.source.title}”, ${quote.source.publisher}` : '',
        campaignTitle: campaignTitle.text,
      };
      for (const shape of ['wide', 'square'] as ImageShape[]) {
        addImage(imageFile({ kind: 'quote', quote: quote.address }, shape, language), quoteCardSvg(card, shape));
      }
    }
    quoteCount += quotes.length;

    for (const rally of rallies) {
      const names = text.cityNames(rally);
      const square = squareCityCardSvg(
        {
          cityName: names.name,
          localName: names.localName,
          dateText: text.date(rally.date),
          campaignTitle: campaignTitle.text,
          highlight: [rally.longitude, rally.latitude],
          rallies: positions,
        },
        topology,
      );
      addImage(imageFile({ kind: 'city', cityId: rally.id }, 'square', language), square);
      const cityUrl = new URL(formatRoute({ kind: 'city', cityId: rally.id }, basePath, 'site', language), siteUrl);
      const content = { campaignTitle, mapSvg: posterMaps.get(rally.id) ?? '', qrSvg: await qrCodeSvg(cityUrl.href) };
      for (const paper of ['a4', 'letter'] as PaperSize[]) {
        write(
          pageFile(posterPagePath(rally.id, paper, basePath, language), basePath),
          posterPageHtml(rally, paper, context, content),
        );
        posterCount++;
      }
    }
  }
  await mapWithLimit([...images], buildConcurrency, async ([svg, files]) => {
    const png = await renderPng(svg);
    for (const file of files) write(file, png);
    imageFiles += files.length;
  });
  return `${quoteCount} quote pages, ${posterCount} posters, ${imageFiles} download images (${images.size} rendered) in ${packs.length} languages`;
}
