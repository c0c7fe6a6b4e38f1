import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { hasGlyph, shareCardFontOptions, shareCardFonts } from '../../build/share-card-fonts.ts';
import {
  loadWorldTopology,
  renderShareCard,
  shareCardSize,
  shareCardSvg,
  type ShareCardInput,
} from '../../build/share-card.ts';

const topology = loadWorldTopology();

const cities = {
  london: [-0.1908, 51.5103],
  brasilia: [-47.8828, -15.7939],
  mexicoCity: [-99.1332, 19.4326],
  munich: [11.5755, 48.1374],
  berlin: [13.405, 52.52],
  rome: [12.4964, 41.9028],
  stockholm: [18.0686, 59.3293],
  york: [-1.0815, 53.959],
} satisfies Record<string, [number, number]>;
const rallies = Object.values(cities);

const overview: ShareCardInput = {
  campaignTitle: 'Rallies against the anti-gay purge in Chechnya',
  dateText: '7 April 2018',
  cityName: null,
  localName: null,
  quote: null,
  highlight: null,
  rallies,
};

const london: ShareCardInput = {
  ...overview,
  cityName: 'London',
  quote: { text: 'International solidarity is so important.', speaker: 'Peter Tatchell' },
  highlight: cities.london,
};

const mexicoCity: ShareCardInput = {
  ...overview,
  cityName: 'Mexico City',
  localName: 'Ciudad de México',
  highlight: cities.mexicoCity,
};

