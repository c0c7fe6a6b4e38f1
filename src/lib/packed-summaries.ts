import type { Rally } from './rally-schema.ts';
import type { RallySummary } from './rally-summary.ts';

/**
 * Rally summaries packed for a message between threads: numbers in typed
 * arrays (transferable, so moving them costs nothing) and every distinct
 * text once in one string, so a structured clone copies four values however
 * many rallies there are.
 */
export interface PackedSummaries {
  count: number;
  /** The texts, one after another: each id, and every distinct name, local name, country and date once. */
  text: string;
  /** Where text `i` ends in `text` (it starts where text `i - 1` ends, or at 0). */
  textEnds: Uint32Array;
  /**
   * `fieldsPerRally` numbers per rally: its id, name, local name (0 for none,
   * else the text's number + 1), country and date as text numbers, then its
   * precision (0 city, 1 venue), quote count and photo count.
   */
  fields: Uint32Array;
  /** `[longitude0, latitude0, longitude1, …]`. */
  positions: Float64Array;
}

const fieldsPerRally = 8;

/** Packs summaries of `rallies` (whole records or summaries) in list order; see `PackedSummaries`. */
export function packSummaries(rallies: readonly (Rally | RallySummary)[]): PackedSummaries {
  const texts: string[] = [];
  const textNumbers = new Map<string, number>();
  const textNumber = (value: string): number => {
    let number = textNumbers.get(value);
    if (number === undefined) {
      number = texts.length;
      texts.push(value);
      textNumbers.set(value, number);
    }
    return number;
  };
  // Ids are unique in a rally file, so looking them up would only fill the map: each is stored as it comes.
  const idNumber = (value: string): number => texts.push(value) - 1;
  const fields = new Uint32Array(rallies.length * fieldsPerRally);
  const positions = new Float64Array(rallies.length * 2);
  rallies.forEach((rally, index) => {
    const at = index * fieldsPerRally;
    fields[at] = idNumber(rally.id);
    fields[at + 1] = textNumber(rally.name);
    fields[at + 2] = rally.localName === undefined ? 0 : textNumber(rally.localName) + 1;
    fields[at + 3] = textNumber(rally.country);
    fields[at + 4] = textNumber(rally.date);
    fields[at + 5] = rally.locationPrecision === 'venue' ? 1 : 0;
    fields[at + 6] = 'quotes' in rally ? rally.quotes.length : rally.quoteCount;
    fields[at + 7] = 'photos' in rally ? rally.photos.length : rally.photoCount;
    positions[index * 2] = rally.longitude;
    positions[index * 2 + 1] = rally.latitude;
  });
  const textEnds = new Uint32Array(texts.length);
  let end = 0;
  texts.forEach((value, number) => {
    end += value.length;
    textEnds[number] = end;
  });
  return { count: rallies.length, text: texts.join(''), textEnds, fields, positions };
}

/** The typed arrays of `packed`, to list as transferables when posting it. */
export function packedBuffers(packed: PackedSummaries): ArrayBuffer[] {
  return [packed.textEnds.buffer, packed.fields.buffer, packed.positions.buffer] as ArrayBuffer[];
}

/**
 * Unpacks the summaries of rallies `start` (inclusive) to `end` (exclusive),
 * clamped to the packed count, so a large list can be unpacked in short
 * slices. `unpackSummaries(packSummaries(list), 0, list.length)` equals the
 * list's summaries.
 */
export function unpackSummaries(packed: PackedSummaries, start: number, end: number): RallySummary[] {
  const { text, textEnds, fields, positions } = packed;
  const textAt = (number: number): string => text.slice(number > 0 ? (textEnds[number - 1] ?? 0) : 0, textEnds[number]);
  // Countries and dates repeat from rally to rally: each is cut out of the text once.
  const shared = new Map<number, string>();
  const sharedTextAt = (number: number): string => {
    let value = shared.get(number);
    if (value === undefined) {
      value = textAt(number);
      shared.set(number, value);
    }
    return value;
  };
  const summaries: RallySummary[] = [];
  for (let index = Math.max(0, start); index < Math.min(end, packed.count); index += 1) {
    const at = index * fieldsPerRally;
    const summary: RallySummary = {
      id: textAt(fields[at] ?? 0),
      name: textAt(fields[at + 1] ?? 0),
      country: sharedTextAt(fields[at + 3] ?? 0),
      date: sharedTextAt(fields[at + 4] ?? 0),
      locationPrecision: fields[at + 5] === 1 ? 'venue' : 'city',
      longitude: positions[index * 2] ?? 0,
      latitude: positions[index * 2 + 1] ?? 0,
      quoteCount: fields[at + 6] ?? 0,
      photoCount: fields[at + 7] ?? 0,
    };
    const localName = fields[at + 2] ?? 0;
    if (localName > 0) summary.localName = textAt(localName - 1);
    summaries.push(summary);
  }
  return summaries;
}

/**
 * Each rally's position in `packed` (its list order), by id: what
 * `unpackSummaries` would give as `[summary.id, index]` pairs, without
 * unpacking the rest of each summary.
 */
export function summaryPositionsById(packed: PackedSummaries): Map<string, number> {
  const { text, textEnds, fields } = packed;
  const positions = new Map<string, number>();
  for (let index = 0; index < packed.count; index += 1) {
    const number = fields[index * fieldsPerRally] ?? 0;
    positions.set(text.slice(number > 0 ? (textEnds[number - 1] ?? 0) : 0, textEnds[number]), index);
  }
  return positions;
}
