import { packSummaries, type PackedSummaries } from './packed-summaries.ts';
import type { RallyCollection } from './parse-rallies.ts';
import { rallyGeoJson, type RallyGeoJson } from './rally-geojson.ts';
import type { RallyProblem } from './rally-problem.ts';
import type { Campaign } from './rally-schema.ts';

/*
 * The rally index: what a site with many rallies sends the browser instead of
 * its whole rally file. The build validates the file once, then writes
 *
 * - one binary file with what the map and the city list need of every rally
 *   (the packed summaries of src/lib/packed-summaries.ts: ids, names,
 *   countries, dates, positions, counts), the campaign and the problems; and
 * - the whole records in shards of `recordShardSize` rallies each, in list
 *   order, each a rally FeatureCollection of its own, fetched when one of its
 *   cities is opened.
 *
 * Reading the index is a few typed-array views and one text decode, where
 * reading a rally file of 100,000 real-size records is about 2 s of JSON
 * parsing and validation. The layout (all numbers little-endian):
 *
 *   "RMI1" · header length (uint32) · header (UTF-8 JSON) · zero padding to a multiple of 8 ·
 *   positions (float64 × 2 × count) · fields (uint32 × 8 × count) · text ends (uint32 × texts) · text (UTF-8)
 */

/** How many whole records one record shard holds (the last holds the rest). */
export const recordShardSize = 1000;

/** The index's header: everything that is not an array of numbers. */
interface IndexHeader {
  count: number;
  shardSize: number;
  texts: number;
  textBytes: number;
  textLength: number;
  campaign: Campaign | null;
  problems: RallyProblem[];
}

/** A decoded rally index: what the page holds of a site with many rallies before any city is opened. */
export interface RallyIndex {
  campaign: Campaign | null;
  problems: RallyProblem[];
  /** Every rally's summary, in list order. */
  summaries: PackedSummaries;
  /** How many rallies each record shard holds. */
  shardSize: number;
}

const magic = [0x52, 0x4d, 0x49, 0x31]; // "RMI1"
const fieldsPerRally = 8;
/** More than any campaign will hold; a header claiming more is damaged. */
const maximumCount = 10_000_000;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const roundUpToEight = (value: number) => Math.ceil(value / 8) * 8;

/**
 * The rally index of a validated collection (see the module comment), with
 * whole records in shards of `shardSize`. `decodeRallyIndex` reads it back.
 */
