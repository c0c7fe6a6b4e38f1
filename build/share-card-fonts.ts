import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts of the share cards, loaded by file path from npm packages so a
 * card looks the same on every machine: Inter (sans-serif, OFL) for names and
 * labels, Source Serif 4 Italic (OFL) for quotes. Both cover Latin-1 and Latin
 * Extended-A/B ("Brasília", "Ciudad de México", "München", "Łódź").
 *
 * Only TrueType files: resvg ignores .woff/.woff2 without a word, and text set
 * in a font it does not have simply disappears.
 */

/** One font face a card uses: the family and weight named in the SVG, and the file resvg loads for it. */
export interface ShareCardFontFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Path of the .ttf file inside node_modules. */
  file: string;
}

const require = createRequire(import.meta.url);

function fontFace(family: string, weight: number, style: 'normal' | 'italic', specifier: string): ShareCardFontFace {
  return { family, weight, style, file: require.resolve(specifier) };
}

/** The family name of the sans-serif face, as written in the SVG and given to resvg as the default. */
export const sansFamily = 'Inter';
/** The family name of the serif italic used for quotes. */
export const serifFamily = 'Source Serif 4';

/** Every face a card may use, each by the family, weight and style the SVG asks for. */
export const shareCardFonts = {
  regular: fontFace(sansFamily, 400, 'normal', '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  semibold: fontFace(sansFamily, 600, 'normal', '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  bold: fontFace(sansFamily, 700, 'normal', '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  extrabold: fontFace(sansFamily, 800, 'normal', '@expo-google-fonts/inter/800ExtraBold/Inter_800ExtraBold.ttf'),
  quote: fontFace(
    serifFamily,
    400,
    'italic',
    '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  ),
} as const satisfies Record<string, ShareCardFontFace>;

/**
 * The font options for resvg: exactly the card's font files, no system fonts,
 * Inter as the default family. With these, output does not depend on what is
 * installed on the machine.
 */
export function shareCardFontOptions(): {
  loadSystemFonts: false;
  fontFiles: string[];
  defaultFontFamily: string;
  sansSerifFamily: string;
  serifFamily: string;
} {
  return {
    loadSystemFonts: false,
    fontFiles: Object.values(shareCardFonts).map((face) => face.file),
    defaultFontFamily: sansFamily,
    sansSerifFamily: sansFamily,
    serifFamily,
  };
}

/** Horizontal metrics of one font file: advance width per code point, in units of the em. */
interface FontMetrics {
  unitsPerEm: number;
  /** Advance width in font units, by code point. */
  advances: Map<number, number>;
  /** Advance of the missing-glyph box, used for characters the font lacks. */
  missingAdvance: number;
}

const metricsCache = new Map<string, FontMetrics>();

/**
 * Reads `head`, `hhea`, `hmtx` and `cmap` (formats 4 and 12) from a TrueType
 * file: enough to know how wide a string is set in it, without kerning.
 * Throws if the file lacks one of those tables.
 */
function readFontMetrics(file: string): FontMetrics {
  const cached = metricsCache.get(file);
  if (cached) return cached;
  const data = readFileSync(file);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  const tableCount = view.getUint16(4);
  for (let index = 0; index < tableCount; index++) {
    const record = 12 + index * 16;
    const tag = data.toString('latin1', record, record + 4);
    tables.set(tag, view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font ${file} has no ${tag} table`);
    return offset;
  };

  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));

  const cmap = table('cmap');
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  const subtableCount = view.getUint16(cmap + 2);
  for (let index = 0; index < subtableCount; index++) {
    const record = cmap + 4 + index * 8;
    const offset = cmap + view.getUint32(record + 4);
    subtables.push({
      platform: view.getUint16(record),
      encoding: view.getUint16(record + 2),
      offset,
      format: view.getUint16(offset),
    });
  }
  const advances = new Map<number, number>();
  const full = subtables.find((s) => s.format === 12 && (s.platform === 0 || (s.platform === 3 && s.encoding === 10)));
  const bmp = subtables.find((s) => s.format === 4 && (s.platform === 0 || (s.platform === 3 && s.encoding === 1)));
  if (full) {
    const groups = view.getUint32(full.offset + 12);
    for (let index = 0; index < groups; index++) {
      const group = full.offset + 16 + index * 12;
      const start = view.getUint32(group);
      const end = view.getUint32(group + 4);
      const firstGlyph = view.getUint32(group + 8);
      for (let code = start; code <= end; code++) advances.set(code, glyphAdvance(firstGlyph + code - start));
    }
  } else if (bmp) {
    const segments = view.getUint16(bmp.offset + 6) / 2;
    const ends = bmp.offset + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let segment = 0; segment < segments; segment++) {
      const start = view.getUint16(starts + 2 * segment);
      const end = view.getUint16(ends + 2 * segment);
      const delta = view.getUint16(deltas + 2 * segment);
      const rangeOffsetAt = rangeOffsets + 2 * segment;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (code - start));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) advances.set(code, glyphAdvance(glyph));
      }
    }
  } else {
    throw new Error(`font ${file} has no Unicode cmap`);
  }
  const metrics = { unitsPerEm, advances, missingAdvance: glyphAdvance(0) };
  metricsCache.set(file, metrics);
  return metrics;
}

/**
 * The width in pixels of `text` set on one line in `face` at `size` px, with
 * `letterSpacing` px added after every character, as resvg sets it apart from
 * kerning (which in these fonts only ever tightens text, so this errs wide).
 * Deterministic: it reads only the card's own font files.
 */
export function textWidth(text: string, face: ShareCardFontFace, size: number, letterSpacing = 0): number {
  const metrics = readFontMetrics(face.file);
  let units = 0;
  let count = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    units += metrics.advances.get(code) ?? metrics.missingAdvance;
    count++;
  }
  return (units / metrics.unitsPerEm) * size + letterSpacing * count;
}

/** True when `face` has a glyph for `character` (one code point). */
export function hasGlyph(face: ShareCardFontFace, character: string): boolean {
  return readFontMetrics(face.file).advances.has(character.codePointAt(0) ?? -1);
}
