import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import { imageFile, posterPagePath, type ImageShape } from '../src/lib/campaign-paths.ts';
import { cityName } from '../src/lib/city-name.ts';
import { formatMessage, type Catalogue } from '../src/lib/i18n.ts';
import type { RallyCollection } from '../src/lib/parse-rallies.ts';
import { quotePages } from '../src/lib/quote-pages.ts';
import { formatRoute, overviewRoute } from '../src/lib/address.ts';
import { toolPageText, type ToolPageText } from '../src/lib/tool-page-text.ts';
import { cityMapSvg, quoteCardSvg, squareCityCardSvg } from './quote-card.ts';
import { buildConcurrency, mapWithLimit, renderPng } from './render-png.ts';
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
  /** Posters and square city cards for the first this many rallies only (`BuildEnvironment.cityPageLimit`). */
  cityLimit?: number;
}

/** The interface text of the tool pages in one language, from its message catalogue (English as fallback). */
export function toolTextFor(language: string): ToolPageText {
  const read = (tag: string) =>
    JSON.parse(readFileSync(new URL(`../src/i18n/messages/${tag}.json`, import.meta.url), 'utf8')) as Catalogue;
  const english = read('en');
  const catalogue = language === 'en' ? english : read(language);
  return toolPageText((key, params) => formatMessage(catalogue, english, language, key, params), language);
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
 * The campaign tools of issue 14, written under `outDir`: a page and a quote card
 * (1200×630 and 1080×1080) for every quote, a square card per city, and an
 * A4 and a US Letter poster page per city with its map and QR code, plus
 * the stylesheet those pages share. Returns a line for the build log.
 */
export async function writeCampaignTools(input: CampaignToolsInput): Promise<string> {
  const { collection, outDir, siteUrl, basePath, policyMeta } = input;
  const write = (file: string, content: string | Buffer) => {
    const path = join(outDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  write(toolStylesheet, readFileSync(new URL('./tool-pages.css', import.meta.url)));

  const language = 'en';
  const text = toolTextFor(language);
  const campaignTitle = text.campaignTitle(collection.campaign);
  const context: ToolPageContext = { language, siteUrl, basePath, policyMeta, siteName: campaignTitle, text };
  const topology = loadWorldTopology();
  // The PNGs to render, as file and SVG: rendered together at the end, a few at a time on every core.
  const images: { file: string; svg: string }[] = [];

  const quotes = quotePages(collection, basePath);
  for (const quote of quotes) {
    write(pageFile(quote.path, basePath), quotePageHtml(quote, context, campaignTitle));
    const card = {
      quote: quote.quote,
      placeAndDate: text.placeAndDate(quote.rally, quote.date),
      sourceLine: quote.source ? `${text.sourceLabel} “${quote.source.title}”, ${quote.source.publisher}` : '',
      campaignTitle,
    };
    for (const shape of ['wide', 'square'] as ImageShape[]) {
      images.push({ file: imageFile({ kind: 'quote', quote: quote.address }, shape), svg: quoteCardSvg(card, shape) });
    }
  }

  const rallies = collection.rallies.slice(0, input.cityLimit ?? Infinity);
  const positions = collection.rallies.map((rally): [number, number] => [rally.longitude, rally.latitude]);
  for (const rally of rallies) {
    const names = cityName(rally);
    const centre: [number, number] = [rally.longitude, rally.latitude];
    const square = squareCityCardSvg(
      {
        cityName: names.name,
        localName: names.localName,
        dateText: text.date(rally.date),
        campaignTitle,
        highlight: centre,
        rallies: positions,
      },
      topology,
    );
    images.push({ file: imageFile({ kind: 'city', cityId: rally.id }, 'square'), svg: square });
    const mapSvg = `<svg viewBox="0 0 1000 640" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid slice">${cityMapSvg(topology, centre, positions, 1000, 640, 18)}</svg>`;
    const qrSvg = await qrCodeSvg(new URL(formatRoute({ kind: 'city', cityId: rally.id }, basePath), siteUrl).href);
    for (const paper of ['a4', 'letter'] as const) {
      write(
        pageFile(posterPagePath(rally.id, paper, basePath), basePath),
        posterPageHtml(rally, paper, context, { campaignTitle, mapSvg, qrSvg }),
      );
    }
  }
  await mapWithLimit(images, buildConcurrency, async (image) => write(image.file, await renderPng(image.svg)));
  return `${quotes.length} quote pages, ${rallies.length * 2} posters, ${images.length} download images`;
}
