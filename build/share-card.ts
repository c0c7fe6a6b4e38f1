import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  geoAzimuthalEqualArea,
  geoDistance,
  geoEqualEarth,
  geoGraticule10,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import type { FeatureCollection, MultiLineString, MultiPoint } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { distinctDots } from './map-dots.ts';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { renderPng } from './render-png.ts';
import { shareCardFonts, textWidth, type ShareCardFontFace } from './share-card-fonts.ts';

/**
 * What one share card shows. Every string is plain text (it comes from the
 * editable rally file): the card escapes it, strips characters XML cannot
 * hold, and collapses runs of white space.
 */
export interface ShareCardInput {
  /** The campaign's title, e.g. "Rallies against the anti-gay purge in Chechnya". */
  campaignTitle: string;
  /** The date, already formatted for reading, e.g. "7 April 2018". Shown in capitals. */
  dateText: string;
  /** The city's English name; `null` for the overview card, which shows the campaign title big instead. */
  cityName: string | null;
  /** The city's local name where it differs ("München"); shown smaller below the city name. */
  localName: string | null;
  /** A short verbatim quote with its speaker; shortened at a word boundary with "…" when too long. */
  quote: { text: string; speaker: string } | null;
  /** `[longitude, latitude]` of the city to highlight, which centres the map on it; `null` for the overview. */
  highlight: [number, number] | null;
  /** `[longitude, latitude]` of every rally, drawn as smaller dots. */
  rallies: [number, number][];
}

/** The size of every card in pixels: the 1.91:1 image Open Graph and X's `summary_large_image` expect. */
export const shareCardSize: { width: 1200; height: 630 } = { width: 1200, height: 630 };

const W = shareCardSize.width;
const H = shareCardSize.height;

/** The cards' palette. */
export const colours = {
  sea: '#dce6ec',
  graticule: '#d1dce3',
  land: '#f7f4ee',
  coast: '#b9b2a4',
  border: '#cdc5b6',
  accent: '#b0124b',
  accentText: '#930f3e',
  ink: '#1c1d21',
  muted: '#55575f',
  panel: '#ffffff',
  rule: '#e7e2d9',
};

/** The text panel on the left; the map fills the rest of the card. */
const panelWidth = 560;
const textLeft = 64;
const textWidthMax = panelWidth - textLeft - 48;
/** Where the map's region of interest is, right of the panel. */
const mapArea = { left: panelWidth, top: 0, right: W, bottom: H };
const mapCentre: [number, number] = [(mapArea.left + mapArea.right) / 2, (mapArea.top + mapArea.bottom) / 2];
/** How far from a highlighted city, in degrees of arc, the map shows at half the map's width. */
const cityViewRadius = 25;

/** Proportions of the em used to place lines (from the fonts' OS/2 and hhea tables). */
export const sansCap = 0.728;
export const sansDescent = 0.242;
export const serifCap = 0.67;
export const serifDescent = 0.3;

// ---------------------------------------------------------------------------
// Text

/** True for a code point XML 1.0 can hold (tab, newline and carriage return aside, which become spaces). */
function isXmlCharacter(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    (code > 0x9f && code < 0xd800) ||
    (code > 0xdfff && code < 0xfffe) ||
    code > 0xffff ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d
  );
}

/**
 * Plain text from the data, made safe to measure and to place in XML (not
 * yet escaped): control characters and lone surrogates removed, white space
 * collapsed to single spaces.
 */
export function cleanText(text: string): string {
  let kept = '';
  for (const character of text.normalize('NFC')) {
    if (isXmlCharacter(character.codePointAt(0) ?? 0)) kept += character;
  }
  return kept.replace(/\s+/g, ' ').trim();
}

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The user-perceived characters of `text`, so a hard break never splits a letter from its accent. */
function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (segment) => segment.segment);
}

/** Escapes the five XML special characters, for text content and attribute values alike. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A face, size and tracking for one block of card text. */
export interface TextStyle {
  face: ShareCardFontFace;
  size: number;
  letterSpacing?: number;
}

