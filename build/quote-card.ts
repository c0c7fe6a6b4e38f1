import { geoAzimuthalEqualArea, geoDistance, type GeoProjection } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import type { ImageShape } from '../src/lib/address.ts';
import { distinctDots } from './map-dots.ts';
import { shareCardFonts } from './share-card-fonts.ts';
import {
  basemapSvg,
  cleanText,
  colours,
  escapeXml,
  round,
  sansCap,
  sansDescent,
  serifCap,
  serifDescent,
  textElement,
  wrapText,
  type TextBlock,
  type TextStyle,
} from './share-card.ts';

/** The pixel size of each downloadable image shape: the link-preview card, and the square for stories and feeds. */
export const imageSizes: Record<ImageShape, { width: number; height: number }> = {
  wide: { width: 1200, height: 630 },
  square: { width: 1080, height: 1080 },
};

/**
 * What a quote card shows. Every string is plain text from the rally file
 * (escaped by the card). The quote is verbatim, in its own language; the
 * labels ("Source:") are in the page's language.
 */
export interface QuoteCardInput {
  quote: { text: string; speaker: string; role: string; lang: string };
  /** Where and when, already formatted in the page's language: "London · 7 April 2018". */
  placeAndDate: string;
  /** The source line, label included, in the page's language: "Source: “…”, Gay Star News". Empty when none. */
  sourceLine: string;
  /** The campaign's title, shown small at the bottom. */
  campaignTitle: string;
}

const margin = 72;

/** A card's one-line kicker (place and date, or the date) in capitals, in the accent colour, at baseline `y`. */
function kickerBlock(
  role: string,
  text: string,
  size: number,
  width: number,
  y: number,
  lineHeight: number,
): TextBlock {
  const style: TextStyle = { face: shareCardFonts.bold, size, letterSpacing: 2.5 };
  return {
    role,
    lines: wrapText(cleanText(text).toLocaleUpperCase(), style, width, 1).lines,
    x: margin,
    y,
    lineHeight,
    style,
    fill: colours.accentText,
  };
}

/**
 * Lays a quote out in `width`: the largest serif size, from `maxSize` down to
 * `minSize`, at which the whole quote fits in `height`; only at `minSize`
 * is it cut, at a word boundary, with "…". Never rewords.
 */
function fitQuote(
  text: string,
  width: number,
  height: number,
  maxSize: number,
  minSize: number,
): { style: TextStyle; lines: string[]; lineHeight: number; truncated: boolean } {
  for (let size = maxSize; ; size -= 2) {
    const style: TextStyle = { face: shareCardFonts.quote, size };
    const lineHeight = Math.round(size * 1.28);
    const maxLines = Math.max(1, Math.floor((height - (serifCap + serifDescent) * size) / lineHeight) + 1);
    const wrapped = wrapText(`“${text}`, style, width, maxLines, '”');
    if (!wrapped.truncated || size <= minSize)
      return { style, lines: wrapped.lines, lineHeight, truncated: wrapped.truncated };
  }
}

/**
 * A quote card as SVG text, `shape` sized (1200×630 or 1080×1080): the place
 * and date at the top, the quote big in serif italic, the speaker and role,
 * then the source and the campaign. Pure and deterministic; every string is
 * escaped and laid out with the fonts' own metrics so nothing leaves the card.
 */