const longQuote =
  'It is such a morale boost for people in Russia and Chechnya to know that we care about them and are standing ' +
  'with them. What has happened to LGBT Chechens is only one fragment of the wider persecution of LGBT people ' +
  'across Russia, and it must stop.';

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The lines of the `<text data-role="…">` element, unescaped; `[]` when there is none. */
function linesOf(svg: string, role: string): string[] {
  const element = new RegExp(`<text data-role="${role}"[^>]*>(.*?)</text>`, 's').exec(svg);
  if (!element?.[1]) return [];
  return [...element[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => unescapeXml(match[1] ?? ''));
}

function textOf(svg: string, role: string): string {
  return linesOf(svg, role).join(' ');
}

/** The centre of the highlighted city's dot. */
function highlightCentre(svg: string): { x: number; y: number } {
  const match = /<circle data-role="highlight" cx="([-\d.]+)" cy="([-\d.]+)"/.exec(svg);
  if (!match) throw new Error('no highlight in the SVG');
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** The SVG with only its text panel group, to measure where the text really lands. */
function textOnly(svg: string): string {
  const group = /<g data-role="text".*?<\/g>/s.exec(svg);
  if (!group) throw new Error('no text group in the SVG');
  const { width, height } = shareCardSize;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${group[0]}</svg>`;
}

function withoutText(svg: string): string {
  return svg.replace(/<g data-role="text".*?<\/g>/s, '');
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes) into its header and pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const chunks: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    } else if (type === 'IDAT') chunks.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    for (let column = 0; column < stride; column++) {
      const value = raw[row * (stride + 1) + 1 + column] ?? 0;
      const left = column >= 4 ? (pixels[row * stride + column - 4] ?? 0) : 0;
      const up = row > 0 ? (pixels[(row - 1) * stride + column] ?? 0) : 0;
      const upLeft = row > 0 && column >= 4 ? (pixels[(row - 1) * stride + column - 4] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = Math.floor((left + up) / 2);
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        predictor = a <= b && a <= c ? left : b <= c ? up : upLeft;
      }
      pixels[row * stride + column] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** How many pixels in the text panel (x < 560) are the near-black of the ink, #1c1d21. */
function inkPixels(pixels: Buffer, width: number, height: number): number {
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < 560; x++) {
      const at = (y * width + x) * 4;
      if ((pixels[at] ?? 255) < 90 && (pixels[at + 1] ?? 255) < 90 && (pixels[at + 2] ?? 255) < 90) count++;
    }
  }
  return count;
}

describe('renderShareCard', () => {
  it('returns a 1200×630 PNG', async () => {
    const png = await renderShareCard(london, topology);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(shareCardSize).toEqual({ width: 1200, height: 630 });
  });

  it('draws the text with its own fonts, not with whatever the machine has', async () => {
    const options = shareCardFontOptions();
    expect(options.loadSystemFonts).toBe(false);
    for (const file of options.fontFiles) {
      expect(file).toMatch(/\.ttf$/);
      expect(existsSync(file)).toBe(true);
    }

    const card = decodePng(await renderShareCard(london, topology));
    expect([card.width, card.height]).toEqual([1200, 630]);
    const blank = new Resvg(withoutText(shareCardSvg(london, topology)), { font: options }).render();
    // Without the text the panel has no ink at all; with it, "London" and the quote put down thousands of pixels.
    expect(inkPixels(blank.pixels, blank.width, blank.height)).toBe(0);
    expect(inkPixels(card.pixels, card.width, card.height)).toBeGreaterThan(8000);
  });

  it('renders the same bytes every time', async () => {
    const first = await renderShareCard(mexicoCity, topology);
    expect((await renderShareCard(mexicoCity, topology)).equals(first)).toBe(true);
  });
});

describe('shareCardSvg', () => {
  it('shows the city, its local name, the date and the quote on a city card', () => {
    const svg = shareCardSvg({ ...london, localName: 'Londres' }, topology);
    expect(textOf(svg, 'city')).toBe('London');
    expect(textOf(svg, 'local')).toBe('Londres');
    expect(textOf(svg, 'date')).toBe('7 APRIL 2018');
    expect(textOf(svg, 'quote')).toBe('“International solidarity is so important.”');
    expect(textOf(svg, 'speaker')).toBe('— Peter Tatchell');
    expect(textOf(svg, 'campaign')).toBe('Rallies against the anti-gay purge in Chechnya');
  });

  it('shows the campaign title big on the overview card, with no city and no highlight', () => {
    const svg = shareCardSvg(overview, topology);
    expect(textOf(svg, 'title')).toBe('Rallies against the anti-gay purge in Chechnya');
    expect(textOf(svg, 'date')).toBe('7 APRIL 2018');
    expect(linesOf(svg, 'city')).toEqual([]);
    expect(svg).not.toContain('data-role="highlight"');
    expect(svg.match(/data-role="rally"/g)).toHaveLength(rallies.length);
  });

  it('escapes hostile text, which stays text and keeps the SVG well-formed', () => {
    const hostile: ShareCardInput = {
      ...london,
      campaignTitle: "Title & <b>'bold'</b>",
      cityName: '<script>&"',
      localName: '</text><svg onload="alert(1)">',
      quote: { text: 'a ]]> b <!-- c --> d \u0000\u0007 e', speaker: 'A & B <i>' },
    };
    const svg = shareCardSvg(hostile, topology);
    expect(svg).not.toMatch(/<script|<svg onload|<b>|<i>|<!--/);
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(textOf(svg, 'city')).toBe('<script>&"');
    expect(textOf(svg, 'local')).toBe('</text><svg onload="alert(1)">');
    expect(textOf(svg, 'quote')).toBe('“a ]]> b <!-- c --> d e”');
    expect(textOf(svg, 'speaker')).toBe('— A & B <i>');
    // resvg's XML parser is strict: it rejects a malformed document, and accepts this one.
    expect(() => new Resvg('<svg xmlns="http://www.w3.org/2000/svg"><text>&</text></svg>')).toThrow();
    expect(() => new Resvg(svg, { font: shareCardFontOptions() })).not.toThrow();
  });

  it('shortens a long quote at a word boundary with an ellipsis, in at most three lines', () => {
    const svg = shareCardSvg({ ...london, quote: { text: longQuote, speaker: 'Peter Tatchell' } }, topology);
    const lines = linesOf(svg, 'quote');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    const shown = lines.join(' ');
    expect(shown).toMatch(/^“.+…”$/);
    const kept = shown.slice(1, -2);
    expect(kept.length).toBeGreaterThan(40);
    expect(longQuote.startsWith(kept)).toBe(true);
    // The cut falls between words: what follows in the original is a space (or punctuation, then a space).
    expect(longQuote.slice(kept.length)).toMatch(/^[,.;:]? /);
    expect(textOf(svg, 'speaker')).toBe('— Peter Tatchell');
  });

  it('keeps every line of text inside the panel, for long names too', () => {
    const cards: ShareCardInput[] = [
      london,
      mexicoCity,
      overview,
      { ...london, quote: { text: longQuote, speaker: 'Peter Tatchell' } },
      { ...mexicoCity, quote: { text: longQuote, speaker: 'Someone with a very long name and a longer title' } },
      {
        ...mexicoCity,
        cityName: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch and Ciudad de México',
        localName: 'Ciudad Autónoma de Buenos Aires, capital of the Argentine Republic',
        campaignTitle: `${overview.campaignTitle}, and everywhere else the news reached that spring`,
      },
      { ...overview, campaignTitle: `${longQuote} ${longQuote}`, quote: { text: longQuote, speaker: 'X' } },
    ];
    for (const card of cards) {
      const svg = shareCardSvg(card, topology);
      const box = new Resvg(textOnly(svg), { font: shareCardFontOptions() }).getBBox();
      expect(box).toBeDefined();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(48);
      expect(box.x + box.width).toBeLessThanOrEqual(560 - 24);
      expect(box.y).toBeGreaterThanOrEqual(24);
      expect(box.y + box.height).toBeLessThanOrEqual(630 - 24);
    }
  });

  it('wraps or shrinks a long city name rather than letting it overflow', () => {
    const svg = shareCardSvg(mexicoCity, topology);
    expect(textOf(svg, 'city')).toBe('Mexico City');
    expect(textOf(svg, 'local')).toBe('Ciudad de México');
    const size = (role: string): number =>
      Number(new RegExp(`data-role="${role}"[^>]*font-size="([\\d.]+)"`).exec(svg)?.[1]);
    // Still the biggest thing on the card, and big enough to read in a thumbnail.
    expect(size('city')).toBeGreaterThanOrEqual(64);
    expect(size('city')).toBeGreaterThan(size('local'));
  });

  it('puts the highlighted city in the middle of the map, beside the panel, wherever it is', () => {
    const places: [number, number][] = [...rallies, [174.78, -41.29], [-157.86, 21.31], [18.96, 69.65], [0, 0]];
    for (const place of places) {
      const { x, y } = highlightCentre(shareCardSvg({ ...london, highlight: place }, topology));
      expect(x).toBeGreaterThan(560 + 50);
      expect(x).toBeLessThan(1200 - 50);
      expect(y).toBeGreaterThan(50);
      expect(y).toBeLessThan(630 - 50);
    }
  });

  it('shows the rallies near the city as smaller dots: York on the London card', () => {
    const svg = shareCardSvg(london, topology);
    const centre = highlightCentre(svg);
    const dots = [...svg.matchAll(/<circle data-role="rally" cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"/g)].map(
      (match) => ({ x: Number(match[1]), y: Number(match[2]), r: Number(match[3]) }),
    );
    // York is 2.5° north of London: close, but a separate dot, and above it on the map.
    const york = dots.find((dot) => Math.hypot(dot.x - centre.x, dot.y - centre.y) < 80);
    expect(york).toBeDefined();
    expect(york?.y).toBeLessThan(centre.y);
    expect(york?.r).toBeLessThan(15);
    // The overview fits every rally into the map area, clear of the panel.
    for (const match of shareCardSvg(overview, topology).matchAll(/data-role="rally" cx="([-\d.]+)" cy="([-\d.]+)"/g)) {
      expect(Number(match[1])).toBeGreaterThan(560);
      expect(Number(match[1])).toBeLessThan(1200);
      expect(Number(match[2])).toBeGreaterThan(0);
      expect(Number(match[2])).toBeLessThan(630);
    }
  });

  it('has fonts with the letters of every city name it is likely to get', () => {
    for (const face of Object.values(shareCardFonts)) {
      for (const character of 'íéüöñçãøåłśźżčšžő…“”—') expect(hasGlyph(face, character), character).toBe(true);
    }
  });

  it('rejects a topology without countries', () => {
    expect(() => shareCardSvg(overview, { type: 'Topology', objects: {}, arcs: [] })).toThrow(/countries/);
  });
});
