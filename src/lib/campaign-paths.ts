import { formatRoute, overviewRoute } from './address.ts';

/*
 * The addresses of the campaign tools' files and pages: data downloads,
 * quote pages, posters and downloadable images. Every function is pure and
 * takes the site's base path (`/` or `/chechnya-rallies/`); `parseToolPath`
 * reads the page paths back, so the two are tested both ways.
 */

function base(basePath: string): string {
  return formatRoute(overviewRoute, basePath);
}

/** The validated rally collection as GeoJSON, for download: `data/rallies-validated.geojson`. */
export const validatedGeoJsonFile = 'data/rallies-validated.geojson';
/** One row per rally, for spreadsheets: `data/rallies.csv`. */
export const rallyCsvFile = 'data/rallies.csv';

/** The path of a data download under the base path. */
export function dataFilePath(file: typeof validatedGeoJsonFile | typeof rallyCsvFile, basePath = '/'): string {
  return `${base(basePath)}${file}`;
}

/** Which quote a quote page shows: a city's (`cityId`) or the campaign's (`cityId: null`); `number` counts from 1. */
export interface QuoteAddress {
  cityId: string | null;
  number: number;
}

/** A quote page's path: `/city/london/quote/2/`, or `/quote/1/` for a campaign quote. */
export function quotePagePath({ cityId, number }: QuoteAddress, basePath = '/'): string {
  return cityId === null ? `${base(basePath)}quote/${number}/` : `${base(basePath)}city/${cityId}/quote/${number}/`;
}

/** The anchor of a quote on its city's page (or on the overview, for a campaign quote): `quote-2`. */
export function quoteAnchor(number: number): string {
  return `quote-${number}`;
}

/** Which paper a poster page is laid out for. */
export type PaperSize = 'a4' | 'letter';

/** A city's poster page: `/city/london/poster/` (A4) or `/city/london/poster/letter/` (US Letter). */
export function posterPagePath(cityId: string, paper: PaperSize = 'a4', basePath = '/'): string {
  return `${base(basePath)}city/${cityId}/poster/${paper === 'letter' ? 'letter/' : ''}`;
}

/** The shape of a downloadable image: the 1200×630 link-preview card, or the 1080×1080 square. */
export type ImageShape = 'wide' | 'square';

/** What a downloadable image shows: a city (its share card) or one quote. */
export type ImageSubject = { kind: 'city'; cityId: string } | { kind: 'quote'; quote: QuoteAddress };

/**
 * The file of a downloadable image, relative to the site's root:
 * `share/london.png` (the city's link-preview card), `share/square/london.png`,
 * `share/quote/london-2.png`, `share/quote/square/campaign-1.png`.
 */
export function imageFile(subject: ImageSubject, shape: ImageShape): string {
  const square = shape === 'square' ? 'square/' : '';
  if (subject.kind === 'city') return `share/${square}${subject.cityId}.png`;
  const { cityId, number } = subject.quote;
  return `share/quote/${square}${cityId ?? 'campaign'}-${number}.png`;
}

/** The path of a downloadable image under the base path. */
export function imagePath(subject: ImageSubject, shape: ImageShape, basePath = '/'): string {
  return `${base(basePath)}${imageFile(subject, shape)}`;
}

/** A page this module addresses, as read back from its path. */
export type ToolPage = { kind: 'quote'; quote: QuoteAddress } | { kind: 'poster'; cityId: string; paper: PaperSize };

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';
const quotePattern = new RegExp(`^(?:city/(${slug})/)?quote/([1-9][0-9]{0,3})/$`);
const posterPattern = new RegExp(`^city/(${slug})/poster/(letter/)?$`);

/**
 * Reads a quote or poster page's path back (with or without its trailing
 * slash or `index.html`), or `null` for any other path. Never throws.
 */
export function parseToolPath(pathname: string, basePath = '/'): ToolPage | null {
  const root = base(basePath);
  const withSlash = pathname.replace(/index\.html$/, '').replace(/([^/])$/, '$1/');
  if (!withSlash.startsWith(root)) return null;
  const rest = withSlash.slice(root.length);
  const quote = quotePattern.exec(rest);
  if (quote) return { kind: 'quote', quote: { cityId: quote[1] ?? null, number: Number(quote[2]) } };
  const poster = posterPattern.exec(rest);
  if (poster?.[1]) return { kind: 'poster', cityId: poster[1], paper: poster[2] ? 'letter' : 'a4' };
  return null;
}