/** The width of `text` in `style`, in pixels. */
export function width(text: string, style: TextStyle): number {
  return textWidth(text, style.face, style.size, style.letterSpacing ?? 0);
}

export interface Wrapped {
  lines: string[];
  /** True when text was dropped to keep within the line limit. */
  truncated: boolean;
  /** True when a word was too long for a line and had to be broken inside. */
  brokenWord: boolean;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces; a word wider
 * than a line is broken between characters. With more than `maxLines` lines,
 * the last kept line ends at a word boundary with "…" (and `suffix`, e.g. a
 * closing quotation mark, after it).
 */
export function wrapText(text: string, style: TextStyle, maxWidth: number, maxLines: number, suffix = ''): Wrapped {
  const fits = (line: string): boolean => width(line, style) <= maxWidth;
  const lines: string[] = [];
  let brokenWord = false;
  let current = '';
  for (const word of `${text}${suffix}`.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (!fits(current)) {
      brokenWord = true;
      const characters = graphemes(current);
      let take = 1;
      while (take < characters.length && fits(characters.slice(0, take + 1).join(''))) take++;
      lines.push(characters.slice(0, take).join(''));
      current = characters.slice(take).join('');
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false, brokenWord };

  const kept = lines.slice(0, Math.max(maxLines, 1));
  const ending = `…${suffix}`;
  const words = (kept.pop() ?? '').split(' ');
  const trim = (line: string): string => line.replace(/[\s,;:.!?\-–—(“‘"']+$/u, '');
  while (words.length > 1 && !fits(`${trim(words.join(' '))}${ending}`)) words.pop();
  let last = trim(words.join(' '));
  while (last.length > 0 && !fits(`${last}${ending}`)) last = trim(graphemes(last).slice(0, -1).join(''));
  kept.push(`${last}${ending}`);
  return { lines: kept, truncated: true, brokenWord };
}

/** One laid-out block of lines, ready to write as a `<text>` element. */
export interface TextBlock {
  role: string;
  lines: string[];
  x: number;
  /** Baseline of the first line. */
  y: number;
  lineHeight: number;
  style: TextStyle;
  fill: string;
  /** Extra SVG attributes, already escaped. */
  attributes?: string;
}

/** A laid-out block as an SVG `<text>` element, one `<tspan>` per line, every line escaped. */
export function textElement(block: TextBlock): string {
  const { face, size, letterSpacing } = block.style;
  const spacing = letterSpacing ? ` letter-spacing="${letterSpacing}"` : '';
  const tspans = block.lines
    .map(
      (line, index) =>
        `<tspan x="${block.x}" y="${round(block.y + index * block.lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return (
    `<text data-role="${block.role}" font-family="${escapeXml(face.family)}" font-weight="${face.weight}" ` +
    `font-style="${face.style}" font-size="${size}"${spacing} fill="${block.fill}"${block.attributes ?? ''}>${tspans}</text>`
  );
}

/** Lays the panel's text out, top to bottom, so that nothing leaves the panel. */
function layoutText(input: ShareCardInput): { blocks: TextBlock[]; rules: string[]; shift: number } {
  const blocks: TextBlock[] = [];
  const rules: string[] = [];
  const bottom = H - 56;

  // Kicker: the date, small capitals in the accent colour.
  const kickerStyle: TextStyle = { face: shareCardFonts.bold, size: 24, letterSpacing: 2.5 };
  const kicker = wrapText(cleanText(input.dateText).toLocaleUpperCase('en'), kickerStyle, textWidthMax, 1);
  const kickerBaseline = 92;
  blocks.push({
    role: 'date',
    lines: kicker.lines,
    x: textLeft,
    y: kickerBaseline,
    lineHeight: 30,
    style: kickerStyle,
    fill: colours.accentText,
  });
  rules.push(`<rect x="${textLeft}" y="48" width="56" height="6" fill="${colours.accent}"/>`);

  // Footer: the campaign title, on city cards only (the overview has it as its headline).
  const cityName = input.cityName === null ? '' : cleanText(input.cityName);
  const quoteText = input.quote ? cleanText(input.quote.text) : '';
  const speaker = input.quote ? cleanText(input.quote.speaker) : '';
  const isCity = cityName !== '';
  let footerTop = bottom;
  if (isCity) {
    // What the rally was about: bigger when there is no quote to share the space with.
    const footerStyle: TextStyle = { face: shareCardFonts.semibold, size: quoteText ? 24 : 30 };
    const footer = wrapText(cleanText(input.campaignTitle), footerStyle, textWidthMax, 2);
    const lineHeight = Math.round(footerStyle.size * 1.3);
    const firstBaseline = bottom - (footer.lines.length - 1) * lineHeight;
    blocks.push({
      role: 'campaign',
      lines: footer.lines,
      x: textLeft,
      y: firstBaseline,
      lineHeight,
      style: footerStyle,
      fill: colours.muted,
    });
    footerTop = firstBaseline - sansCap * footerStyle.size - 24;
    rules.push(
      `<rect x="${textLeft}" y="${round(footerTop)}" width="${textWidthMax}" height="2" fill="${colours.rule}"/>`,
    );
    footerTop -= 24;
  }

  const headlineText = isCity ? cityName : cleanText(input.campaignTitle);
  const localName = input.localName === null ? '' : cleanText(input.localName);
  const showLocal = isCity && localName !== '' && localName !== cityName;
  const headlineFace = shareCardFonts.extrabold;
  const [maxSize, minSize, maxLines] = isCity ? [116, 48, 2] : [68, 40, 4];
  const headlineTop = kickerBaseline + 44;
  const quoteLeft = textLeft + 24;
  const quoteWidth = textWidthMax - 24;

  /** Everything below the kicker, for one headline size; `null` when the quote would not get its lines. */
  let bar = '';
  let contentBottom = 0;
  const attempt = (size: number, quoteMinLines: number): TextBlock[] | null => {
    bar = '';
    const style: TextStyle = { face: headlineFace, size, letterSpacing: size >= 80 ? -1.5 : -0.5 };
    const headline = wrapText(headlineText, style, textWidthMax, maxLines);
    const atMinimum = size <= minSize;
    if ((headline.truncated || headline.brokenWord) && !atMinimum) return null;
    const out: TextBlock[] = [];
    const lineHeight = Math.round(size * 1.04);
    const baseline = headlineTop + sansCap * size;
    out.push({
      role: isCity ? 'city' : 'title',
      lines: headline.lines,
      x: textLeft,
      y: baseline,
      lineHeight,
      style,
      fill: colours.ink,
    });
    let cursor = baseline + (headline.lines.length - 1) * lineHeight + sansDescent * size;
    if (showLocal) {
      // One line: a little smaller when long, then cut with "…".
      const localSize = [36, 33, 30].find(
        (size) => width(localName, { face: shareCardFonts.regular, size }) <= textWidthMax,
      );
      const localStyle: TextStyle = { face: shareCardFonts.regular, size: localSize ?? 30 };
      const local = wrapText(localName, localStyle, textWidthMax, 1);
      const localBaseline = cursor + 12 + sansCap * localStyle.size;
      out.push({
        role: 'local',
        lines: local.lines,
        x: textLeft,
        y: localBaseline,
        lineHeight: 44,
        style: localStyle,
        fill: colours.muted,
      });
      cursor = localBaseline + sansDescent * localStyle.size;
    }
    if (cursor > footerTop) return null;
    contentBottom = cursor;
    if (quoteText === '') return out;

    const speakerStyle: TextStyle = { face: shareCardFonts.semibold, size: 21 };
    const quoteStyle: TextStyle = { face: shareCardFonts.quote, size: 31 };
    const quoteLineHeight = 40;
    const quoteTop = cursor + 40;
    const speakerHeight = speaker ? 16 + sansCap * speakerStyle.size + 4 : 0;
    const room = footerTop - quoteTop - speakerHeight - serifCap * quoteStyle.size - serifDescent * quoteStyle.size;
    const lines = Math.min(3, Math.floor(room / quoteLineHeight) + 1);
    if (lines < quoteMinLines) return null;
    if (lines < 1) return out;
    const quote = wrapText(`“${quoteText}`, quoteStyle, quoteWidth, lines, '”');
    if (quote.lines.length < quoteMinLines && quote.truncated) return null;
    const quoteBaseline = quoteTop + serifCap * quoteStyle.size;
    out.push({
      role: 'quote',
      lines: quote.lines,
      x: quoteLeft,
      y: quoteBaseline,
      lineHeight: quoteLineHeight,
      style: quoteStyle,
      fill: colours.ink,
    });
    let quoteBottom = quoteBaseline + (quote.lines.length - 1) * quoteLineHeight + serifDescent * quoteStyle.size;
    if (speaker) {
      const attribution = wrapText(`— ${speaker}`, speakerStyle, quoteWidth, 1);
      const speakerBaseline = quoteBottom + 16 + sansCap * speakerStyle.size;
      out.push({
        role: 'speaker',
        lines: attribution.lines,
        x: quoteLeft,
        y: speakerBaseline,
        lineHeight: 28,
        style: speakerStyle,
        fill: colours.muted,
      });
      quoteBottom = speakerBaseline + sansDescent * speakerStyle.size;
    }
    const barTop = quoteTop - 6;
    contentBottom = quoteBottom;
    bar = `<rect x="${textLeft}" y="${round(barTop)}" width="5" height="${round(quoteBottom - barTop)}" fill="${colours.accent}"/>`;
    return out;
  };

  // The largest headline that leaves the quote (if any) at least two lines; failing that, anything that fits.
  let chosen: TextBlock[] | null = null;
  for (const quoteMinLines of [Math.min(2, quoteText ? 3 : 0), 1, 0]) {
    for (let size = maxSize; size >= minSize && !chosen; size -= 2) chosen = attempt(size, quoteMinLines);
    if (chosen) break;
  }
  chosen ??= attempt(minSize, 0) ?? [];
  blocks.push(...chosen);
  if (bar) rules.push(bar);
  // A city card's text hangs from the top, above its footer; the overview's, with no footer, is centred.
  const shift = isCity ? 0 : Math.max(0, Math.floor((H - 48 - contentBottom - 48) / 2));
  return { blocks, rules, shift };
}

// ---------------------------------------------------------------------------
// Map

function isPosition(value: [number, number] | null): value is [number, number] {
  return (
    value !== null &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/**
 * The projection of a card: for a city, an equal-area view centred on it (so
 * the highlight sits in the middle of the map, beside the panel); for the
 * overview, Equal Earth fitted to every rally.
 */
function cardProjection(highlight: [number, number] | null, rallies: [number, number][]): GeoProjection {
  if (highlight) {
    const scale = (mapCentre[0] - mapArea.left) / (2 * Math.sin(((cityViewRadius / 2) * Math.PI) / 180));
    return geoAzimuthalEqualArea()
      .rotate([-highlight[0], -highlight[1]])
      .translate(mapCentre)
      .scale(scale)
      .clipExtent([
        [-10, -10],
        [W + 10, H + 10],
      ]);
  }
  const longitudes = rallies.map((r) => r[0]);
  const latitudes = rallies.map((r) => r[1]);
  const west = Math.min(...longitudes);
  const east = Math.max(...longitudes);
  const south = Math.min(...latitudes);
  const north = Math.max(...latitudes);
  const centreLongitude = rallies.length > 0 && east - west <= 180 ? (west + east) / 2 : 0;
  const centreLatitude = rallies.length > 0 ? (south + north) / 2 : 0;
  // Never zoom in further than about 60° by 40°: a single rally still shows its continent.
  const frame: [number, number][] = [
    ...rallies,
    [centreLongitude - 30, centreLatitude],
    [centreLongitude + 30, centreLatitude],
    [centreLongitude, Math.max(-85, centreLatitude - 20)],
    [centreLongitude, Math.min(85, centreLatitude + 20)],
  ];
  const points: MultiPoint = { type: 'MultiPoint', coordinates: frame };
  const pad = 80;
  return geoEqualEarth()
    .rotate([-centreLongitude, 0])
    .fitExtent(
      [
        [mapArea.left + pad, mapArea.top + pad],
        [mapArea.right - pad, mapArea.bottom - pad],
      ],
      points,
    )
    .clipExtent([
      [-10, -10],
      [W + 10, H + 10],
    ]);
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

interface BasemapLayers {
  land: FeatureCollection;
  borders: MultiLineString;
  coast: MultiLineString;
}

/** GeoJSON of each topology, made once: the same world serves all nine cards of a build. */
const layersCache = new WeakMap<Topology, BasemapLayers>();

/** Land (without Antarctica), borders between countries and coastlines, from a `countries` topology. */
function basemapLayers(topology: Topology): BasemapLayers {
  const cached = layersCache.get(topology);
  if (cached) return cached;
  const countriesObject = topology.objects.countries as GeometryCollection | undefined;
  if (countriesObject?.type !== 'GeometryCollection') {
    throw new Error('the world topology has no "countries" geometry collection');
  }
  const drawn: GeometryCollection = {
    ...countriesObject,
    geometries: countriesObject.geometries.filter(
      (country) =>
        (country.properties as { name?: unknown } | undefined)?.name !== 'Antarctica' && String(country.id) !== '010',
    ),
  };
  const layers: BasemapLayers = {
    land: feature(topology, drawn),
    borders: mesh(topology, drawn, (a, b) => a !== b),
    coast: mesh(topology, drawn, (a, b) => a === b),
  };
  layersCache.set(topology, layers);
  return layers;
}

/** Graticule, land, borders and coasts of `topology` in `projection`, as SVG paths. */
export function basemapSvg(topology: Topology, projection: GeoProjection): string {
  const { land, borders, coast } = basemapLayers(topology);
  const path = geoPath(projection).digits(1);
  const d = (object: GeoPermissibleObjects): string => path(object) ?? '';
  return [
    `<path d="${d(geoGraticule10())}" fill="none" stroke="${colours.graticule}" stroke-width="1"/>`,
    `<path d="${d(land)}" fill="${colours.land}"/>`,
    `<path d="${d(borders)}" fill="none" stroke="${colours.border}" stroke-width="1" stroke-linejoin="round"/>`,
    `<path d="${d(coast)}" fill="none" stroke="${colours.coast}" stroke-width="1.2" stroke-linejoin="round"/>`,
  ].join('');
}

function dotsSvg(projection: GeoProjection, highlight: [number, number] | null, rallies: [number, number][]): string {
  const centre = projection.invert?.(mapCentre) ?? [0, 0];
  const radius = highlight ? 8 : 9;
  const points: [number, number][] = [];
  for (const rally of rallies) {
    if (highlight && rally[0] === highlight[0] && rally[1] === highlight[1]) continue;
    // Only the near side of the globe: the far side of an azimuthal view lies off the card anyway.
    if (highlight && geoDistance(rally, centre) > Math.PI / 2) continue;
    const point = projection(rally);
    if (!point) continue;
    const [x, y] = point;
    if (x < -radius || x > W + radius || y < -radius || y > H + radius) continue;
    points.push(point);
  }
  const dots = distinctDots(points, radius).map(
    ([x, y]) =>
      `<circle data-role="rally" cx="${round(x)}" cy="${round(y)}" r="${radius}" fill="${colours.accent}" stroke="#ffffff" stroke-width="2.5"/>`,
  );
  const point = highlight ? projection(highlight) : null;
  if (!point) return dots.join('');
  const [x, y] = point.map(round) as [number, number];
  // The halo goes under the other rallies (York stays visible beside London), the dot over them.
  return [
    `<circle cx="${x}" cy="${y}" r="54" fill="${colours.accent}" fill-opacity="0.10"/>`,
    `<circle cx="${x}" cy="${y}" r="38" fill="none" stroke="${colours.accent}" stroke-opacity="0.35" stroke-width="3"/>`,
    `<circle cx="${x}" cy="${y}" r="25" fill="none" stroke="${colours.accent}" stroke-opacity="0.7" stroke-width="3"/>`,
    ...dots,
    `<circle data-role="highlight" cx="${x}" cy="${y}" r="15" fill="${colours.accent}" stroke="#ffffff" stroke-width="5"/>`,
  ].join('');
}

// ---------------------------------------------------------------------------
// The card

/**
 * The map layer of each card, by topology, then by the rallies array and
 * the highlighted position: a city's card in seven languages draws the
 * same map, so it is projected once (about 50 ms of the build's time each).
 */
const mapLayerCache = new WeakMap<Topology, WeakMap<readonly unknown[], Map<string, string>>>();

/** The card's map (basemap and rally dots) for `highlight`, or the overview's for `null`, made once per input. */
function cardMapSvg(
  topology: Topology,
  highlight: [number, number] | null,
  allRallies: ShareCardInput['rallies'],
): string {
  const byRallies = mapLayerCache.get(topology) ?? new WeakMap<readonly unknown[], Map<string, string>>();
  mapLayerCache.set(topology, byRallies);
  const byHighlight = byRallies.get(allRallies) ?? new Map<string, string>();
  byRallies.set(allRallies, byHighlight);
  const key = highlight ? highlight.join(',') : 'overview';
  const cached = byHighlight.get(key);
  if (cached !== undefined) return cached;
  const rallies = allRallies.filter((r) => isPosition(r));
  const projection = cardProjection(highlight, rallies);
  const svg = `${basemapSvg(topology, projection)}${dotsSvg(projection, highlight, rallies)}`;
  byHighlight.set(key, svg);
  return svg;
}

/**
 * The card as SVG text, 1200×630, for `renderShareCard` or any SVG renderer
 * that has the card's fonts (see share-card-fonts.ts). Pure and
 * deterministic: the same input and topology give the same text, and
 * neither is changed (the only I/O is reading the card's own font files
 * once, for their glyph widths). Every
 * string from `input` is escaped, and the text is laid out with the fonts'
 * own metrics so that it stays inside the panel: long names get smaller or
 * wrap, long quotes are cut at a word boundary with "…". Throws if
 * `topology` has no `countries` geometry collection.
 */
export function shareCardSvg(input: ShareCardInput, topology: Topology): string {
  const highlight = isPosition(input.highlight) ? input.highlight : null;
  const { blocks, rules, shift } = layoutText(input);
  const text = blocks.map(textElement).join('');
  const title = input.cityName === null ? input.campaignTitle : `${input.cityName} — ${input.campaignTitle}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<title>${escapeXml(cleanText(title))}</title>`,
    `<defs><linearGradient id="panel-shadow" x1="0" x2="1" y1="0" y2="0">`,
    `<stop offset="0" stop-color="#1c1d21" stop-opacity="0.14"/><stop offset="1" stop-color="#1c1d21" stop-opacity="0"/>`,
    `</linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="${colours.sea}"/>`,
    `<g data-role="map">${cardMapSvg(topology, highlight, input.rallies)}</g>`,
    `<rect x="${panelWidth}" y="0" width="16" height="${H}" fill="url(#panel-shadow)"/>`,
    `<rect width="${panelWidth}" height="${H}" fill="${colours.panel}"/>`,
    `<g data-role="text"${shift ? ` transform="translate(0 ${shift})"` : ''}>${rules.join('')}${text}</g>`,
    `</svg>`,
  ].join('\n');
}

/**
 * The card as PNG bytes, 1200×630, rendered by resvg with the card's own
 * font files only (no system fonts), so the output does not depend on the
 * machine (build/render-png.ts). Takes some tens of milliseconds of a
 * thread-pool thread. Throws as `shareCardSvg` does.
 */
export function renderShareCard(input: ShareCardInput, topology: Topology): Promise<Buffer> {
  return renderPng(shareCardSvg(input, topology));
}

/**
 * The Natural Earth 1:110m countries from the `world-atlas` package, read
 * from node_modules. Throws if the file is missing or is not a topology.
 */
export function loadWorldTopology(): Topology {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  if ((topology as { type?: unknown }).type !== 'Topology') throw new Error(`${file} is not a TopoJSON topology`);
  return topology;
}