export function encodeRallyIndex(
  collection: RallyCollection,
  shardSize: number = recordShardSize,
): Uint8Array<ArrayBuffer> {
  const packed = packSummaries(collection.rallies);
  const text = new TextEncoder().encode(packed.text);
  const header: IndexHeader = {
    count: packed.count,
    shardSize,
    texts: packed.textEnds.length,
    textBytes: text.byteLength,
    textLength: packed.text.length,
    campaign: collection.campaign,
    problems: collection.problems,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const arraysStart = roundUpToEight(8 + headerBytes.byteLength);
  const total =
    arraysStart + packed.positions.byteLength + packed.fields.byteLength + packed.textEnds.byteLength + text.byteLength;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint32(4, headerBytes.byteLength, true);
  bytes.set(headerBytes, 8);
  let at = arraysStart;
  for (const array of [packed.positions, packed.fields, packed.textEnds]) {
    // Written number by number, little-endian whatever the machine.
    const width = array.BYTES_PER_ELEMENT;
    array.forEach((value, index) => {
      if (width === 8) view.setFloat64(at + index * 8, value, true);
      else view.setUint32(at + index * 4, value, true);
    });
    at += array.byteLength;
  }
  bytes.set(text, at);
  return bytes;
}

/**
 * Reads a rally index written by `encodeRallyIndex`. Never throws: a file
 * that is not one (another format, cut short, damaged, from a newer build)
 * comes back as a message. Every number is checked to point inside the file
 * (text numbers, text ends, positions on the globe), so what it returns can
 * be unpacked without further checks. The campaign and problems are the
 * build's, already validated, and are not validated again.
 */
export function decodeRallyIndex(bytes: ArrayBuffer): { ok: true; index: RallyIndex } | { ok: false; message: string } {
  const fail = (why: string) => ({ ok: false, message: `the rally index ${why}` }) as const;
  try {
    if (!littleEndian) return fail('cannot be read on a big-endian device');
    const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
    if (head.length < 8 || magic.some((byte, index) => head[index] !== byte)) return fail('is not a rally index file');
    const headerLength = new DataView(bytes).getUint32(4, true);
    if (8 + headerLength > bytes.byteLength) return fail('is cut short');
    const header = readHeader(new TextDecoder().decode(new Uint8Array(bytes, 8, headerLength)));
    if (!header) return fail('has a damaged header');
    const { count, texts } = header;
    const positionsStart = roundUpToEight(8 + headerLength);
    const fieldsStart = positionsStart + count * 2 * 8;
    const textEndsStart = fieldsStart + count * fieldsPerRally * 4;
    const textStart = textEndsStart + texts * 4;
    if (textStart + header.textBytes !== bytes.byteLength) return fail('is cut short or has bytes too many');
    const positions = new Float64Array(bytes, positionsStart, count * 2);
    const fields = new Uint32Array(bytes, fieldsStart, count * fieldsPerRally);
    const textEnds = new Uint32Array(bytes, textEndsStart, texts);
    const text = new TextDecoder().decode(new Uint8Array(bytes, textStart, header.textBytes));
    if (text.length !== header.textLength) return fail('has a damaged text');
    const problem = checkNumbers(count, positions, fields, textEnds, text.length);
    if (problem) return fail(problem);
    return {
      ok: true,
      index: {
        campaign: header.campaign,
        problems: header.problems,
        shardSize: header.shardSize,
        summaries: { count, text, textEnds, fields, positions },
      },
    };
  } catch {
    return fail('could not be read');
  }
}

function readHeader(json: string): IndexHeader | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const header = value as Partial<Record<keyof IndexHeader, unknown>>;
  const whole = (number: unknown, minimum = 0): number is number =>
    Number.isSafeInteger(number) && (number as number) >= minimum && (number as number) <= 2 ** 32;
  if (
    !whole(header.count) ||
    header.count > maximumCount ||
    !whole(header.shardSize, 1) ||
    !whole(header.texts) ||
    !whole(header.textBytes) ||
    !whole(header.textLength) ||
    !Array.isArray(header.problems) ||
    (header.campaign !== null && (typeof header.campaign !== 'object' || Array.isArray(header.campaign)))
  ) {
    return null;
  }
  return header as IndexHeader;
}

/** Why the numbers do not fit together, or null when they do. */
function checkNumbers(
  count: number,
  positions: Float64Array,
  fields: Uint32Array,
  textEnds: Uint32Array,
  textLength: number,
): string | null {
  let previous = 0;
  for (const end of textEnds) {
    if (end < previous || end > textLength) return 'has a damaged text table';
    previous = end;
  }
  const texts = textEnds.length;
  for (let rally = 0; rally < count; rally += 1) {
    const at = rally * fieldsPerRally;
    const longitude = positions[rally * 2] ?? Number.NaN;
    const latitude = positions[rally * 2 + 1] ?? Number.NaN;
    if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90)) return `has rally ${String(rally)} off the globe`;
    if (
      (fields[at] ?? texts) >= texts ||
      (fields[at + 1] ?? texts) >= texts ||
      (fields[at + 2] ?? texts) > texts ||
      (fields[at + 3] ?? texts) >= texts ||
      (fields[at + 4] ?? texts) >= texts ||
      (fields[at + 5] ?? 2) > 1
    ) {
      return `has rally ${String(rally)} pointing outside its texts`;
    }
  }
  return null;
}

/** The record shard that holds the rally at `index` in list order. */
export function recordShardOf(index: number, shardSize: number): number {
  return Math.floor(index / shardSize);
}

/**
 * The collection's whole records in shards of `shardSize`, in list order:
 * each a rally FeatureCollection (without the campaign) that
 * `parseRallyCollection` reads back to the same rallies.
 */
export function recordShards(
  collection: Pick<RallyCollection, 'rallies'>,
  shardSize: number = recordShardSize,
): RallyGeoJson[] {
  const shards: RallyGeoJson[] = [];
  for (let start = 0; start < collection.rallies.length; start += shardSize) {
    shards.push(rallyGeoJson({ campaign: null, rallies: collection.rallies.slice(start, start + shardSize) }));
  }
  return shards;
}