export function quoteCardSvg(input: QuoteCardInput, shape: ImageShape): string {
  const { width: W, height: H } = imageSizes[shape];
  const textWidth = W - 2 * margin;
  const blocks: TextBlock[] = [];
  const square = shape === 'square';

  const kickerBaseline = margin + 40;
  blocks.push(kickerBlock('place', input.placeAndDate, square ? 30 : 24, textWidth, kickerBaseline, 30));

  // Footer, bottom up: the campaign, then the source above it.
  const footerStyle: TextStyle = { face: shareCardFonts.regular, size: square ? 26 : 21 };
  const footerLineHeight = Math.round(footerStyle.size * 1.35);
  const campaign = wrapText(
    cleanText(input.campaignTitle),
    { ...footerStyle, face: shareCardFonts.semibold },
    textWidth,
    1,
  );
  const source = input.sourceLine ? wrapText(cleanText(input.sourceLine), footerStyle, textWidth, 2) : null;
  const campaignBaseline = H - margin + 8;
  blocks.push({
    role: 'campaign',
    lines: campaign.lines,
    x: margin,
    y: campaignBaseline,
    lineHeight: footerLineHeight,
    style: { ...footerStyle, face: shareCardFonts.semibold },
    fill: colours.muted,
  });
  let footerTop = campaignBaseline - sansCap * footerStyle.size;
  if (source) {
    const sourceBaseline =
      footerTop - 14 - (source.lines.length - 1) * footerLineHeight - sansDescent * footerStyle.size;
    blocks.push({
      role: 'source',
      lines: source.lines,
      x: margin,
      y: sourceBaseline,
      lineHeight: footerLineHeight,
      style: footerStyle,
      fill: colours.muted,
    });
    footerTop = sourceBaseline - sansCap * footerStyle.size;
  }
  const ruleY = footerTop - 28;

  // Speaker and role sit just above the rule; the quote fills what is left above them.
  const speakerStyle: TextStyle = { face: shareCardFonts.bold, size: square ? 36 : 28 };
  const roleStyle: TextStyle = { face: shareCardFonts.regular, size: square ? 28 : 22 };
  const role = wrapText(cleanText(input.quote.role), roleStyle, textWidth - 28, 1);
  const roleBaseline = ruleY - 32 - sansDescent * roleStyle.size;
  const speakerBaseline = roleBaseline - sansCap * roleStyle.size - 14;
  const quoteTop = kickerBaseline + 48;
  const quoteBottom = speakerBaseline - sansCap * speakerStyle.size - 40;
  const fitted = fitQuote(
    cleanText(input.quote.text),
    textWidth - 28,
    quoteBottom - quoteTop,
    square ? 64 : 52,
    square ? 30 : 24,
  );
  const quoteHeight = (fitted.lines.length - 1) * fitted.lineHeight + (serifCap + serifDescent) * fitted.style.size;
  // A short quote sits in the middle of its space rather than under the kicker.
  const quoteBaseline =
    quoteTop + Math.max(0, (quoteBottom - quoteTop - quoteHeight) / 2) + serifCap * fitted.style.size;
  blocks.push({
    role: 'quote',
    lines: fitted.lines,
    x: margin + 28,
    y: quoteBaseline,
    lineHeight: fitted.lineHeight,
    style: fitted.style,
    fill: colours.ink,
    attributes: ` xml:lang="${escapeXml(input.quote.lang)}"`,
  });
  const quoteEnd = quoteBaseline + (fitted.lines.length - 1) * fitted.lineHeight + serifDescent * fitted.style.size;
  blocks.push({
    role: 'speaker',
    lines: wrapText(cleanText(input.quote.speaker), speakerStyle, textWidth - 28, 1).lines,
    x: margin + 28,
    y: speakerBaseline,
    lineHeight: 36,
    style: speakerStyle,
    fill: colours.ink,
  });
  blocks.push({
    role: 'role',
    lines: role.lines,
    x: margin + 28,
    y: roleBaseline,
    lineHeight: 30,
    style: roleStyle,
    fill: colours.muted,
  });
  const barTop = quoteBaseline - serifCap * fitted.style.size - 6;
  const barBottom = Math.max(quoteEnd, roleBaseline + sansDescent * roleStyle.size);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<title>${escapeXml(`${cleanText(input.quote.speaker)}: “${cleanText(input.quote.text)}”`)}</title>`,
    `<rect width="${W}" height="${H}" fill="${colours.panel}"/>`,
    `<rect x="${margin}" y="${margin - 24}" width="56" height="6" fill="${colours.accent}"/>`,
    `<rect x="${margin}" y="${round(barTop)}" width="6" height="${round(barBottom - barTop)}" fill="${colours.accent}"/>`,
    `<rect x="${margin}" y="${round(ruleY)}" width="${textWidth}" height="2" fill="${colours.rule}"/>`,
    blocks.map(textElement).join(''),
    `</svg>`,
  ].join('\n');
}

/** What the square city card shows: the share card's content, laid out for 1080×1080. */
export interface SquareCityCardInput {
  cityName: string;
  localName: string | null;
  dateText: string;
  campaignTitle: string;
  /** `[longitude, latitude]` of the city, marked on the map. */
  highlight: [number, number];
  /** Every rally's position, drawn as smaller dots. */
  rallies: [number, number][];
}

/** Each drawn map, by topology, then by the rallies array, then by centre, size and radius. */
const cityMapCache = new WeakMap<Topology, WeakMap<readonly unknown[], Map<string, string>>>();

/**
 * A map of the region around `centre`, `width`×`height` pixels, as SVG
 * content (no `<svg>` wrapper): the basemap, a dot for every rally in view
 * and the centre marked with rings. The view spans about `radius` degrees
 * of arc from the centre to the nearer edge. Drawn once per input (the
 * same `topology` and `rallies` objects): a city's square card and poster
 * in seven languages share one drawing.
 */
export function cityMapSvg(
  topology: Topology,
  centre: [number, number],
  rallies: readonly [number, number][],
  width: number,
  height: number,
  radius = 22,
): string {
  const byRallies = cityMapCache.get(topology) ?? new WeakMap<readonly unknown[], Map<string, string>>();
  cityMapCache.set(topology, byRallies);
  const byView = byRallies.get(rallies) ?? new Map<string, string>();
  byRallies.set(rallies, byView);
  const key = `${centre.join(',')} ${width}×${height} ${radius}`;
  const cached = byView.get(key);
  if (cached !== undefined) return cached;
  const svg = drawCityMap(topology, centre, rallies, width, height, radius);
  byView.set(key, svg);
  return svg;
}

function drawCityMap(
  topology: Topology,
  centre: [number, number],
  rallies: readonly [number, number][],
  width: number,
  height: number,
  radius: number,
): string {
  const half = Math.min(width, height) / 2;
  const projection: GeoProjection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    .translate([width / 2, height / 2])
    .scale(half / (2 * Math.sin(((radius / 2) * Math.PI) / 180)))
    .clipExtent([
      [-10, -10],
      [width + 10, height + 10],
    ]);
  const points: [number, number][] = [];
  for (const rally of rallies) {
    if (rally[0] === centre[0] && rally[1] === centre[1]) continue;
    if (geoDistance(rally, centre) > Math.PI / 2) continue;
    const point = projection(rally);
    if (!point || point[0] < 0 || point[0] > width || point[1] < 0 || point[1] > height) continue;
    points.push(point);
  }
  const dots = distinctDots(points, 7).map(
    (point) =>
      `<circle cx="${round(point[0])}" cy="${round(point[1])}" r="7" fill="${colours.accent}" stroke="#ffffff" stroke-width="2"/>`,
  );
  const [x, y] = [round(width / 2), round(height / 2)];
  return [
    `<rect width="${width}" height="${height}" fill="${colours.sea}"/>`,
    basemapSvg(topology, projection),
    `<circle cx="${x}" cy="${y}" r="44" fill="${colours.accent}" fill-opacity="0.12"/>`,
    `<circle cx="${x}" cy="${y}" r="28" fill="none" stroke="${colours.accent}" stroke-opacity="0.6" stroke-width="3"/>`,
    ...dots,
    `<circle data-role="highlight" cx="${x}" cy="${y}" r="13" fill="${colours.accent}" stroke="#ffffff" stroke-width="4"/>`,
  ].join('');
}

/** The square 1080×1080 city card as SVG text: the map above, the date, the city and the campaign below. */
export function squareCityCardSvg(input: SquareCityCardInput, topology: Topology): string {
  const { width: W, height: H } = imageSizes.square;
  const mapHeight = 560;
  const textWidth = W - 2 * margin;
  const blocks: TextBlock[] = [];
  const kickerBaseline = mapHeight + 84;
  blocks.push(kickerBlock('date', input.dateText, 30, textWidth, kickerBaseline, 36));
  const name = cleanText(input.cityName);
  const size =
    [120, 104, 88, 72, 60].find(
      (candidate) => !wrapText(name, { face: shareCardFonts.extrabold, size: candidate }, textWidth, 1).truncated,
    ) ?? 60;
  const nameStyle: TextStyle = { face: shareCardFonts.extrabold, size, letterSpacing: -1.5 };
  const nameBaseline = kickerBaseline + 28 + sansCap * size;
  blocks.push({
    role: 'city',
    lines: wrapText(name, nameStyle, textWidth, 1).lines,
    x: margin,
    y: nameBaseline,
    lineHeight: size,
    style: nameStyle,
    fill: colours.ink,
  });
  let cursor = nameBaseline + sansDescent * size;
  const local = input.localName === null ? '' : cleanText(input.localName);
  if (local !== '' && local !== name) {
    const localStyle: TextStyle = { face: shareCardFonts.regular, size: 40 };
    const localBaseline = cursor + 12 + sansCap * 40;
    blocks.push({
      role: 'local',
      lines: wrapText(local, localStyle, textWidth, 1).lines,
      x: margin,
      y: localBaseline,
      lineHeight: 48,
      style: localStyle,
      fill: colours.muted,
    });
    cursor = localBaseline + sansDescent * 40;
  }
  const campaignStyle: TextStyle = { face: shareCardFonts.semibold, size: 32 };
  const campaign = wrapText(cleanText(input.campaignTitle), campaignStyle, textWidth, 2);
  blocks.push({
    role: 'campaign',
    lines: campaign.lines,
    x: margin,
    y: cursor + 36 + sansCap * campaignStyle.size,
    lineHeight: 42,
    style: campaignStyle,
    fill: colours.muted,
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<title>${escapeXml(`${name} — ${cleanText(input.campaignTitle)}`)}</title>`,
    `<rect width="${W}" height="${H}" fill="${colours.panel}"/>`,
    `<g data-role="map">${cityMapSvg(topology, input.highlight, input.rallies, W, mapHeight)}</g>`,
    // The map's paths run a little past its edge (the clip extent); the panel covers them.
    `<rect y="${mapHeight}" width="${W}" height="${H - mapHeight}" fill="${colours.panel}"/>`,
    `<rect x="${margin}" y="${mapHeight + 24}" width="56" height="6" fill="${colours.accent}"/>`,
    blocks.map(textElement).join(''),
    `</svg>`,
  ].join('\n');
}
