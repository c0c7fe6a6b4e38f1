import { describe, expect, it } from 'vitest';
import { packedBuffers, packSummaries, summaryPositionsById, unpackSummaries } from '../../src/lib/packed-summaries.ts';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { summarizeRally } from '../../src/lib/rally-summary.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const rallies = () => parseRallyCollection(readRallyDocument()).rallies;

describe('packSummaries and unpackSummaries', () => {
  it('give back the same summaries, from whole records or from summaries', () => {
    const records = rallies();
    const summaries = records.map(summarizeRally);
    expect(unpackSummaries(packSummaries(records), 0, records.length)).toEqual(summaries);
    expect(unpackSummaries(packSummaries(summaries), 0, summaries.length)).toEqual(summaries);
  });

  it('unpacks any slice, clamped to the list', () => {
    const summaries = rallies().map(summarizeRally);
    const packed = packSummaries(summaries);
    expect(unpackSummaries(packed, 2, 5)).toEqual(summaries.slice(2, 5));
    expect(unpackSummaries(packed, 6, 100)).toEqual(summaries.slice(6));
    expect(unpackSummaries(packed, -3, 1)).toEqual(summaries.slice(0, 1));
    expect(unpackSummaries(packed, 8, 9)).toEqual([]);
  });

  it('stores each distinct text once, so repeated countries and dates cost nothing', () => {
    const [template] = rallies().map(summarizeRally);
    if (!template) throw new Error('no rallies');
    const copies = Array.from({ length: 1000 }, (_, index) => ({ ...template, id: `london-${String(index)}` }));
    const packed = packSummaries(copies);
    // 1000 ids, one name, one country, one date.
    expect(packed.textEnds.length).toBe(1003);
    expect(unpackSummaries(packed, 999, 1000)[0]?.id).toBe('london-999');
  });

  it('keeps texts with any characters, an empty date and positions to the last digit', () => {
    const [template] = rallies().map(summarizeRally);
    if (!template) throw new Error('no rallies');
    const odd = { ...template, name: 'A\u0000B "quoted" \n ✓ 🏳️‍🌈', localName: '', date: '', latitude: -33.86882 };
    expect(unpackSummaries(packSummaries([odd, template]), 0, 2)).toEqual([odd, template]);
  });

  it('puts every number in typed arrays that can be moved to another thread', () => {
    const packed = packSummaries(rallies());
    expect(packedBuffers(packed)).toEqual([packed.textEnds.buffer, packed.fields.buffer, packed.positions.buffer]);
    expect(packed.positions).toBeInstanceOf(Float64Array);
    expect(packed.count).toBe(8);
    // A structured clone (what postMessage does) keeps it whole.
    const cloned = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(unpackSummaries(cloned, 0, 8)).toEqual(rallies().map(summarizeRally));
  });
});

describe('summaryPositionsById', () => {
  it('gives each id its position in the list, as unpacking would', () => {
    const summaries = rallies().map(summarizeRally);
    const packed = packSummaries(summaries);
    const unpacked = unpackSummaries(packed, 0, packed.count);
    expect([...summaryPositionsById(packed)]).toEqual(unpacked.map((summary, index) => [summary.id, index]));
  });

  it('finds ids that share their text with a name, and the empty list', () => {
    // The id of the second rally is the first one's name: ids are stored apart, so each keeps its own position.
    const [first, second] = rallies().map(summarizeRally);
    if (!first || !second) throw new Error('the fixture has fewer than two rallies');
    const packed = packSummaries([first, { ...second, id: first.name }]);
    expect(summaryPositionsById(packed).get(first.name)).toBe(1);
    expect(summaryPositionsById(packed).get(first.id)).toBe(0);
    expect(summaryPositionsById(packSummaries([])).size).toBe(0);
  });
});
